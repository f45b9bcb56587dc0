// A shared room, joined from browsers the way a share's browser URL is opened: a real
// `warroom serve --listen`, room tokens made with the built CLI, and one browser context per person.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import type { Browser, Page } from '@playwright/test';
import { incidentDocName } from '../../shared/protocol/api';
import { startServe, test as base, expect, type ServedHost } from '../support/warroomServe';
import { giveName } from '../support/nameDialog';

const test = base.extend<{ host: ServedHost }>({
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const host = await startServe(['--listen', '127.0.0.1:0']);
    await use(host);
    await host.stop();
  },
});

/** Declares an incident in the host owner's own tab; returns its id. */
async function declareIncident(page: Page, host: ServedHost): Promise<string> {
  await page.goto(host.openUrl);
  await giveName(page, 'Host Owner');
  await page.getByLabel('Title').fill('Checkout is down');
  await page.getByRole('button', { name: 'Create incident' }).click();
  await expect(page.getByRole('grid', { name: 'Timeline' })).toBeVisible();
  return /#\/incident\/([0-9A-Z]{26})/.exec(page.url())![1]!;
}

const warroom = (host: ServedHost, ...args: string[]) =>
  execFileSync(process.execPath, [path.resolve('bin/warroom.mjs'), ...args, '--data-dir', host.dataDir], { encoding: 'utf8' });

/** Token ids by browser URL, for `token revoke`. */
const tokenIds = new Map<string, string>();

/** `warroom token create` with the built CLI, as an operator would; returns the browser URL (and the token id). */
function createToken(host: ServedHost, incidentId: string, role: 'responder' | 'observer'): string {
  const out = warroom(host, 'token', 'create', '--role', role, '--incident', incidentId, '--address', new URL(host.roomUrl!).host);
  const url = /browser URL: (\S+)/.exec(out)![1]!;
  tokenIds.set(url, /^id: (\S+)/m.exec(out)![1]!);
  return url;
}

async function join(browser: Browser, url: string, name: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await giveName(page, name);
  await expect(page.getByRole('grid', { name: 'Timeline' })).toBeVisible();
  // The secret is gone from the address bar at once.
  expect(page.url()).not.toContain('token=');
  return page;
}

const row = (page: Page, text: string) => page.getByRole('grid', { name: 'Timeline' }).getByRole('row').filter({ hasText: text });
const chip = (page: Page, text: RegExp) => page.getByRole('list', { name: 'Who is here' }).getByRole('listitem', { name: text });

async function add(page: Page, text: string): Promise<void> {
  const quickAdd = page.getByLabel('Add timeline entry');
  await quickAdd.fill(text);
  await quickAdd.press('Enter');
  await expect(quickAdd).toHaveValue('');
}

/** Hocuspocus frames, hand-encoded: what a tampered observer page could send. */
function forgedWriteFrames(incidentId: string, token: string): number[][] {
  const docName = incidentDocName(incidentId);
  const frame = (write: (e: encoding.Encoder) => void) => {
    const e = encoding.createEncoder();
    encoding.writeVarString(e, docName);
    write(e);
    return Array.from(encoding.toUint8Array(e));
  };
  // Any change at all is refused; renaming the incident is the most visible one.
  const doc = new Y.Doc();
  doc.getMap('meta').set('title', 'forged by an observer');
  const AUTH = 2;
  const SYNC = 0;
  const SYNC_UPDATE = 2;
  return [
    frame((e) => {
      encoding.writeVarUint(e, AUTH);
      encoding.writeVarUint(e, 0);
      encoding.writeVarString(e, token);
    }),
    frame((e) => {
      encoding.writeVarUint(e, SYNC);
      encoding.writeVarUint(e, SYNC_UPDATE);
      encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(doc));
    }),
  ];
}

