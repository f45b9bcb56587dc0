// The Metrics view over a store of past incidents, in system Chromium against a real `warroom serve`:
// a chart with its definition and its CSV, the incidents it cannot measure named, the filters shared
// with the catalog through the URL, and screenshots at two window sizes.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { seedCatalog } from '../support/catalogSeed';
import { startServe, test as base, expect, type ServedHost } from '../support/warroomServe';
import { giveName } from '../support/nameDialog';

const test = base.extend<{ seeded: ServedHost }>({
  // eslint-disable-next-line no-empty-pattern
  seeded: async ({}, use) => {
    const host = await startServe([], seedCatalog());
    await use(host);
    await host.stop();
  },
});

test('time to detect: defined, drawn, its excluded incidents named, and its data saved as CSV', async ({ seeded, page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(seeded.openUrl);
  await giveName(page, 'Priya');
  await page.getByRole('link', { name: 'Metrics' }).click();
  await expect(page).toHaveURL(/#\/metrics/);

  const card = page.getByRole('region', { name: /median and p90/ });
  await card.getByRole('button', { name: 'Time to detect' }).click();
  const help = card.getByRole('button', { name: /How “Time to detect, median and p90” is measured/ });
  await expect(help).toHaveAccessibleDescription(/From the key time “Impact started” to “Detected”/);
  await expect(card.getByRole('img', { name: /time to detect per month/ })).toBeVisible();
  await expect(card.locator('.echart svg')).toBeVisible();
  await expect(card.getByRole('table').getByRole('row', { name: /^SEV1/ })).toContainText('5 minutes');

  await card.getByText('1 incident excluded').click();
  await expect(card.getByRole('listitem').filter({ hasText: 'Search latency over 5 seconds' })).toContainText('not detected');

  const download = page.waitForEvent('download');
  await card.getByRole('button', { name: /Download CSV/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('time-to-detect.csv');
  const csv = readFileSync((await file.path())!, 'utf8').split('\r\n');
  expect(csv[0]).toBe('group,incidents,median minutes,p90 minutes');
  // DNS (5 min), the sample (5 min) and checkout (20 min): SEV1 has two, both 5 minutes.
  expect(csv).toContain('SEV1,2,5,5');
  expect(csv).toContain('SEV2,1,20,20');
});

test('the filters are the catalog’s: a severity chosen there holds in the metrics', async ({ seeded, page }) => {
  await page.goto(seeded.openUrl);
  await giveName(page, 'Priya');
  await page.getByRole('group', { name: 'Severities' }).getByRole('button', { name: 'SEV1' }).click();
  await page.getByRole('link', { name: 'Metrics' }).click();
  await expect(page).toHaveURL(/#\/metrics\?sev=SEV1/);
  await expect(page.getByRole('status').filter({ hasText: 'incidents' })).toHaveText('2 of 4 incidents');

  // The period and the measure travel in the address too: a shared link shows the same charts.
  await page.getByRole('group', { name: 'Per' }).getByRole('button', { name: 'week' }).click();
  const card = page.getByRole('region', { name: /median and p90/ });
  await card.getByRole('button', { name: 'Time to mitigate' }).click();
  await expect(page).toHaveURL(/per=week/);
  await expect(page).toHaveURL(/measure=mitigate/);
  // A second tab on the same host (its token comes from the host's own link), given the address.
  const shared = new URL(page.url()).hash;
  const colleague = await page.context().newPage();
  await colleague.goto(seeded.openUrl);
  await expect(colleague.getByRole('table', { name: 'Incidents' })).toBeVisible();
  await colleague.evaluate((hash) => (window.location.hash = hash), shared);
  await expect(colleague.getByRole('group', { name: 'Per' }).getByRole('button', { name: 'week' })).toHaveAttribute('aria-pressed', 'true');
  await expect(colleague.getByRole('region', { name: /Time to mitigate, median and p90/ })).toBeVisible();
  await expect(colleague.getByRole('img', { name: /time to mitigate per week/ })).toBeVisible();
  await expect(colleague.getByRole('status').filter({ hasText: 'incidents' })).toHaveText('2 of 4 incidents');
});

for (const viewport of [{ width: 1280, height: 720 }, { width: 1440, height: 900 }]) {
  test(`metrics at ${viewport.width}×${viewport.height}`, async ({ seeded, page }) => {
    await page.setViewportSize(viewport);
    await page.goto(seeded.openUrl);
    await giveName(page, 'Priya');
    await page.getByRole('link', { name: 'Metrics' }).click();
    await expect(page.locator('.echart svg')).toHaveCount(4);
    await page.screenshot({ path: `test-results/metrics-${viewport.width}x${viewport.height}.png`, fullPage: true });
    // WCAG AA (contrast, names of controls) over the whole view, by axe-core in the real page.
    const audit = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(audit.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
