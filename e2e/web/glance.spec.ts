// The incident at a glance, in system Chromium against a real `warroom serve`: the "Now" panel
// shared live between two people, the header at 1280×720, and (in a shared room) an observer
// whose timeline follows new entries, shows the day of its top row, and offers a pill back to now.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { DateTime } from 'luxon';
import type { Browser, Page } from '@playwright/test';
import { startServe, test, expect, type ServedHost } from '../support/warroomServe';
import { giveName } from '../support/nameDialog';

const TITLE = 'Checkout API returns 500s for EU customers after the payments deploy rollout';

async function open(browser: Browser, url: string, name: string, viewport = { width: 1440, height: 900 }): Promise<Page> {
  const page = await (await browser.newContext({ viewport })).newPage();
  await page.goto(url);
  await giveName(page, name);
  return page;
}

async function declare(page: Page, title: string, startedAt?: string, zone = 'UTC'): Promise<string> {
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Severity').selectOption('SEV1');
  await page.getByLabel('Time zone').fill(zone);
  if (startedAt) await page.getByLabel('Started at').fill(startedAt);
  await page.getByRole('button', { name: 'Create incident' }).click();
  await expect(page.getByRole('grid', { name: 'Timeline' })).toBeVisible();
  return /#\/incident\/([0-9A-Z]{26})/.exec(page.url())![1]!;
}

async function add(page: Page, text: string): Promise<void> {
  const quickAdd = page.getByLabel('Add timeline entry');
  await quickAdd.fill(text);
  await quickAdd.press('Enter');
  await expect(quickAdd).toHaveValue('');
}

/** Types into a Now field and leaves it, which commits it. */
async function write(page: Page, label: string, text: string): Promise<void> {
  const field = page.getByRole('complementary', { name: 'Now' }).getByRole('textbox', { name: label, exact: true });
  await field.fill(text);
  await field.blur();
}

test('the Now panel is shared live: summary, impact, hypothesis ruled out, mitigation, workstreams and checklists', async ({ browser, host }) => {
  test.setTimeout(120_000);
  const priya = await open(browser, host.openUrl, 'Priya Raman');
  await declare(priya, TITLE);
  const sam = await open(browser, host.openUrl, 'Sam Okafor');
  await sam.getByRole('link', { name: TITLE }).click();
  const samNow = sam.getByRole('complementary', { name: 'Now' });
  const priyaNow = priya.getByRole('complementary', { name: 'Now' });
  await expect(samNow).toContainText('Not mitigated');

  await write(priya, 'Summary', 'Checkout fails for EU card payments');
  await write(priya, 'Customer impact', 'About 30% of EU orders fail at payment');
  await write(priya, 'Leading hypothesis', 'Payments deploy broke the EU card route');
  await expect(samNow.getByRole('textbox', { name: 'Summary', exact: true })).toHaveValue('Checkout fails for EU card payments');
  await expect(samNow.getByRole('textbox', { name: 'Customer impact', exact: true })).toHaveValue('About 30% of EU orders fail at payment');
  await expect(samNow.getByRole('textbox', { name: 'Leading hypothesis', exact: true })).toHaveValue('Payments deploy broke the EU card route');

  // A second version of the summary: the first stays in its history.
  await write(sam, 'Summary', 'Checkout fails for EU card payments; US unaffected');
  await expect(priyaNow.getByRole('textbox', { name: 'Summary', exact: true })).toHaveValue('Checkout fails for EU card payments; US unaffected');
  await priyaNow.getByText('History (2)').first().click();
  await expect(priyaNow.getByRole('listitem').filter({ hasText: 'Priya Raman: Checkout fails for EU card payments' })).toBeVisible();

  // Sam rules the hypothesis out, with why; Priya sees it struck off and the lead empty.
  await samNow.getByRole('button', { name: 'Rule out…' }).click();
  await samNow.getByRole('button', { name: 'Rule out', exact: true }).click();
  await expect(samNow.getByRole('alert').filter({ hasText: 'Say why' })).toBeVisible();
  await samNow.getByLabel('Why is it ruled out?').fill('Rollback of the deploy did not help');
  await samNow.getByRole('button', { name: 'Rule out', exact: true }).click();
  await expect(priyaNow.getByRole('list', { name: 'Ruled out' })).toContainText('Payments deploy broke the EU card route — Rollback of the deploy did not help');
  await expect(priyaNow.getByRole('textbox', { name: 'Leading hypothesis', exact: true })).toHaveValue('');

  // Workstreams show their latest entry; checklists their progress; mitigation its time.
  await add(priya, 'Card route error rate at 31% #payments');
  await add(priya, 'Failing over to the secondary acquirer #payments');
  await add(priya, 'Contacting the acquirer support line #vendor');
  const workstreams = samNow.getByRole('region', { name: 'Workstreams' });
  await expect(workstreams.getByRole('listitem').filter({ hasText: 'payments' })).toContainText('Failing over to the secondary acquirer');
  await expect(workstreams.getByRole('listitem').filter({ hasText: 'vendor' })).toContainText('Contacting the acquirer support line');
  await expect(workstreams.getByRole('listitem')).toHaveCount(2);

  await priya.getByRole('tab', { name: 'Checklists' }).click();
  await priya.getByLabel('New checklist from').selectOption({ label: 'Incident kickoff' });
  await priya.getByRole('button', { name: 'New checklist' }).click();
  const blockTarget = 'Open the incident channel and pin the War Room link';
  await priya.getByLabel(`State of “${blockTarget}”`).selectOption('blocked');
  await priya.getByLabel(`Why is “${blockTarget}” blocked`).fill('Chat is down too');
  await priya.getByRole('button', { name: 'Block', exact: true }).click();
  await expect(samNow.getByRole('region', { name: 'Checklists in progress' })).toContainText(/Incident kickoff\s+0 of \d+ · blocked: Open the incident channel and pin the War Room link \(Chat is down too\)/);

  await priya.getByLabel('Status', { exact: true }).selectOption('monitoring');
  await expect(samNow).toContainText(/Mitigated \d{4}-\d\d-\d\d \d\d:\d\d/);
  await expect(samNow.getByRole('region', { name: 'Roles' })).toContainText(/commander/i);
});