test('responders see each other live, an observer watches read-only, and the sync state survives going offline', async ({ page, host, browser }) => {
  // Four browser contexts (host owner, two responders, an observer) share two cores: the default minute is too little when the machine is busy.
  test.setTimeout(180_000); // a budget, not a wait: four browser contexts and an offline round trip on two possibly busy cores
  const incidentId = await declareIncident(page, host);
  const ana = await join(browser, createToken(host, incidentId, 'responder'), 'Ana Responder');
  const bo = await join(browser, createToken(host, incidentId, 'responder'), 'Bo Responder');
  const observerUrl = createToken(host, incidentId, 'observer');
  const zoe = await join(browser, observerUrl, 'Zoe Watcher');

  // Two browser contexts see each other's entries live (and the host owner's tab too).
  await add(ana, 'Ana: rolled back the deploy');
  await expect(row(bo, 'Ana: rolled back the deploy')).toBeVisible();
  await add(bo, 'Bo: error rate back to normal');
  await expect(row(ana, 'Bo: error rate back to normal')).toBeVisible();
  await expect(row(page, 'Bo: error rate back to normal')).toBeVisible();
  await expect(ana.getByRole('status', { name: 'Sync state: Online' })).toBeVisible();

  // Presence: names, room roles, the tab each one is on, and who is typing.
  await expect(chip(ana, /^Bo Responder, responder, on Timeline/)).toBeVisible();
  await expect(chip(ana, /^Zoe Watcher, observer/)).toBeVisible();
  await expect(chip(ana, /^Host Owner, responder, commander/)).toBeVisible();
  await bo.getByLabel('Add timeline entry').fill('Bo is still writing');
  await expect(chip(ana, /^Bo Responder, .*typing$/)).toBeVisible();
  await bo.getByLabel('Add timeline entry').fill('');
  await bo.getByRole('tab', { name: 'Decisions' }).click();
  await expect(chip(ana, /^Bo Responder, responder, on Decisions$/)).toBeVisible();
  await bo.getByRole('tab', { name: 'Timeline' }).click();

  // The observer sees everything but cannot edit, and has no terminals.
  await expect(row(zoe, 'Ana: rolled back the deploy')).toBeVisible();
  await expect(row(zoe, 'Bo: error rate back to normal')).toBeVisible();
  await expect(zoe.getByLabel('Add timeline entry')).toHaveCount(0);
  await expect(zoe.getByLabel('Severity')).toBeDisabled();
  await expect(zoe.getByRole('tab', { name: 'Terminals' })).toHaveCount(0);
  await expect(zoe.getByRole('button', { name: 'Settings' })).toHaveCount(0);
  await zoe.getByRole('tab', { name: 'Decisions' }).click();
  await expect(zoe.getByRole('button', { name: /new decision/i })).toBeDisabled();

  // A forced write from the observer's page (a socket of its own with hand-made frames) is refused by the host.
  const token = new URLSearchParams(new URL(observerUrl).hash.slice(1)).get('token')!;
  const closed = await zoe.evaluate(
    ({ frames, token }) =>
      new Promise<{ code: number; reason: string }>((resolve) => {
        const ws = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/sync?token=${encodeURIComponent(token)}`);
        ws.binaryType = 'arraybuffer';
        ws.onopen = () => frames.forEach((f) => ws.send(new Uint8Array(f)));
        ws.onclose = (event) => resolve({ code: event.code, reason: event.reason });
      }),
    { frames: forgedWriteFrames(incidentId, token), token },
  );
  expect(closed).toEqual({ code: 4403, reason: 'observer-read-only' });
  await add(ana, 'Ana: after the forgery');
  await expect(row(bo, 'Ana: after the forgery')).toBeVisible();
  await expect(ana.getByLabel('Incident title')).toHaveValue('Checkout is down');
  await expect(page.getByLabel('Incident title')).toHaveValue('Checkout is down');

  // Offline: the sync state says so and counts what the room has not confirmed; back online, it syncs.
  await bo.context().setOffline(true);
  await expect(bo.getByRole('status', { name: 'Sync state: Offline' })).toBeVisible();
  await expect(chip(ana, /^Bo Responder/)).toHaveCount(0);
  await add(bo, 'Bo: written while offline');
  await expect(bo.getByRole('status', { name: 'Sync state: Offline — 1 change unconfirmed' })).toBeVisible();
  await expect(row(ana, 'Bo: written while offline')).toHaveCount(0);
  await bo.context().setOffline(false);
  await expect(bo.getByRole('status', { name: 'Sync state: Online' })).toBeVisible();
  await expect(row(ana, 'Bo: written while offline')).toBeVisible();

  // A reload keeps the room (the ticket is in this tab's sessionStorage), and the name.
  await ana.reload();
  await expect(row(ana, 'Bo: written while offline')).toBeVisible();
  await expect(chip(ana, /^Ana Responder \(you\), responder/)).toBeVisible();

  // Revoking the observer's token (another process, the CLI) ends their page's room at once, with a reason.
  warroom(host, 'token', 'revoke', tokenIds.get(observerUrl)!);
  await expect(zoe.getByRole('alert').filter({ hasText: 'access to this room was revoked' })).toBeVisible();
  await expect(zoe.getByRole('status', { name: /^Sync state: Offline/ })).toBeVisible();
  await expect(chip(ana, /^Zoe Watcher/)).toHaveCount(0);
});
