// Re-opening an incident this browser has opened before starts from the copy it kept in IndexedDB
// (renderer/client/incidentReplica.ts): the /sync socket then carries only what changed on the
// host meanwhile, not the whole document again. Bytes are counted from the frames the page's /sync
// socket received. Each Playwright context has a fresh profile, so the reader opens the incident
// for the first time in its own context and re-opens it in the same tab.
import type { Page, WebSocket, WebSocketRoute } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect, startServe } from '../support/warroomServe';
import { declareIncident, openAs, quickAdd as addEntry } from '../support/incidentPage';
import { replicaStored } from '../support/replicaStored';

/** Enough text that the whole document clearly outweighs one new entry and the protocol's own messages. */
const ENTRIES = 24;

/** Counts the bytes every /sync socket of the page receives and sends, from now on. */
function countSyncBytes(page: Page): { bytes: number; sent: number } {
  const counter = { bytes: 0, sent: 0 };
  const size = (payload: string | Buffer) => (typeof payload === 'string' ? Buffer.byteLength(payload) : payload.length);
  page.on('websocket', (ws: WebSocket) => {
    if (!new URL(ws.url()).pathname.endsWith('/sync')) return;
    ws.on('framereceived', ({ payload }) => (counter.bytes += size(payload)));
    ws.on('framesent', ({ payload }) => (counter.sent += size(payload)));
  });
  return counter;
}

async function openHash(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => (window.location.hash = h), hash);
}