test('the header at 1280×720 stays on one row, the timeline keeps most of the height, and the next action is the status update', async ({ browser, host }) => {
  const page = await open(browser, host.openUrl, 'Priya Raman', { width: 1280, height: 720 });
  await declare(page, TITLE, undefined, 'America/Denver');
  await page.getByRole('tab', { name: 'Checklists' }).click();
  await page.getByLabel('New checklist from').selectOption({ label: 'Incident kickoff' });
  await page.getByRole('button', { name: 'New checklist' }).click();
  // A five-minute cadence: the update is due soon, so posting it is the next thing to do.
  await page.getByRole('tab', { name: 'Comms' }).click();
  await page.getByLabel('SEV1 (current)').fill('5');
  await page.getByLabel('SEV1 (current)').press('Enter');
  await page.getByRole('tab', { name: 'Timeline' }).click();

  await page.screenshot({ path: 'test-results/glance-1280x720.png' });
  const header = page.getByRole('banner');
  const title = page.getByLabel('Incident title');
  await expect(title).toHaveAttribute('title', TITLE);
  // One row of controls: every control's top edge within one line height of the title's.
  const titleBox = (await title.boundingBox())!;
  for (const control of [page.getByLabel('Severity', { exact: true }), page.getByLabel('Status', { exact: true }), page.getByRole('button', { name: /^Post status update/ }), page.getByRole('button', { name: 'Settings' })]) {
    const box = (await control.boundingBox())!;
    expect(Math.abs(box.y + box.height / 2 - (titleBox.y + titleBox.height / 2))).toBeLessThan(12);
  }
  const grid = (await page.getByRole('grid', { name: 'Timeline' }).boundingBox())!;
  expect(grid.height).toBeGreaterThanOrEqual(0.6 * 720);
  expect((await header.boundingBox())!.height).toBeLessThan(90);

  // One postmortem entry point (the tab); the blue button is the status update, which opens Comms.
  await expect(page.getByRole('button', { name: /postmortem/i })).toHaveCount(0);
  await page.getByRole('button', { name: /^Post status update · in \d+:\d\d \(Status update due in [45] minutes/ }).click();
  await expect(page.getByRole('tab', { name: 'Comms' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('tab', { name: 'Timeline' }).click();

  // One display-zone setting moves the header clock too, not only the timeline rows.
  const clock = page.getByLabel(/^Time now:/);
  await expect(clock).toHaveAccessibleName(/M[SD]T · \d\d:\d\d UTC$/);
  await page.getByLabel('Display zone').selectOption('utc');
  await expect(clock).toHaveAccessibleName(/^Time now: \d\d:\d\d UTC$/);
  await page.getByLabel('Display zone').selectOption('incident');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: 'test-results/glance-1440x900.png' });
});

const roomTest = test.extend<{ host: ServedHost }>({
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const host = await startServe(['--listen', '127.0.0.1:0']);
    await use(host);
    await host.stop();
  },
});

function observerUrl(host: ServedHost, incidentId: string): string {
  const out = execFileSync(
    process.execPath,
    [path.resolve('bin/warroom.mjs'), 'token', 'create', '--role', 'observer', '--incident', incidentId, '--address', new URL(host.roomUrl!).host, '--data-dir', host.dataDir],
    { encoding: 'utf8' },
  );
  return /browser URL: (\S+)/.exec(out)![1]!;
}

roomTest('an observer sees the Now panel read-only, the day of the top row, follows new entries at the bottom, and gets a pill when scrolled up', async ({ page, browser, host }) => {
  test.setTimeout(120_000);
  const day1 = DateTime.utc().minus({ days: 2 }).startOf('day');
  const day2 = day1.plus({ days: 1 });
  await page.goto(host.openUrl);
  await giveName(page, 'Host Owner');
  const incidentId = await declare(page, 'Primary database outage', `${day1.toFormat('yyyy-MM-dd')} 08:00`);
  await write(page, 'Summary', 'Primary database refuses writes');
  // Enough rows on each of two days that either fills the observer's screen.
  const stamp = (day: DateTime, i: number) => `${day.toFormat('yyyy-MM-dd')} ${String(9 + Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}`;
  for (let i = 0; i < 20; i++) await add(page, `${stamp(day1, i)} restore step ${i}`);
  for (let i = 0; i < 20; i++) await add(page, `${stamp(day2, i)} verification step ${i}`);

  const zoe = await open(browser, observerUrl(host, incidentId), 'Zoe Watcher', { width: 1280, height: 720 });
  const timeline = zoe.getByRole('grid', { name: 'Timeline' });
  await expect(timeline).toBeVisible();
  const zoeNow = zoe.getByRole('complementary', { name: 'Now' });
  await expect(zoeNow.getByRole('textbox', { name: 'Summary', exact: true })).toHaveValue('Primary database refuses writes');
  await expect(zoeNow.getByRole('textbox', { name: 'Summary', exact: true })).toHaveJSProperty('readOnly', true);

  // Opened at the newest row: the label names the day of the top row, the second day's first hours being below.
  const dayLabel = zoe.getByRole('note', { name: 'Day of the top row' });
  const body = timeline.getByRole('rowgroup').nth(1);
  await body.evaluate((el) => el.scrollTo({ top: 0 }));
  await expect(dayLabel).toContainText(day1.toFormat('ccc d LLL yyyy'));
  await body.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(dayLabel).toContainText(day2.toFormat('ccc d LLL yyyy'));

  // At the bottom, a new entry scrolls into view by itself.
  await add(page, 'Writes re-enabled on the new primary');
  await expect(timeline.getByRole('row').filter({ hasText: 'Writes re-enabled on the new primary' })).toBeInViewport();

  // Scrolled up, new entries wait below a pill that counts them and brings the reader back.
  await body.evaluate((el) => el.scrollTo({ top: 0 }));
  await expect(dayLabel).toContainText(day1.toFormat('ccc d LLL yyyy'));
  await add(page, 'Replication lag under 1 s');
  await add(page, 'Error rate back to baseline');
  const pill = zoe.getByRole('button', { name: '2 new entries ↓' });
  await expect(pill).toBeVisible();
  await zoe.screenshot({ path: 'test-results/glance-observer-1280x720.png' });
  await pill.click();
  await expect(timeline.getByRole('row').filter({ hasText: 'Error rate back to baseline' })).toBeInViewport();
  await expect(pill).toHaveCount(0);

  // Jump to date brings the first day back to the top.
  await zoe.getByLabel('Jump to date').selectOption({ label: `${day1.toFormat('ccc d LLL yyyy')} · UTC` });
  await expect(dayLabel).toContainText(day1.toFormat('ccc d LLL yyyy'));
});

test('a recording is listed as soon as its terminal starts, without Refresh', async ({ page, host }) => {
  await page.goto(host.openUrl);
  await giveName(page, 'Priya Raman');
  await declare(page, 'Standby replication broken');
  await page.getByRole('tab', { name: 'Terminals' }).click();
  const recordings = page.getByRole('region', { name: 'Recordings' });
  await expect(recordings).toContainText('No recordings yet');
  await page.getByRole('button', { name: 'New terminal' }).click();
  await expect(page.getByRole('tab', { name: /Terminal 1/ })).toContainText('running');
  // Well inside the list's 10 s poll: the start of the session itself brings the row.
  await expect(recordings.getByRole('button', { name: 'Replay Terminal 1' })).toBeVisible({ timeout: 5_000 });
});
