// Follow-ups across incidents, in system Chromium against a real `warroom serve` over a store of
// past incidents: the overdue ones named on Home, the Action items view with its due dates, closing
// one as not doing with a reason, and the open ones exported as a Markdown checklist.
import { readFileSync } from 'node:fs';
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

// The sample incident's open follow-ups were due in November 2026; the machine's clock is later.
const LATE = 'Fix the WAL mirror job so it copies .history files';

test('overdue follow-ups show on Home, and one is closed as not doing with its reason', async ({ seeded, page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.clock.setFixedTime(new Date('2026-12-07T09:00:00Z'));
  await page.goto(seeded.openUrl);
  await giveName(page, 'Priya');
  const overdue = page.getByRole('complementary', { name: 'Overdue follow-ups' });
  await expect(overdue).toContainText('4 follow-ups overdue');
  await expect(overdue.getByRole('listitem').first()).toContainText(`Elena Sokolova P1: ${LATE}`);
  await expect(overdue.getByRole('listitem').last()).toHaveText('and 1 more');

  await overdue.getByRole('link', { name: 'See all action items' }).click();
  const table = page.getByRole('table', { name: 'Action items across incidents' });
  const row = table.getByRole('row').filter({ hasText: LATE });
  await expect(row).toContainText('Elena Sokolova');
  await expect(row).toContainText('overdue');
  await page.screenshot({ path: 'test-results/follow-ups-1440x900.png' });

  await row.getByRole('button', { name: /^Not doing…/ }).click();
  await row.getByRole('button', { name: 'Not doing', exact: true }).click();
  await expect(row.getByText('Say why this will not be done.')).toBeVisible();
  await row.getByLabel('Why not?').fill('the archive moves to the managed service');
  await row.getByRole('button', { name: 'Not doing', exact: true }).click();
  await expect(table.getByRole('row').filter({ hasText: LATE })).toHaveCount(0);

  await page.getByRole('group', { name: 'Follow-up status' }).getByRole('button', { name: 'Not doing' }).click();
  await expect(table.getByRole('row').filter({ hasText: LATE })).toContainText('Not doing: the archive moves to the managed service');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Markdown checklist' }).click();
  const md = readFileSync((await (await download).path())!, 'utf8');
  expect(md).toContain('- [ ] Require a second person');
  expect(md).not.toContain(LATE);

  await page.getByRole('link', { name: 'Incidents' }).click();
  await expect(page.getByRole('complementary', { name: 'Overdue follow-ups' })).toContainText('3 follow-ups overdue');
});
