// A whole mini-incident with two people in two browser contexts against one real host:
// kickoff checklist, a decision with a revisit timer, a confirm item ticked by one person and
// confirmed by the other, a status update, a handoff briefing, then the exported postmortem.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { test, expect } from '../support/warroomServe';
import { lintMarkdownFile } from '../support/markdownlint';
import { giveName } from '../support/nameDialog';

const CONFIRM_ITEM = 'Check that the backups you may need are present and not being rotated away';
const PLAIN_ITEM = 'Name the incident commander and say it in the channel';
const QUESTION = 'Roll back the deploy or restore from backup?';

async function join(browser: Browser, openUrl: string, name: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await page.goto(openUrl);
  await giveName(page, name);
  return page;
}

test('a mini-incident: checklist, decision, second-person confirm, status update, handoff, export', async ({ browser, host }, testInfo) => {
  test.setTimeout(180_000); // two people, six tabs of work and an export, on two possibly busy cores
  const priya = await join(browser, host.openUrl, 'Priya Raman');
  await priya.getByLabel('Title').fill('Checkout returns 500s');
  await priya.getByLabel('Severity').selectOption('SEV1');
  await priya.getByLabel('Time zone').fill('UTC');
  await priya.getByRole('button', { name: 'Create incident' }).click();
  await expect(priya.getByRole('grid', { name: 'Timeline' })).toBeVisible();

  // Kickoff checklist; skipping needs a reason, and the typed reason is kept when refused.
  await priya.getByRole('tab', { name: 'Checklists' }).click();
  await priya.getByLabel('New checklist from').selectOption({ label: 'Incident kickoff' });
  await priya.getByRole('button', { name: 'New checklist' }).click();
  await priya.getByLabel(`State of “${PLAIN_ITEM}”`).selectOption('done');
  await priya.getByLabel(`State of “${CONFIRM_ITEM}”`).selectOption('done');
  await expect(priya.getByText('awaiting confirmation · done by Priya Raman', { exact: true })).toBeVisible();
  // The person who did it cannot confirm it.
  await expect(priya.getByRole('button', { name: 'Confirm' })).toHaveCount(0);
  const skipTarget = 'Open the incident channel and pin the War Room link';
  await priya.getByLabel(`State of “${skipTarget}”`).selectOption('skipped');
  await priya.getByRole('button', { name: 'Skip', exact: true }).click();
  await expect(priya.getByRole('alert').filter({ hasText: 'Say why' })).toBeVisible();
  await priya.getByLabel(`Why skip “${skipTarget}”`).fill('We run the bridge in War Room itself');
  await priya.getByRole('button', { name: 'Skip', exact: true }).click();
  await expect(priya.getByText('skipped: We run the bridge in War Room itself', { exact: true })).toBeVisible();
  // The confirm item is not finished until a second person confirms it.
  await expect(priya.getByText('Checklists 2/15')).toBeVisible();

  // A decision from quick-add, with a revisit timer; "Decide" without a chosen option is explained.
  await priya.getByRole('tab', { name: 'Timeline' }).click();
  await priya.getByLabel('Add timeline entry').fill(`/decision ${QUESTION}`);
  await priya.getByLabel('Add timeline entry').press('Enter');
  const draft = priya.getByRole('dialog', { name: 'New decision' });
  await expect(draft.getByLabel('Question')).toHaveValue(QUESTION);
  await draft.getByLabel('Still open: propose it').check();
  await draft.getByLabel('Option 1', { exact: true }).fill('Roll back to yesterday’s build');
  await draft.getByRole('button', { name: 'Add option' }).click();
  await draft.getByLabel('Option 2', { exact: true }).fill('Restore the database from backup');
  await draft.getByLabel('Revisit in (minutes)').fill('30');
  await draft.getByRole('button', { name: 'Propose decision' }).click();
  await expect(draft).toBeHidden();
  await priya.getByRole('tab', { name: 'Decisions' }).click();
  await priya.getByRole('cell', { name: QUESTION }).click();
  const decide = priya.getByRole('form', { name: 'Decide' });
  await decide.getByRole('button', { name: 'Decide' }).click();
  await expect(priya.getByRole('alert').filter({ hasText: 'Choose the option' })).toBeVisible();
  await decide.getByLabel('Roll back to yesterday’s build').check();
  await decide.getByLabel('Rationale').fill('Rollback is two-way and takes ten minutes');
  await decide.getByRole('button', { name: 'Decide' }).click();
  await expect(priya.getByRole('row').filter({ hasText: QUESTION })).toContainText(/decided/i);
  await expect(priya.getByRole('row').filter({ hasText: QUESTION })).toContainText(/in (29|30) min/);

  // Sam joins from another browser and confirms the item Priya ticked.
  const sam = await join(browser, host.openUrl, 'Sam Okafor');
  await sam.getByRole('link', { name: 'Checkout returns 500s' }).click();
  await sam.getByRole('tab', { name: 'Checklists' }).click();
  await sam.getByRole('button', { name: 'Confirm' }).click();
  await expect(sam.getByText('done by Priya Raman · confirmed by Sam Okafor', { exact: true })).toBeVisible();
  // Priya's header sees the confirmation arrive live.
  await expect(priya.getByText('Checklists 3/15')).toBeVisible();

  // A customer status update, logged on the timeline; the cadence countdown is visible.
  await priya.getByRole('tab', { name: 'Comms' }).click();
  await priya.getByLabel('Audience').selectOption('customers');
  await priya.getByLabel('Template').selectOption('investigating');
  await priya.getByLabel('Update text').fill('We are investigating errors at checkout. Next update within 30 minutes.');
  await priya.getByRole('button', { name: 'Post update' }).click();
  await expect(priya.getByText('Updates sent (1)')).toBeVisible();
  await expect(priya.getByText(/Next update in/)).toBeVisible();

  // Handoff: Priya holds commander, hands it to Sam with a generated briefing.
  await priya.getByRole('tab', { name: 'Roles' }).click();
  await priya.getByLabel('Person for commander').fill('Priya Raman');
  await priya.getByRole('button', { name: 'Assign commander' }).click();
  await priya.getByRole('button', { name: 'Hand off commander' }).click();
  const handoff = priya.getByRole('dialog', { name: 'Handoff' });
  await handoff.getByLabel('Incoming person').fill('Sam Okafor');
  await handoff.getByRole('button', { name: 'Prepare briefing' }).click();
  const briefing = handoff.getByRole('textbox', { name: /^Handoff briefing/ });
  await expect(briefing).toHaveValue(new RegExp(QUESTION.replace(/[?()]/g, '\\$&')));
  await expect(briefing).toHaveValue(/Incident kickoff/);
  await handoff.getByRole('button', { name: 'Record handoff' }).click();
  await expect(handoff).toBeHidden();
  await expect(sam.getByRole('tab', { name: 'Roles' })).toBeVisible();

  await priya.screenshot({ path: 'test-results/mini-incident-roles.png' });

  // Export and check every section.
  await priya.getByRole('tab', { name: 'Postmortem' }).click();
  await priya.getByLabel('Everything').check();
  const downloadPromise = priya.waitForEvent('download');
  await priya.getByRole('button', { name: 'Save Markdown' }).click();
  const download = await downloadPromise;
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  const md = readFileSync(file, 'utf8');
  for (const section of ['## Timeline', '## Decisions', '## Checklists', '## Status updates', '## Roles and handoffs', '## Action items', '## Root cause']) {
    expect(md, section).toContain(section);
  }
  expect(md).toContain(QUESTION);
  expect(md).toContain('Rollback is two-way and takes ten minutes');
  expect(md).toContain('Sam Okafor');
  expect(md).toContain('We run the bridge in War Room itself');
  expect(md).toContain('We are investigating errors at checkout.');
  expect(await lintMarkdownFile(file)).toEqual([]);
});
