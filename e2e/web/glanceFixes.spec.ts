// Fewer clicks at 3 a.m., in system Chromium against a real `warroom serve`: checklist ticks by
// click or Space, the look of an item awaiting its second person, the compact timeline, the
// screen for a stale link, and the contrast check on every tab in both themes.
import { test, expect } from '../support/warroomServe';
import { declareIncident, LAPTOP, openAs, quickAdd } from '../support/incidentPage';

const TITLE = 'Checkout API returns 500s for EU customers';
const CONFIRM_ITEM = 'Check that the backups you may need are present and not being rotated away';
const PLAIN_ITEM = 'Name the incident commander and say it in the channel';
const BLOCK_ITEM = 'Open the incident channel and pin the War Room link';

test('checklist items tick with a click or Space, block asks why, and an item awaiting its second person looks different until confirmed', async ({ browser, host }) => {
  test.setTimeout(120_000);
  const priya = await openAs(browser, host.openUrl, 'Priya Raman');
  await declareIncident(priya, TITLE);
  await priya.getByRole('tab', { name: 'Checklists' }).click();
  await priya.getByLabel('New checklist from').selectOption({ label: 'Incident kickoff' });
  await priya.getByRole('button', { name: 'New checklist' }).click();

  const plain = priya.getByRole('checkbox', { name: `Done: ${PLAIN_ITEM}` });
  await plain.click();
  await expect(plain).toBeChecked();
  await expect(priya.getByText('done by Priya Raman', { exact: true })).toBeVisible();
  // Space on the focused tick undoes it, and again does it.
  await plain.press('Space');
  await expect(plain).not.toBeChecked();
  await plain.press('Space');
  await expect(plain).toBeChecked();

  // The menu beside it blocks, and a reason is required.
  await priya.getByLabel(`State of “${BLOCK_ITEM}”`).selectOption('blocked');
  await priya.getByRole('button', { name: 'Block', exact: true }).click();
  await expect(priya.getByRole('alert').filter({ hasText: 'Say why' })).toBeVisible();
  await priya.getByLabel(`Why is “${BLOCK_ITEM}” blocked`).fill('Chat is down too');
  await priya.getByRole('button', { name: 'Block', exact: true }).click();
  await expect(priya.getByText('blocked: Chat is down too', { exact: true })).toBeVisible();

  // A two-person item ticked by Priya is half-ticked and tagged, not the confirmed look.
  const confirmTick = priya.getByRole('checkbox', { name: `Done: ${CONFIRM_ITEM}` });
  await confirmTick.click();
  const confirmRow = priya.getByRole('listitem').filter({ has: confirmTick });
  await expect(confirmRow.getByText('awaiting confirmation', { exact: true })).toBeVisible();
  expect(await confirmTick.evaluate((box: HTMLInputElement) => box.indeterminate)).toBe(true);
  const awaitingBorder = await confirmRow.evaluate((row) => getComputedStyle(row).borderLeftStyle);
  expect(awaitingBorder).toBe('solid');

  const sam = await openAs(browser, host.openUrl, 'Sam Okafor');
  await sam.getByRole('link', { name: TITLE }).click();
  await sam.getByRole('tab', { name: 'Checklists' }).click();
  const samRow = sam.getByRole('listitem').filter({ has: sam.getByRole('checkbox', { name: `Done: ${CONFIRM_ITEM}` }) });
  await expect(samRow.getByText('awaiting confirmation', { exact: true })).toBeVisible();
  await samRow.getByRole('button', { name: 'Confirm' }).click();
  await expect(confirmRow.getByText('awaiting confirmation', { exact: true })).toHaveCount(0);
  await expect(confirmRow.getByText('done by Priya Raman · confirmed by Sam Okafor', { exact: true })).toBeVisible();
  expect(await confirmTick.evaluate((box: HTMLInputElement) => box.indeterminate)).toBe(false);
  await expect(confirmTick).toBeChecked();
});

