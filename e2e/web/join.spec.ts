// Joining a room from the desktop UI: two real `warroom serve` hosts. A shares an incident (its
// listener, a token made with the built CLI); in B's own UI, "Join a room" with the link opens the
// incident from B's local replica. Entries flow both ways; when A goes away B keeps working
// offline (the chip says so) and, when A comes back on the same port, it merges.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { startServe, test, expect, type ServedHost } from '../support/warroomServe';
import { giveName } from '../support/nameDialog';

// Two hosts, each with its own browser context, restarted mid-test: three minutes, for a machine whose two cores are busy.
test.describe.configure({ timeout: 180_000 });

const row = (page: Page, text: string) => page.getByRole('grid', { name: 'Timeline' }).getByRole('row').filter({ hasText: text });

async function add(page: Page, text: string): Promise<void> {
  const quickAdd = page.getByLabel('Add timeline entry');
  await quickAdd.fill(text);
  await quickAdd.press('Enter');
  await expect(quickAdd).toHaveValue('');
}

async function enter(page: Page, host: ServedHost, name: string): Promise<void> {
  await page.goto(host.openUrl);
  await giveName(page, name);
}

test('join a room from the desktop: both ways live, offline while the room host is gone, merged when it returns', async ({ browser }) => {
  const dirA = mkdtempSync(path.join(os.tmpdir(), 'warroom-e2e-a-'));
  let hostA = await startServe(['--listen', '127.0.0.1:0'], dirA);
  const hostB = await startServe();
  const roomAddress = new URL(hostA.roomUrl!).host;
  try {
    const pageA = await (await browser.newContext()).newPage();
    await enter(pageA, hostA, 'Ana Commander');
    // The form can re-mount as settings arrive; fill until the title sticks.
    await expect(async () => {
      await pageA.getByLabel('Title').fill('Payments degraded');
      await expect(pageA.getByLabel('Title')).toHaveValue('Payments degraded', { timeout: 500 });
    }).toPass();
    await pageA.getByRole('button', { name: 'Create incident' }).click();
    await expect(pageA.getByRole('grid', { name: 'Timeline' })).toBeVisible();
    const incidentId = /#\/incident\/([0-9A-Z]{26})/.exec(pageA.url())![1]!;
    await add(pageA, 'written on A before anyone joined');

    const out = execFileSync(
      process.execPath,
      [path.resolve('bin/warroom.mjs'), 'token', 'create', '--role', 'responder', '--incident', incidentId, '--address', roomAddress, '--data-dir', dirA],
      { encoding: 'utf8' },
    );
    const link = /join link: (\S+)/.exec(out)![1]!;

    const pageB = await (await browser.newContext()).newPage();
    await enter(pageB, hostB, 'Ben Responder');
    await pageB.getByRole('button', { name: 'Join a room' }).click();
    const dialog = pageB.getByRole('dialog', { name: 'Join a room' });
    const field = dialog.getByLabel('Join link or code');

    // A link cut short is caught, and the typed text stays for fixing.
    await field.fill(link.slice(0, -12));
    await dialog.getByRole('button', { name: 'Join' }).click();
    await expect(dialog.getByRole('alert')).toContainText('incomplete');
    await expect(field).toHaveValue(link.slice(0, -12));

    await field.fill(link);
    await dialog.getByRole('button', { name: 'Join' }).click();
    await expect(pageB.getByRole('grid', { name: 'Timeline' })).toBeVisible();
    expect(pageB.url()).toContain(`#/incident/${incidentId}`);
    await expect(pageB.getByRole('textbox', { name: 'Incident title' })).toHaveValue('Payments degraded');
    await expect(row(pageB, 'written on A before anyone joined')).toBeVisible();
    const chip = pageB.getByRole('button', { name: /^Room: online, via 127\.0\.0\.1:\d+ as responder$/ });
    await expect(chip).toBeVisible();

    await add(pageB, 'written on B, the joiner');
    await expect(row(pageA, 'written on B, the joiner')).toBeVisible();
    await add(pageA, 'written on A, the room host');
    await expect(row(pageB, 'written on A, the room host')).toBeVisible();

    // The room host goes away: B shows offline and keeps working on its own copy.
    await hostA.stop();
    await expect(pageB.getByRole('button', { name: /^Room: offline/ })).toBeVisible({ timeout: 15_000 });
    await add(pageB, 'written on B while the room was gone');
    await expect(row(pageB, 'written on B while the room was gone')).toBeVisible();
    await expect(pageB.getByRole('button', { name: /^Room: offline — \d+ changes? not confirmed/ })).toBeVisible();

    // A comes back on the same data and port: B's replica reconnects and the offline entry arrives.
    hostA = await startServe(['--listen', roomAddress], dirA);
    await expect(pageB.getByRole('button', { name: /^Room: online,/ })).toBeVisible({ timeout: 20_000 });
    const pageA2 = await (await browser.newContext()).newPage();
    await enter(pageA2, hostA, 'Ana Commander');
    await pageA2.goto(`${hostA.url}/#/incident/${incidentId}`);
    await expect(row(pageA2, 'written on B while the room was gone')).toBeVisible();
    await expect(row(pageA2, 'written on B, the joiner')).toBeVisible();

    // Leaving keeps the local copy; the chip goes.
    await pageB.getByRole('button', { name: /^Room: online,/ }).click();
    await pageB.getByRole('button', { name: 'Leave room' }).click();
    await expect(pageB.getByRole('button', { name: /^Room:/ })).toHaveCount(0);
    await expect(row(pageB, 'written on A, the room host')).toBeVisible();
  } finally {
    await hostA.stop();
    await hostB.stop();
    rmSync(dirA, { recursive: true, force: true });
  }
});

