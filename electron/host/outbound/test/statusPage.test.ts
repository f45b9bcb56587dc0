import AxeBuilder from '@axe-core/playwright';
import { chromium } from '@playwright/test';
import { HtmlValidate } from 'html-validate';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createIncident } from '../../../../shared/model/commands';
import { postStatusUpdate } from '../../../../shared/model/statusCommands';
import { incidentDocName } from '../../../../shared/protocol/api';
import { IncidentStore } from '../../store';
import { buildCli, tempDir } from '../../test/helpers';
import { renderStatusPage } from '../statusPage';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../../playwright.config';

/** The axe rule sets the app itself is held to (WCAG 2.0/2.1 A and AA). */
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const INTERNAL = 'Internal: the primary is corrupt, restoring from the DR copy';
const HOSTILE = 'Checkout is back <script>alert(1)</script> & <img src=x onerror=alert(2)>';

function incidentDoc(): Y.Doc {
  const doc = new Y.Doc();
  const ctx = { author: 'Dana', now: () => '2026-12-06T21:00:00.000Z' };
  createIncident(doc, ctx, { id: '01KSTATUS', title: 'Checkout <down>', severity: 'SEV2', startedAt: '2026-12-06T20:00:00.000Z', timeZone: 'UTC' });
  postStatusUpdate(doc, ctx, { audience: 'internal', template: 'investigating', text: INTERNAL });
  postStatusUpdate(doc, { ...ctx, now: () => '2026-12-06T21:30:00.000Z' }, { audience: 'customers', template: 'identified', text: 'We found the cause.' });
  postStatusUpdate(doc, { ...ctx, now: () => '2026-12-06T22:00:00.000Z' }, { audience: 'customers', template: 'monitoring', text: HOSTILE });
  return doc;
}

describe('static status page', () => {
  it('holds the customer updates, newest first, escaped, with no script and nothing internal', () => {
    const page = renderStatusPage(incidentDoc(), '2026-12-06T22:05:00.000Z');
    if (!page) throw new Error('no page');
    expect(page.updates).toBe(2);
    for (const text of [page.html, page.atom]) {
      expect(text).not.toContain('Internal');
      // No script element and no event-handler attribute in any tag; escaped text is only text.
      expect(text).not.toMatch(/<script|<img|<[^>]*\son\w+=/i);
    }
    expect(page.html).toContain('Checkout is back &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(2)&gt;');
    expect(page.html).toContain('<title>Checkout &lt;down&gt;: status</title>');
    expect(page.html.indexOf('Monitoring')).toBeLessThan(page.html.indexOf('Identified'));
    expect(page.html.match(/<article>/g)).toHaveLength(2);
    expect(page.atom.match(/<entry>/g)).toHaveLength(2);
    expect(page.atom).toContain('<updated>2026-12-06T22:00:00.000Z</updated>');
  });

  describe('warroom statuspage', () => {
    let cli = '';
    let dataDir = '';
    beforeAll(async () => {
      cli = await buildCli();
      dataDir = tempDir('warroom-statuspage-');
      const store = IncidentStore.open(dataDir);
      store.append(incidentDocName('01KSTATUS'), Y.encodeStateAsUpdate(incidentDoc()));
      store.close();
    });
    afterAll(() => rmSync(cli, { force: true }));
    const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });

    it('writes the page and the feed, and never overwrites a file it did not write', () => {
      const out = path.join(tempDir('warroom-statuspage-out-'), 'site');
      const first = run('statuspage', '01KSTATUS', '--out', out, '--data-dir', dataDir);
      expect(first.stderr).toBe('');
      expect(first.stdout).toMatch(/2 customer update/);
      expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('We found the cause.');
      // Written by us: written again.
      expect(run('statuspage', '01KSTATUS', '--out', out, '--data-dir', dataDir).status).toBe(0);

      const foreign = tempDir('warroom-statuspage-foreign-');
      writeFileSync(path.join(foreign, 'index.html'), '<p>our team page</p>');
      const refused = run('statuspage', '01KSTATUS', '--out', foreign, '--data-dir', dataDir);
      expect(refused.status).toBe(2);
      expect(refused.stderr).toMatch(/index\.html exists and was not written by War Room; it was left untouched/);
      expect(readFileSync(path.join(foreign, 'index.html'), 'utf8')).toBe('<p>our team page</p>');
      expect(existsSync(path.join(foreign, 'feed.atom'))).toBe(false);

      const missing = run('statuspage', '01KNONE', '--out', out, '--data-dir', dataDir);
      expect(missing.stderr).toMatch(/no incident with id 01KNONE/);
    });

    it('writes a page that passes an HTML validator and an axe check in Chromium', async () => {
      const out = tempDir('warroom-statuspage-checked-');
      expect(run('statuspage', '01KSTATUS', '--out', out, '--data-dir', dataDir).status).toBe(0);
      const file = path.join(out, 'index.html');

      const report = await new HtmlValidate({ extends: ['html-validate:recommended'] }).validateString(readFileSync(file, 'utf8'), file);
      const problems = report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
      expect(problems, problems.join('\n')).toEqual([]);

      const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
      try {
        const page = await (await browser.newContext()).newPage();
        await page.goto(pathToFileURL(file).href);
        const result = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
        const failures = result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}) ${n.target.join(' ')}: ${n.failureSummary ?? ''}`));
        expect(failures, failures.join('\n')).toEqual([]);
        // The check saw the page, not an error screen.
        expect(result.passes.map((p) => p.id)).toContain('color-contrast');
      } finally {
        await browser.close();
      }
    }, 60_000);
  });
});
