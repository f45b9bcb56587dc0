// A whole incident, driven the way a commander would, in system Chromium against a real `warroom serve`.
import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { test, expect } from '../support/warroomServe';
import { lintMarkdownFile } from '../support/markdownlint';
import { giveName } from '../support/nameDialog';

const ZONE = 'America/Denver';

test('declare an incident, log across midnight, edit, retract, filter, switch zone and export', async ({ page, host }, testInfo) => {
  // Two calendar days before today, so backdated entries straddle a midnight in the incident's zone.
  const day1 = DateTime.now().setZone(ZONE).minus({ days: 2 }).startOf('day');
  const day2 = day1.plus({ days: 1 });
  const d1 = day1.toFormat('yyyy-MM-dd');
  const d2 = day2.toFormat('yyyy-MM-dd');

  await page.goto(host.openUrl);
  await giveName(page, 'Priya Raman');

  // Bad input keeps what was typed and says what is wrong.
  await page.getByLabel('Title').fill('Primary database outage');
  await page.getByLabel('Severity').selectOption('SEV1');
  await page.getByLabel('Time zone').fill(ZONE);
  await page.getByLabel('Started at').fill('yesterday-ish');
  await page.getByRole('button', { name: 'Create incident' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByLabel('Title')).toHaveValue('Primary database outage');

  await page.getByLabel('Started at').fill(`${d1} 22:00`);
  await page.getByRole('button', { name: 'Create incident' }).click();
  const timeline = page.getByRole('grid', { name: 'Timeline' });
  await expect(timeline).toBeVisible();
  await expect(page.getByLabel('Incident title')).toHaveValue('Primary database outage');

  const quickAdd = page.getByLabel('Add timeline entry');
  const add = async (text: string) => {
    await quickAdd.fill(text);
    await quickAdd.press('Enter');
    await expect(quickAdd).toHaveValue('');
  };
  await add(`/event ! ${d1} 23:50 db-1 stopped accepting writes #restore-from-backup`);
  await add(`${d2} 00:10 rsync of /var/lib/mysql to the standby started #restore-from-backup`);
  await add(`${d2} 01:30 Cloud restore kicked off #restore-from-cloud`);
  await add('-10m Customers report HTTP 500s on checkout');

  // A time that cannot be read is an inline error, and the text stays in the box.
  await quickAdd.fill('25:99 this must not be lost');
  await quickAdd.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: '25:99' })).toBeVisible();
  await expect(quickAdd).toHaveValue('25:99 this must not be lost');
  await quickAdd.fill('');

  // Backdated entries land in time order, under a date row for each calendar day.
  const row = (text: string) => timeline.getByRole('row').filter({ hasText: text });
  await expect(row('db-1 stopped accepting writes')).toContainText('23:50');
  await expect(row('rsync of /var/lib/mysql')).toContainText('00:10');
  await expect(timeline.getByRole('row').filter({ hasText: day1.toFormat('ccc d LLL yyyy') })).toHaveCount(1);
  await expect(timeline.getByRole('row').filter({ hasText: day2.toFormat('ccc d LLL yyyy') })).toHaveCount(1);
  const texts = await timeline.getByRole('row').allInnerTexts();
  const order = ['db-1 stopped', 'rsync of', 'Cloud restore'].map((t) => texts.findIndex((r) => r.includes(t)));
  expect(order).toEqual([...order].sort((a, b) => a - b));
  await expect(row('db-1 stopped accepting writes')).toContainText('restore-from-backup');

  // Edit text and time; the previous value is kept in the entry's history.
  await row('Cloud restore kicked off').getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Entry text').fill('Cloud restore ("the hare") kicked off');
  await page.getByLabel('Entry time').fill(`${d2} 01:45`);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(row('the hare')).toContainText('01:45');
  await expect(row('the hare')).toContainText('Cloud restore kicked off');

  // Retract with a reason: refused without one, struck through with who and why afterwards.
  await row('Customers report HTTP 500s').getByRole('button', { name: 'Retract' }).click();
  const dialog = page.getByRole('dialog', { name: 'Retract entry' });
  await dialog.getByRole('button', { name: 'Retract' }).click();
  await expect(dialog.getByRole('alert')).toBeVisible();
  await dialog.getByLabel('Reason for retracting').fill('Wrong incident: that was the staging checkout');
  await dialog.getByRole('button', { name: 'Retract' }).click();
  await expect(dialog).toBeHidden();
  await page.getByLabel('Show retracted').check();
  await expect(row('Customers report HTTP 500s')).toContainText('Retracted by Priya Raman');

  // Filters and search.
  await page.getByLabel('Key events only').check();
  await expect(row('db-1 stopped accepting writes')).toBeVisible();
  await expect(row('rsync of /var/lib/mysql')).toHaveCount(0);
  await page.getByLabel('Key events only').uncheck();
  await page.getByLabel('Workstream', { exact: true }).selectOption('restore-from-cloud');
  await expect(row('the hare')).toBeVisible();
  await expect(row('rsync of /var/lib/mysql')).toHaveCount(0);
  await page.getByLabel('Workstream', { exact: true }).selectOption('');
  await page.getByLabel('Search timeline').fill('rsync');
  await expect(row('rsync of /var/lib/mysql')).toBeVisible();
  await expect(row('the hare')).toHaveCount(0);
  await page.getByLabel('Search timeline').fill('');

  // Zone switch: the same instant, shown in UTC (23:50 in Denver is 05:50 or 06:50 UTC).
  await page.getByLabel('Display zone').selectOption('utc');
  const utc = day1.set({ hour: 23, minute: 50 }).toUTC().toFormat('HH:mm');
  await expect(row('db-1 stopped accepting writes')).toContainText(utc);
  await page.getByLabel('Display zone').selectOption('incident');

  await page.screenshot({ path: 'test-results/incident-view.png', fullPage: false });

  // Export the postmortem as Markdown and check the file.
  await page.getByRole('tab', { name: 'Postmortem' }).click();
  const pane = page.getByRole('complementary', { name: 'Postmortem' });
  await pane.getByLabel('Summary').fill('The primary database stopped accepting writes; we restored from backup.');
  await pane.getByLabel('Everything').check();
  await expect(pane.getByRole('article', { name: 'Postmortem preview' })).toContainText('the hare');
  const downloadPromise = page.waitForEvent('download');
  await pane.getByRole('button', { name: 'Save Markdown' }).click();
  const download = await downloadPromise;
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  expect(download.suggestedFilename()).toMatch(/\.md$/);
  const md = readFileSync(file, 'utf8');
  expect(md).toContain('# Primary database outage');
  expect(md).toContain('The primary database stopped accepting writes; we restored from backup.');
  expect(md).toContain('db-1 stopped accepting writes');
  expect(md).toContain('~~Customers report HTTP 500s on checkout~~');
  expect(md).toContain(`**${day1.toFormat('ccc d LLL yyyy')}`);
  expect(md).toContain(`**${day2.toFormat('ccc d LLL yyyy')}`);
  expect(await lintMarkdownFile(file)).toEqual([]);
});

test('a page opened without the host token cannot reach the war room', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('grid', { name: 'Timeline' })).toHaveCount(0);
  await expect(page.getByText(/warroom serve/i).first()).toBeVisible();
});