test('re-opening an incident in the same tab shows what changed on the host meanwhile and downloads only that', async ({ host, browser }) => {
  // The writer declares the incident and fills it.
  const page = await openAs(browser, host.openUrl, 'Priya Raman');
  const incidentId = await declareIncident(page, 'Checkout errors after the cache failover');
  const incidentHash = `#/incident/${incidentId}`;
  const timeline = page.getByRole('grid', { name: 'Timeline' });
  for (let i = 1; i <= ENTRIES; i += 1) {
    await addEntry(page, `Checkout error rate sample ${i}: 5xx on /api/cart from the eu-west pool while the cache warmed, traced to stale sessions`);
    await expect(timeline.getByRole('row').filter({ hasText: `sample ${i}:` })).toBeVisible();
  }
  await expect(page.getByRole('status', { name: 'Save status: Saved' })).toBeVisible();

  // The reader opens it for the first time, in a browser of its own: the whole document crosses the socket.
  const reader = await openAs(browser, host.openUrl, 'Sam Okafor');
  const received = countSyncBytes(reader);
  await openHash(reader, incidentHash);
  const readerTimeline = reader.getByRole('grid', { name: 'Timeline' });
  const loadingRest = reader.getByRole('status').filter({ hasText: 'loading the rest of the timeline' });
  await expect(readerTimeline.getByRole('row').filter({ hasText: `sample ${ENTRIES}:` })).toBeVisible();
  await expect(loadingRest).toBeHidden();
  await expect(reader.getByRole('status', { name: 'Save status: Saved' })).toBeVisible();
  await expect.poll(() => replicaStored(reader, incidentId)).toBe(true);
  const firstOpenBytes = received.bytes;
  const entryCount = reader.getByText(/^\d+ entries$/);
  const countBefore = Number((await entryCount.textContent())?.split(' ')[0]);

  // The reader leaves; meanwhile the writer adds an entry.
  await openHash(reader, '#/');
  await expect(reader.getByRole('table', { name: 'Incidents' })).toBeVisible();
  await addEntry(page, 'Sessions flushed on the eu-west pool; error rate back to baseline');
  await expect(timeline.getByRole('row').filter({ hasText: 'Sessions flushed' })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Save status: Saved' })).toBeVisible();

  // The reader comes back in the same tab: the new entry shows, and every older one once.
  received.bytes = 0;
  await openHash(reader, incidentHash);
  await expect(readerTimeline.getByRole('row').filter({ hasText: 'Sessions flushed' })).toBeVisible();
  await expect(loadingRest).toBeHidden();
  await expect(entryCount).toHaveText(`${countBefore + 1} entries`);
  await expect(readerTimeline.getByRole('row').filter({ hasText: `sample ${ENTRIES}:` })).toHaveCount(1);
  await expect(reader.getByRole('status', { name: 'Save status: Saved' })).toBeVisible();
  const reopenBytes = received.bytes;
  test.info().annotations.push({ type: 'sync bytes received', description: `first open ${firstOpenBytes}, re-open ${reopenBytes}` });
  expect(firstOpenBytes).toBeGreaterThan(ENTRIES * 100);
  expect(reopenBytes).toBeLessThan(firstOpenBytes / 4);

  // What the reader writes after the re-open reaches the host: the writer sees it.
  await addEntry(reader, 'Cache failover runbook updated');
  await expect(readerTimeline.getByRole('row').filter({ hasText: 'Cache failover runbook updated' })).toBeVisible();
  await expect(reader.getByRole('status', { name: 'Save status: Saved' })).toBeVisible();
  await expect(timeline.getByRole('row').filter({ hasText: 'Cache failover runbook updated' })).toBeVisible();
  await reader.context().close();
  await page.context().close();
});

test('a change the host never heard stays in the tab’s copy, is not shown as saved, and reaches the host when the incident is re-opened', async ({ host, browser }) => {
  const page = await openAs(browser, host.openUrl, 'Priya Raman');
  const incidentId = await declareIncident(page, 'Payments queue backlog');
  const incidentHash = `#/incident/${incidentId}`;
  await addEntry(page, 'Queue depth at 40k messages');
  await expect(page.getByRole('status', { name: 'Save status: Saved' })).toBeVisible();

  // The reader's /sync socket goes through the test, which can stop passing what the page sends.
  const reader = await openAs(browser, host.openUrl, 'Sam Okafor');
  let deaf = false;
  await reader.routeWebSocket(/\/sync\?/, (ws: WebSocketRoute) => {
    const server = ws.connectToServer();
    ws.onMessage((message) => {
      if (!deaf) server.send(message);
    });
    server.onMessage((message) => ws.send(message));
  });
  await openHash(reader, incidentHash);
  const readerTimeline = reader.getByRole('grid', { name: 'Timeline' });
  await expect(readerTimeline.getByRole('row').filter({ hasText: 'Queue depth' })).toBeVisible();
  await expect(reader.getByRole('status', { name: 'Save status: Saved' })).toBeVisible();
  await expect.poll(() => replicaStored(reader, incidentId)).toBe(true);

  // The host stops hearing the reader: its entry is kept in the tab, never called saved.
  deaf = true;
  await addEntry(reader, 'Consumers scaled from 4 to 12');
  await expect(readerTimeline.getByRole('row').filter({ hasText: 'Consumers scaled' })).toBeVisible();
  await expect(reader.getByRole('status', { name: 'Save status: Saving… (1)' })).toBeVisible();
  await openHash(reader, '#/');
  await expect(reader.getByRole('table', { name: 'Incidents' })).toBeVisible();

  // The host does not have it: a browser opening the incident now sees the writer's entries only.
  const checker = await openAs(browser, host.openUrl, 'Ana Lima');
  await openHash(checker, incidentHash);
  const checkerCount = checker.getByText(/^\d+ entries$/);
  await expect(checker.getByRole('status').filter({ hasText: 'loading the rest of the timeline' })).toBeHidden();
  await expect(checker.getByRole('grid', { name: 'Timeline' }).getByRole('row').filter({ hasText: 'Queue depth' })).toBeVisible();
  const hostCount = Number((await checkerCount.textContent())?.split(' ')[0]);

  // Back in the same tab, with the host listening again: the copy's change is sent, saved, and seen.
  deaf = false;
  await openHash(reader, incidentHash);
  await expect(readerTimeline.getByRole('row').filter({ hasText: 'Consumers scaled' })).toBeVisible();
  await expect(reader.getByRole('status', { name: 'Save status: Saved' })).toBeVisible();
  await expect(checkerCount).toHaveText(`${hostCount + 1} entries`);
  await expect(page.getByRole('grid', { name: 'Timeline' }).getByRole('row').filter({ hasText: 'Consumers scaled' })).toBeVisible();
  for (const p of [page, reader, checker]) await p.context().close();
});

const SAMPLE = path.resolve('assets/sample-incident.json');

function importSample(dataDir: string): void {
  const imported = spawnSync(process.execPath, [path.resolve('bin/warroom.mjs'), 'import', SAMPLE, '--data-dir', dataDir], { encoding: 'utf8' });
  expect(imported.status, imported.stderr).toBe(0);
}

test('a copy of an incident that was deleted and imported again under the same id is dropped, not merged into the new document', async ({ browser }) => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'warroom-e2e-reimport-'));
  importSample(dataDir);
  let host = await startServe([], dataDir);
  try {
    const reader = await openAs(browser, host.openUrl, 'Sam Okafor');
    const received = countSyncBytes(reader);
    await reader.getByRole('table', { name: 'Incidents' }).getByRole('link').first().click();
    const incidentId = /#\/incident\/([0-9A-Z]{26})/.exec(reader.url())![1]!;
    const entryCount = reader.getByText(/^\d+ entries$/);
    await expect(reader.getByRole('status').filter({ hasText: 'loading the rest of the timeline' })).toBeHidden();
    await expect(reader.getByRole('status', { name: 'Save status: Saved' })).toBeVisible();
    await expect.poll(() => replicaStored(reader, incidentId)).toBe(true);
    const count = await entryCount.textContent();
    const firstOpenBytes = received.bytes;
    await openHash(reader, '#/');
    await expect(reader.getByRole('table', { name: 'Incidents' })).toBeVisible();

    // Same data dir, same address, same incident id: but a new document, written by other Yjs clients.
    const port = new URL(host.url).port;
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir);
    importSample(dataDir);
    host = await startServe(['--port', port], dataDir);
    expect(new URL(host.url).port).toBe(port);

    // The same tab opens it again: the whole new document comes down, and the old copy goes nowhere.
    received.bytes = 0;
    received.sent = 0;
    // The new host's link differs from the old page's only after '#', which is no navigation: load it.
    await reader.goto(host.openUrl);
    await reader.reload();
    await expect(reader.getByRole('table', { name: 'Incidents' })).toBeVisible();
    await openHash(reader, `#/incident/${incidentId}`);
    await expect(reader.getByRole('status').filter({ hasText: 'loading the rest of the timeline' })).toBeHidden();
    await expect(entryCount).toHaveText(count!);
    await expect(reader.getByRole('status', { name: 'Save status: Saved' })).toBeVisible();
    expect(received.bytes).toBeGreaterThan(firstOpenBytes / 2);
    expect(received.sent).toBeLessThan(firstOpenBytes / 4);
    test.info().annotations.push({ type: 'sync bytes after the re-import', description: `received ${received.bytes}, sent ${received.sent} (first open received ${firstOpenBytes})` });

    // And the host's document is the imported one alone: a browser with no copy counts the same.
    const checker = await openAs(browser, host.openUrl, 'Ana Lima');
    await openHash(checker, `#/incident/${incidentId}`);
    await expect(checker.getByRole('status').filter({ hasText: 'loading the rest of the timeline' })).toBeHidden();
    await expect(checker.getByText(/^\d+ entries$/)).toHaveText(count!);
    for (const p of [reader, checker]) await p.context().close();
  } finally {
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
