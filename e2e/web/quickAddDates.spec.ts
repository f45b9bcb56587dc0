// Backfilling a timeline from a postmortem by typing, the way a new user does: each form lands on
// the day it names, the preview shows that day before Enter, and nothing unreadable becomes text.
import { test, expect } from '../support/warroomServe';
import { giveName } from '../support/nameDialog';

const ZONE = 'America/Denver';

test('dated quick-add: postmortem forms land on their day, a bad one keeps its text, /decision logs a decision already made in one step, keeping time and workstream', async ({ page, host }) => {
  await page.goto(host.openUrl);
  await giveName(page, 'Priya Raman');
  await page.getByLabel('Title').fill('Reconstructed 2008 outage');
  await page.getByLabel('Time zone').fill(ZONE);
  await page.getByLabel('Started at').fill('2008-05-13 22:00');
  await page.getByRole('button', { name: 'Create incident' }).click();
  const timeline = page.getByRole('grid', { name: 'Timeline' });
  await expect(timeline).toBeVisible();

  const quickAdd = page.getByLabel('Add timeline entry');
  const preview = page.getByRole('status', { name: 'Parsed entry' }).or(page.getByLabel('Parsed entry'));

  // The preview shows the full date of a day that is not today, and warns that it is far away.
  await quickAdd.fill('14 May 2008 00:09 MST pager fired for the primary database');
  await expect(preview).toContainText('Wed 14 May 2008 01:09');
  await expect(preview).toContainText('More than a day ago.');
  await quickAdd.press('Enter');
  await expect(quickAdd).toHaveValue('');

  await quickAdd.fill('May 14, 2008 02:45 failover to the standby started');
  await quickAdd.press('Enter');
  await expect(quickAdd).toHaveValue('');
  await quickAdd.fill('5/14/2008 0400 standby serving reads');
  await quickAdd.press('Enter');
  await expect(quickAdd).toHaveValue('');

  const row = (text: string) => timeline.getByRole('row').filter({ hasText: text });
  await expect(row('pager fired')).toContainText('01:09');
  await expect(row('failover to the standby')).toContainText('02:45');
  await expect(row('standby serving reads')).toContainText('04:00');
  await expect(timeline.getByRole('row').filter({ hasText: 'Wed 14 May 2008' })).toHaveCount(1);

  // A leading word that looks like a time but is not one is an error naming it; the text stays.
  await quickAdd.fill('5000 errors per second on checkout');
  await quickAdd.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: '“5000”' })).toBeVisible();
  await expect(quickAdd).toHaveValue('5000 errors per second on checkout');
  // The escape keeps it as text.
  await quickAdd.fill('\\5000 errors per second on checkout');
  await quickAdd.press('Enter');
  await expect(row('5000 errors per second')).toHaveCount(1);

  // /decision opens the full form, which shows and keeps the typed time and workstream.
  await quickAdd.fill('/decision 2008-05-14 03:10 fail over to the standby? #db');
  await quickAdd.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'New decision' });
  await expect(dialog.getByLabel('Timeline entry')).toContainText('Wed 14 May 2008 03:10');
  await expect(dialog.getByLabel('Timeline entry')).toContainText('#db');
  // It opens as a decision already made: options, the chosen one and why, in one submit.
  await dialog.getByLabel('Option 1', { exact: true }).fill('Fail over now');
  await dialog.getByLabel('Option 2', { exact: true }).fill('Wait for the primary');
  await dialog.getByRole('button', { name: 'Log decision' }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: 'Choose the option' })).toBeVisible();
  await dialog.getByRole('radio', { name: 'Fail over now' }).check();
  await dialog.getByLabel('Rationale').fill('The primary will not come back within the hour');
  await dialog.getByRole('button', { name: 'Log decision' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: 'fail over to the standby?' })).toContainText(/decided/i);
  await page.getByRole('tab', { name: 'Timeline' }).click();
  const decided = row('Decided: fail over to the standby? → Fail over now');
  await expect(decided).toContainText('03:10');
  await expect(decided).toContainText('db');
  await expect(row('Proposed decision: fail over to the standby?')).toHaveCount(0);
});
