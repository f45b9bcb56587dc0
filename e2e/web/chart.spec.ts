// The incident chart, in system Chromium against a real `warroom serve` holding the sample incident
// (71 hours, two recovery tracks): markers drawn, a click on one opens its entry on the timeline,
// zoom narrows the range, and screenshots at 1280×720 and 1440×900 in both themes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, type Page } from '@playwright/test';
import { startServe, type ServedHost } from '../support/warroomServe';
import { giveName } from '../support/nameDialog';

const SAMPLE = path.resolve('assets/sample-incident.json');
const sample = JSON.parse(readFileSync(SAMPLE, 'utf8')) as {
  incident: { title: string };
  entries: Array<{ kind: string; text: string; key: boolean; retraction: unknown }>;
};
/** Decisions, status updates (comms) and key events each get a marker; retracted entries none. */
const MARKED = sample.entries.filter((e) => e.retraction === null && (e.kind === 'decision' || e.kind === 'comms' || e.key)).length;
/** The marker colour of decisions in the dark theme (theme.css --chart-decision). */
const DECISION_FILL = '#c4a7ff';

let dir = '';
let host: ServedHost;

test.beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'warroom-e2e-chart-'));
  const imported = spawnSync(process.execPath, [path.resolve('bin/warroom.mjs'), 'import', SAMPLE, '--data-dir', dir], { encoding: 'utf8' });
  expect(imported.stdout.trim()).toMatch(/^[0-9A-Z]{26}$/);
  host = await startServe([], dir);
});

test.afterAll(async () => {
  await host.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function openChart(page: Page): Promise<void> {
  await page.goto(host.openUrl);
  await giveName(page, 'Priya Raman');
  await page.getByRole('link', { name: sample.incident.title }).click();
  await page.getByRole('tab', { name: 'Chart' }).click();
  await expect(page.getByRole('img', { name: /^Incident chart: / })).toBeVisible();
  // ECharts has drawn once its SVG holds the plot.
  await expect(page.locator('.chart-canvas svg')).toBeVisible();
}

test('the chart shows the markers; a click opens the entry on the timeline; zoom narrows the range', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await openChart(page);
  const decisions = sample.entries.filter((e) => e.kind === 'decision');
  const list = page.getByRole('region', { name: /Markers in view/ });
  await expect(list.getByRole('button')).toHaveCount(MARKED);
  await expect(list.getByRole('button', { name: /^D1 Decision, / })).toBeVisible();

  // The last decision marker on the plot (the legend's icon sits above the plot area; the first
  // two decisions, five minutes apart, overlap at the whole incident's scale).
  const canvas = page.locator('.chart-canvas');
  const box = (await canvas.boundingBox())!;
  const markers = page.locator(`.chart-canvas svg path[fill="${DECISION_FILL}"]`);
  let point: { x: number; y: number } | null = null;
  for (let i = (await markers.count()) - 1; i >= 0 && !point; i--) {
    const b = await markers.nth(i).boundingBox();
    if (b && b.y - box.y > 80) point = { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  }
  expect(point).not.toBeNull();
  // By position: ECharts moves a hovered shape to its hover layer, so a locator by index would move too.
  await page.mouse.move(point!.x, point!.y);
  const tooltip = page.getByText(/Click to open it on the timeline/);
  await expect(tooltip).toBeVisible();
  const tipText = (await tooltip.locator('..').textContent()) ?? '';
  const decision = decisions.find((d) => tipText.includes(d.text.slice(0, 40)));
  expect(decision, `tooltip names a decision: ${tipText}`).toBeDefined();
  await page.mouse.down();
  await page.mouse.up();

  await expect(page.getByRole('tab', { name: 'Timeline' })).toHaveAttribute('aria-selected', 'true');
  const selected = page.locator('[role="row"][aria-selected="true"]');
  await expect(selected).toContainText(decision!.text.slice(0, 40));
  await expect(selected).toBeInViewport();

  await page.getByRole('tab', { name: 'Chart' }).click();
  const shown = page.getByLabel('Shown range');
  const before = await shown.textContent();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(shown).not.toHaveText(before ?? '');
  await expect(page.getByRole('button', { name: 'Reset zoom' })).toBeEnabled();
  // Zoomed to the middle half of 71 hours: only the markers inside it are listed.
  await expect.poll(() => list.getByRole('button').count()).toBeLessThan(MARKED);
  await page.getByRole('button', { name: 'Reset zoom' }).click();
  await expect(shown).toHaveText(before ?? '');

  // The one display-zone setting moves the chart too: its range and its day ticks.
  expect(before).toContain('2026-10-30 22:09 MDT');
  // Denver's midnight of Saturday is inside the incident; UTC's is four hours before it began.
  const dayTick = (day: string) => page.locator('.chart-canvas svg text', { hasText: day });
  await expect(dayTick('Sat 31 Oct')).toHaveCount(1);
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await page.getByLabel('Display zone').selectOption('utc');
  await page.getByRole('tab', { name: 'Chart' }).click();
  await expect(page.getByLabel('Shown range')).toContainText('2026-10-31 04:09 UTC');
  await expect(dayTick('Sat 31 Oct')).toHaveCount(0);
  await expect(dayTick('Sun 1 Nov')).toHaveCount(1);
});

test('the exported chart is well-formed XML and renders in the browser without scripts', async ({ page }) => {
  const out = path.join(dir, 'export', 'postmortem.md');
  const exported = spawnSync(process.execPath, [path.resolve('bin/warroom.mjs'), 'export', SAMPLE, '--format', 'md', '--out', out], { encoding: 'utf8' });
  expect(exported.status, exported.stderr).toBe(0);
  const file = path.join(dir, 'export', 'postmortem.chart.svg');
  const svg = readFileSync(file, 'utf8');
  // Chromium's XML parser: a well-formedness error yields a <parsererror> document.
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return { error: doc.querySelector('parsererror')?.textContent ?? null, root: doc.documentElement.localName, scripts: doc.querySelectorAll('script').length };
  }, svg);
  expect(parsed).toEqual({ error: null, root: 'svg', scripts: 0 });
  await page.setViewportSize({ width: 1200, height: 420 });
  await page.goto(`file://${file}`);
  await expect(page.locator('svg > title')).toHaveText(`Incident chart: ${sample.incident.title}`);
  await expect(page.getByText('29 h 56 min of impact')).toBeVisible();
  await page.screenshot({ path: 'test-results/chart-export-svg.png' });
});

for (const viewport of [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
]) {
  for (const theme of ['dark', 'light'] as const) {
    test(`screenshot at ${viewport.width}×${viewport.height}, ${theme}`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await openChart(page);
      // The settings dialog sets this attribute; the chart follows it like the rest of the app.
      await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
      await expect(page.locator('.chart-canvas svg rect').first()).toHaveAttribute('fill', theme === 'dark' ? '#171a21' : /^#fff(fff)?$/);
      await page.screenshot({ path: `test-results/chart-${viewport.width}x${viewport.height}-${theme}.png` });
      // WCAG AA, contrast included, for the chart view and its marker list.
      const axe = await new AxeBuilder({ page }).include('.chart-view').withTags(['wcag2a', 'wcag2aa']).analyze();
      expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }
}
