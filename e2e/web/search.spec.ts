// "Have we seen this before?": incidents written to the store before the host started are found
// by the search box on Home; ↓ and Enter open the incident at the entry, far down its timeline,
// selected and on screen. The snippet shows the entry's text as text, and the open incident's
// Now panel names the most similar past incident. A postmortem hit opens the Postmortem tab.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { addEntry, createIncident, setPostmortemSection, updateIncident } from '../../shared/model/commands';
import { newId } from '../../shared/model/ids';
import { incidentDocName } from '../../shared/protocol/api';
import { IncidentStore } from '../../electron/host/store';
import { giveName } from '../support/nameDialog';
import { expect, startServe, test, type ServedHost } from '../support/warroomServe';

/** Enough rows that the linked entry starts far off screen. */
const ROUTINE_ENTRIES = 400;
const LINKED_AT = 25;
const LINKED_TEXT = 'Binlog replay stalled on the <i>turtle</i> restore';

function seed(dir: string, title: string, summary: string, keyEvent: string, fill: (doc: Y.Doc) => void = () => {}): string {
  const store = IncidentStore.open(dir);
  const doc = new Y.Doc();
  const id = newId();
  doc.on('update', (u: Uint8Array) => store.append(incidentDocName(id), u));
  const ctx = { author: 'Priya' };
  createIncident(doc, ctx, { id, title, severity: 'SEV2', startedAt: '2026-11-21T23:06:00.000Z', timeZone: 'UTC' });
  doc.transact(() => {
    updateIncident(doc, ctx, { summary });
    addEntry(doc, ctx, { text: keyEvent, key: true, occurredAt: '2026-11-21T23:10:00.000Z' });
    fill(doc);
  });
  store.close();
  doc.destroy();
  return id;
}

let host: ServedHost;
let current: string;
let earlier: string;

test.beforeAll(async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'warroom-e2e-search-'));
  current = seed(dir, 'Replica lag on the orders database', 'Replication stalled after failover', 'Promoted the standby replica', (doc) => {
    for (let i = 0; i < ROUTINE_ENTRIES; i += 1) {
      const minute = String(i % 60).padStart(2, '0');
      const hour = String(Math.floor(i / 60)).padStart(2, '0');
      addEntry(doc, { author: 'Priya' }, { text: i === LINKED_AT ? LINKED_TEXT : `Routine check ${i}`, occurredAt: `2026-11-22T${hour}:${minute}:00.000Z` });
    }
  });
  earlier = seed(dir, 'Orders replica fell behind', 'Replication lag after a long vacuum', 'Standby promoted by hand');
  seed(dir, 'Login page slow', 'CDN misconfiguration', 'Purged the CDN cache', (doc) => setPostmortemSection(doc, { author: 'Priya' }, 'rootCause', 'A misrouted origin rule at the edge'));
  host = await startServe([], dir);
});
test.afterAll(() => host.stop());

test('search, then ↓ and Enter open the incident scrolled to the entry; similar incidents are named', async ({ page }) => {
  await page.goto(host.openUrl);
  await giveName(page, 'Sam Ortiz');

  const box = page.getByRole('combobox', { name: 'Search all incidents' });
  await box.fill('turtle');
  const results = page.getByRole('listbox', { name: 'Search results' });
  const hit = results.getByRole('option').filter({ hasText: 'Replica lag on the orders database' });
  await expect(hit).toHaveCount(1);
  // The entry's own markup is text, and only the matched word is marked.
  await expect(hit).toContainText('<i>turtle</i>');
  await expect(hit.locator('mark')).toHaveText(['turtle']);
  await expect(hit).toContainText('Entry');
  await expect(page.getByRole('status').filter({ hasText: /result/ })).toHaveText('1 result');

  await page.screenshot({ path: 'test-results/search-results.png', clip: { x: 0, y: 0, width: 1440, height: 240 } });
  await box.press('ArrowDown');
  await expect(hit).toHaveAttribute('aria-selected', 'true');
  await box.press('Enter');

  await expect(page).toHaveURL(new RegExp(`#/incident/${current}\\?entry=`));
  const timeline = page.getByRole('grid', { name: 'Timeline' });
  const row = timeline.getByRole('row').filter({ hasText: 'Binlog replay stalled' });
  await expect(row).toHaveAttribute('aria-selected', 'true');
  await expect(row).toBeInViewport();
  // The newest rows (where a timeline opens) are not what is shown.
  await expect(timeline.getByRole('row').filter({ hasText: `Routine check ${ROUTINE_ENTRIES - 1}` })).not.toBeInViewport();

  const similar = page.getByRole('region', { name: 'Similar incidents' });
  await expect(similar.getByRole('link').first()).toHaveText('Orders replica fell behind');
  await page.getByRole('complementary', { name: 'Now' }).screenshot({ path: 'test-results/similar-incidents.png' });
  await similar.getByRole('link', { name: 'Orders replica fell behind' }).click();
  await expect(page).toHaveURL(new RegExp(`#/incident/${earlier}$`));

  // A hit with no entry opens the view that holds it.
  await page.getByRole('link', { name: 'All incidents' }).click();
  await page.getByRole('combobox', { name: 'Search all incidents' }).fill('misrouted');
  const postmortemHit = page.getByRole('option').filter({ hasText: 'Login page slow' });
  await expect(postmortemHit).toContainText('Postmortem');
  await postmortemHit.click();
  await expect(page.getByRole('tab', { name: 'Postmortem' })).toHaveAttribute('aria-selected', 'true');
});
