// Reconstructing an outage after the fact: declare it as a past incident with its key times,
// paste the postmortem's two-day timeline (times stated once, in MST) into the import dialog,
// change one row, commit, and find the rows under their date rows and in the postmortem.
import { test, expect } from '../support/warroomServe';
import { giveName } from '../support/nameDialog';

const TIMELINE = [
  '## Timeline',
  '',
  'All times MST',
  '',
  'May 14, 2008',
  '0009 Replication stops on db-2',
  '2345 Restore from backup begins',
  'not a row: this line has no time',
  '',
  'May 15, 2008',
  '0010 - Restore at 20%',
  '13:05 Cut over to the new primary',
].join('\n');

test('import a pasted two-day timeline with a stated zone, adjust a row, and find it on the timeline and in the postmortem', async ({ page, host }) => {
  await page.goto(host.openUrl);
  await giveName(page, 'Priya Raman');
  await page.getByLabel('Title').fill('Replication outage, 2008');
  await page.getByLabel('Time zone').fill('America/Phoenix');
  await page.getByLabel('Record a past incident').check();
  await page.getByLabel('Impact started at').fill('2008-05-13 23:00');
  await page.getByLabel('Resolved at').fill('2008-05-16 22:15');
  await page.getByRole('button', { name: 'Create incident' }).click();
  const timeline = page.getByRole('grid', { name: 'Timeline' });
  await expect(timeline).toBeVisible();

  // A past incident shows its span, not a running T+.
  await expect(page.getByLabel(/^Incident span:/)).toContainText('71 hours 15 minutes');
  await expect(page.getByRole('button', { name: /^Resolved at 2008-05-16 22:15/ })).toBeVisible();
  await page.getByRole('banner').screenshot({ path: 'test-results/past-incident-header.png' });

  await page.getByRole('button', { name: 'Import entries…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import entries' });
  // The import's zone is UTC, but the text states MST once: that wins for every row.
  await dialog.getByLabel('Zone for times that name none').fill('UTC');
  await dialog.getByLabel('Paste a timeline').fill(TIMELINE);
  const preview = dialog.getByRole('table', { name: 'Import preview' });
  await expect(preview.getByRole('row')).toHaveCount(5);
  await expect(dialog.getByRole('list', { name: 'Lines not imported' })).toContainText('Line 8: No time at the start of the line.');
  await expect(preview.getByRole('row').filter({ hasText: 'Restore at 20%' })).toContainText('2008-05-15 00:10');

  // Adjust one row: an action on the restore workstream.
  await dialog.getByLabel('Kind, line 7').selectOption('action');
  await dialog.getByLabel('Workstream, line 7').fill('restore-from-backup');
  await expect(dialog.getByRole('row').filter({ hasText: 'Restore from backup begins' })).toContainText('2008-05-14 23:45');
  await dialog.screenshot({ path: 'test-results/import-preview.png' });
  await dialog.getByRole('button', { name: 'Import 4 entries' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Imported 4 entries from pasted.');
  await dialog.getByRole('button', { name: 'Close' }).click();

  const row = (text: string) => timeline.getByRole('row').filter({ hasText: text });
  await expect(row('Replication stops on db-2')).toContainText('00:09');
  await expect(row('Restore from backup begins')).toContainText('23:45');
  await expect(row('Restore from backup begins')).toContainText('restore-from-backup');
  await expect(row('Restore from backup begins')).toContainText('action');
  await expect(row('Cut over to the new primary')).toContainText('13:05');
  await expect(timeline.getByRole('row').filter({ hasText: 'Wed 14 May 2008' })).toHaveCount(1);
  await expect(timeline.getByRole('row').filter({ hasText: 'Thu 15 May 2008' })).toHaveCount(1);

  // Each entry says where it came from.
  await row('Replication stops on db-2').getByText('History (1)').click();
  await expect(row('Replication stops on db-2')).toContainText('Imported from pasted, line 6: 0009 Replication stops on db-2');

  // Importing the same text again adds nothing and says so.
  await page.getByRole('button', { name: 'Import entries…' }).click();
  await dialog.getByLabel('Paste a timeline').fill(TIMELINE);
  await dialog.getByRole('button', { name: 'Import 4 entries' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Imported 0 entries from pasted. 4 rows were already there and skipped.');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(row('Replication stops on db-2')).toHaveCount(1);

  await page.getByRole('tab', { name: 'Postmortem' }).click();
  const pane = page.getByRole('complementary', { name: 'Postmortem' });
  await pane.getByLabel('Everything').check();
  const postmortem = pane.getByRole('article', { name: 'Postmortem preview' });
  await expect(postmortem).toContainText('71 hours 15 minutes');
  await expect(postmortem).toContainText('Replication stops on db-2');
  await expect(postmortem).toContainText('Thu 15 May 2008 (MST)');
  await expect(postmortem.getByRole('row').filter({ hasText: 'Cut over to the new primary' })).toContainText('13:05');
});