test('an observer joined from the desktop is read-only; a responder can host the room when its host is gone', async ({ browser }) => {
  const hostA = await startServe(['--listen', '127.0.0.1:0']);
  const hostB = await startServe();
  const hostC = await startServe();
  const roomAddress = new URL(hostA.roomUrl!).host;
  try {
    const pageA = await (await browser.newContext()).newPage();
    await enter(pageA, hostA, 'Ana Commander');
    await expect(async () => {
      await pageA.getByLabel('Title').fill('Search is slow');
      await expect(pageA.getByLabel('Title')).toHaveValue('Search is slow', { timeout: 500 });
    }).toPass();
    await pageA.getByRole('button', { name: 'Create incident' }).click();
    await expect(pageA.getByRole('grid', { name: 'Timeline' })).toBeVisible();
    const incidentId = /#\/incident\/([0-9A-Z]{26})/.exec(pageA.url())![1]!;
    await add(pageA, 'shard 3 is hot');
    const token = (role: string) =>
      /join link: (\S+)/.exec(
        execFileSync(
          process.execPath,
          [path.resolve('bin/warroom.mjs'), 'token', 'create', '--role', role, '--incident', incidentId, '--address', roomAddress, '--data-dir', hostA.dataDir],
          { encoding: 'utf8' },
        ),
      )![1]!;

    const joinFrom = async (host: ServedHost, name: string, link: string) => {
      const page = await (await browser.newContext()).newPage();
      await enter(page, host, name);
      await page.getByRole('button', { name: 'Join a room' }).click();
      await page.getByLabel('Join link or code').fill(link);
      await page.getByRole('dialog', { name: 'Join a room' }).getByRole('button', { name: 'Join' }).click();
      await expect(row(page, 'shard 3 is hot')).toBeVisible();
      return page;
    };
    const observer = await joinFrom(hostC, 'Olga Observer', token('observer'));
    await expect(observer.getByRole('button', { name: /^Room: online, via .* as observer$/ })).toBeVisible();
    await expect(observer.getByLabel('Add timeline entry')).toHaveCount(0);
    await expect(observer.getByLabel('Severity')).toBeDisabled();

    const responder = await joinFrom(hostB, 'Ben Responder', token('responder'));
    await hostA.stop();
    await responder.getByRole('button', { name: /^Room: offline/ }).click();
    // An observer cannot take over; a responder can.
    await observer.getByRole('button', { name: /^Room: offline/ }).click();
    await expect(observer.getByRole('button', { name: 'Host this room' })).toHaveCount(0);
    await responder.getByRole('button', { name: 'Host this room' }).click();
    const dialog = responder.getByRole('dialog', { name: 'Host this room' });
    await dialog.getByLabel('Interface').selectOption('127.0.0.1');
    await dialog.getByLabel('Port').fill(String(20_000 + Math.floor(Math.random() * 20_000)));
    await dialog.getByRole('button', { name: 'Host this room' }).click();
    await expect(dialog.getByText('Send this to everyone; they re-join with it.')).toBeVisible();
    await expect(dialog.getByRole('textbox', { name: 'Join link', exact: true })).toHaveValue(/^warroom:\/\/join\?/);
    const observerLink = await dialog.getByRole('textbox', { name: 'Observer join link' }).inputValue();
    await expect(dialog.getByRole('textbox', { name: 'Join code', exact: true })).toHaveValue(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await dialog.getByRole('button', { name: 'Close' }).click();
    // B is the room now, and still writes (it may keep syncing with the old room for when A returns).
    await add(responder, 'B took over the room');

    // The observer re-points with the new link: its copy and B's are the same room again.
    await observer.goto(hostC.openUrl);
    await observer.getByRole('button', { name: 'Join a room' }).click();
    await observer.getByLabel('Join link or code').fill(observerLink);
    await observer.getByRole('dialog', { name: 'Join a room' }).getByRole('button', { name: 'Join' }).click();
    await expect(row(observer, 'B took over the room')).toBeVisible();
    await expect(observer.getByRole('button', { name: /^Room: online, via .* as observer$/ })).toBeVisible();
  } finally {
    await hostA.stop();
    await hostB.stop();
    await hostC.stop();
  }
});