test('compact mode, on by default, folds a run of checklist ticks into one summary row that opens, so the decision stands out', async ({ browser, host }) => {
  const page = await openAs(browser, host.openUrl, 'Priya Raman');
  await declareIncident(page, TITLE);
  await page.getByRole('tab', { name: 'Checklists' }).click();
  await page.getByLabel('New checklist from').selectOption({ label: 'Incident kickoff' });
  await page.getByRole('button', { name: 'New checklist' }).click();
  await page.getByRole('checkbox', { name: `Done: ${PLAIN_ITEM}` }).click();
  await page.getByRole('checkbox', { name: `Done: ${CONFIRM_ITEM}` }).click();
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await quickAdd(page, 'Failover decided: primary will not come back #db');

  const timeline = page.getByRole('grid', { name: 'Timeline' });
  await expect(page.getByRole('checkbox', { name: 'Compact' })).toBeChecked();
  const summary = timeline.getByRole('button', { name: /3 checklist updates/ });
  await expect(summary).toHaveAttribute('aria-expanded', 'false');
  await expect(timeline.getByRole('row').filter({ hasText: PLAIN_ITEM })).toHaveCount(0);
  await expect(timeline.getByRole('row').filter({ hasText: 'Failover decided' })).toHaveCount(1);

  // Live: one tick after the decision is a row of its own; a second one folds the two together.
  await page.getByRole('tab', { name: 'Checklists' }).click();
  await page.getByRole('checkbox', { name: `Done: ${BLOCK_ITEM}` }).click();
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await expect(timeline.getByRole('row').filter({ hasText: BLOCK_ITEM })).toHaveCount(1);
  await page.getByRole('tab', { name: 'Checklists' }).click();
  await page.getByRole('checkbox', { name: `Done: ${BLOCK_ITEM}` }).click();
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await expect(timeline.getByRole('button', { name: /2 checklist updates \(show\)/ })).toBeVisible();
  await expect(timeline.getByRole('row').filter({ hasText: BLOCK_ITEM })).toHaveCount(0);

  await summary.click();
  await expect(timeline.getByRole('button', { name: /3 checklist updates \(hide\)/ })).toHaveAttribute('aria-expanded', 'true');
  await expect(timeline.getByRole('row').filter({ hasText: PLAIN_ITEM })).toHaveCount(1);

  await page.getByRole('checkbox', { name: 'Compact' }).uncheck();
  await expect(timeline.getByRole('button', { name: /checklist updates/ })).toHaveCount(0);
  await expect(timeline.getByRole('row').filter({ hasText: BLOCK_ITEM })).toHaveCount(2);
});

test('a link with a stale or wrong token gets a screen that says so and what to do, not "connecting" forever', async ({ page, host }) => {
  await page.goto(`${host.url}/#token=${'0'.repeat(64)}`);
  await expect(page.getByRole('heading', { name: 'This War Room link is stale or wrong' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('open the full address that warroom serve printed');
  await expect(page.getByText('Connecting to the War Room host…')).toHaveCount(0);
  // The right link still opens the app in the same tab.
  await page.goto(host.openUrl);
  await page.reload();
  await expect(page.getByLabel('Your name')).toBeVisible();
});

test('the handoff dialog has room: full-width incoming person, a briefing that wraps inside it and is edited before it is posted', async ({ browser, host }) => {
  const page = await openAs(browser, host.openUrl, 'Priya Raman', LAPTOP);
  await declareIncident(page, TITLE);
  await page.getByRole('tab', { name: 'Roles' }).click();
  await page.getByLabel('Person for commander').fill('Priya Raman');
  await page.getByRole('button', { name: 'Assign commander' }).click();
  await page.getByRole('button', { name: 'Hand off commander' }).click();
  const dialog = page.getByRole('dialog', { name: 'Handoff' });
  const incoming = dialog.getByLabel('Incoming person');
  await incoming.fill('Sam Okafor');
  const dialogBox = (await dialog.boundingBox())!;
  const inputBox = (await incoming.boundingBox())!;
  expect(inputBox.width).toBeGreaterThan(dialogBox.width * 0.8);
  await expect(dialog.getByText('Incoming person', { exact: true })).toBeVisible();
  await dialog.getByRole('button', { name: 'Prepare briefing' }).click();
  const briefing = dialog.getByRole('textbox', { name: /^Handoff briefing/ });
  await expect(briefing).toHaveValue(/What I'm worried about\n\n$/);
  const briefingBox = (await briefing.boundingBox())!;
  expect(briefingBox.x + briefingBox.width).toBeLessThanOrEqual(dialogBox.x + dialogBox.width);
  // The draft opens with the cursor in the worry section.
  await expect(briefing).toBeFocused();
  await page.keyboard.type('- The replica is still 40 minutes behind.');
  await expect(briefing).toHaveValue(/What I'm worried about\n\n- The replica is still 40 minutes behind\.$/);
  await page.screenshot({ path: 'test-results/glance/handoff-dialog-1280x720.png' });
  await dialog.getByRole('button', { name: 'Record handoff' }).click();
  await expect(dialog).toBeHidden();
  // What was posted is the edited briefing.
  await page.getByRole('tab', { name: 'Roles' }).click();
  await expect(page.getByText(/The replica is still 40 minutes behind/).first()).toBeAttached();
});

test('a message under the header ("Downloaded …", a refused edit) floats over the view instead of pushing the tabs down', async ({ browser, host }) => {
  const page = await openAs(browser, host.openUrl, 'Priya Raman', LAPTOP);
  // A title on one line, so emptying it does not change the header's own height.
  await declareIncident(page, 'DB down');
  const tabs = page.getByRole('tablist').first();
  const before = (await tabs.boundingBox())!.y;
  const title = page.getByLabel('Incident title');
  await title.fill('');
  await title.press('Enter');
  await expect(page.getByRole('banner').getByRole('alert')).toContainText('title');
  expect((await tabs.boundingBox())!.y).toBe(before);
});
