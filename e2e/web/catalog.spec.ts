// The catalog on Home, in system Chromium against a real `warroom serve` over a store of past
// incidents: filters and sort live in the URL (a copied address shows the same view), the keyboard
// path (type, ↓, Enter), and screenshots at two window sizes.
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

const TABLE = { name: 'Incidents' } as const;

test('filters and sort live in the URL, and a copied address shows the same view', async ({ seeded, page, browser }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(seeded.openUrl);
  await giveName(page, 'Priya');
  const table = page.getByRole('table', TABLE);
  await expect(table.getByRole('row')).toHaveCount(5);
  await expect(table.getByRole('row').filter({ hasText: 'Checkout and login down' })).toContainText('60 hours 33 minutes (2 days 12 hours 33 minutes)');

  await page.getByRole('group', { name: 'Severities' }).getByRole('button', { name: 'SEV1' }).click();
  await expect(table.getByRole('row')).toHaveCount(3);
  await page.getByText('More filters').click();
  await page.getByLabel('Service').fill('edge');
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('row').nth(1)).toContainText('DNS provider outage');
  expect(page.url()).toContain('sev=SEV1');
  expect(page.url()).toContain('service=edge');

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByLabel('Impact from (UTC)').fill('2026-11-01');
  await table.getByRole('button', { name: 'Duration' }).click();
  await expect(table.getByRole('columnheader', { name: 'Duration' })).toHaveAttribute('aria-sort', 'descending');
  const titles = table.getByRole('link');
  await expect(titles).toHaveText(['Checkout 500s after the payments deploy', 'Search latency over 5 seconds']);

  // The address alone, in a fresh window, gives the same view (the token travels in the fragment).
  const shared = page.url();
  const other = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  await other.goto(`${seeded.openUrl}&${new URL(shared).hash.slice(1)}`);
  await giveName(other, 'Sam');
  await expect(other.getByLabel('Impact from (UTC)')).toHaveValue('2026-11-01');
  await expect(other.getByRole('table', TABLE).getByRole('link')).toHaveText(['Checkout 500s after the payments deploy', 'Search latency over 5 seconds']);
});

test('type to filter, ↓ to the first match, Enter opens it', async ({ seeded, page }) => {
  await page.goto(seeded.openUrl);
  await giveName(page, 'Priya');
  const filter = page.getByRole('searchbox', { name: 'Filter' });
  await filter.fill('vendor');
  await expect(page.getByRole('table', TABLE).getByRole('row')).toHaveCount(2);
  await filter.press('ArrowDown');
  await expect(page.getByRole('link', { name: 'DNS provider outage' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/incident\//);
  await expect(page.getByLabel('Incident title')).toHaveValue('DNS provider outage');
});

for (const viewport of [{ width: 1280, height: 720 }, { width: 1440, height: 900 }]) {
  test(`catalog at ${viewport.width}×${viewport.height}`, async ({ seeded, page }) => {
    await page.setViewportSize(viewport);
    await page.goto(seeded.openUrl);
    await giveName(page, 'Priya');
    await expect(page.getByRole('table', TABLE).getByRole('row')).toHaveCount(5);
    await page.screenshot({ path: `test-results/catalog-${viewport.width}x${viewport.height}.png` });
    // WCAG AA (contrast, names of controls) over the whole view, by axe-core in the real page.
    const audit = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(audit.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
