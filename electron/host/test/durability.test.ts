import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addEntry } from '../../../shared/model/commands';
import { readEntries } from '../../../shared/model/doc';
import { incidentDocName } from '../../../shared/protocol/api';
import { COMPACT_ON_LOAD_THRESHOLD } from '../extensions/persistenceExtension';
import { startHost } from '../host';
import { DB_FILE_NAME, IncidentStore } from '../store';
import { startChild } from './childProcess';
import { buildCli, entryTextsOnDisk, connectSync, RpcClient, tempDir, waitFor, wsBase } from './helpers';

/** A CLI start on a 2-core machine that other work keeps busy; the tests around it allow 60 s. */
const HOST_START_TIMEOUT_MS = 30_000;
const INCIDENT = { title: 'Primary database lost', severity: 'SEV1', startedAt: '2026-11-21T23:06:00.000Z', timeZone: 'UTC', author: 'Priya' };


describe('durability', () => {
  const children: ChildProcess[] = [];
  let cli = '';
  beforeAll(async () => {
    cli = await buildCli();
  });
  afterAll(() => rmSync(cli, { force: true }));
  afterEach(() => {
    children.splice(0).forEach((c) => c.kill('SIGKILL'));
  });

  it('has an update on disk by the time the client sees it acknowledged', async () => {
    const dir = tempDir();
    const host = await startHost({ dataDir: dir, staticDir: null, log: () => {} });
    const rpc = await RpcClient.connect(wsBase(host.url), host.token);
    const { id } = await rpc.value<{ id: string }>('createIncident', INCIDENT);
    const client = connectSync(wsBase(host.url), host.token, id);
    await client.synced();
    const checks: boolean[] = [];
    let expected = '';
    client.provider.on('unsyncedChanges', ({ number }: { number: number }) => {
      // Checked inside the ack handler itself: nothing else can have happened in between.
      if (number === 0 && expected) checks.push(entryTextsOnDisk(path.join(dir, DB_FILE_NAME), incidentDocName(id)).includes(expected));
    });
    for (let i = 0; i < 5; i += 1) {
      expected = `rsync started ${i}`;
      addEntry(client.doc, { author: 'Priya' }, { text: expected });
      await waitFor(() => checks.length === i + 1, 5000, 'ack');
    }
    expect(checks).toEqual([true, true, true, true, true]);
    client.destroy();
    rpc.close();
    await host.close();
  });

  it('compacts a document with more than the threshold of updates when it loads', async () => {
    const dir = tempDir();
    const host = await startHost({ dataDir: dir, staticDir: null, log: () => {} });
    const rpc = await RpcClient.connect(wsBase(host.url), host.token);
    const { id } = await rpc.value<{ id: string }>('createIncident', INCIDENT);
    await host.close();
    const store = IncidentStore.open(dir);
    const doc = store.loadDoc(incidentDocName(id)) as Y.Doc;
    doc.on('update', (u: Uint8Array) => store.append(incidentDocName(id), u));
    for (let i = 0; i <= COMPACT_ON_LOAD_THRESHOLD; i += 1) addEntry(doc, { author: 'Priya' }, { text: `line ${i}` });
    expect(store.pendingUpdateCount(incidentDocName(id))).toBeGreaterThan(COMPACT_ON_LOAD_THRESHOLD);
    store.close();

    const again = await startHost({ dataDir: dir, staticDir: null, log: () => {} });
    const client = connectSync(wsBase(again.url), again.token, id);
    await client.synced();
    expect(readEntries(client.doc).filter((e) => e.text.startsWith('line '))).toHaveLength(COMPACT_ON_LOAD_THRESHOLD + 1);
    client.destroy();
    await again.close();
    const after = IncidentStore.open(dir);
    expect(after.pendingUpdateCount(incidentDocName(id))).toBe(0);
    after.close();
  }, 60_000);

  function serve(dir: string, port = 0): Promise<{ child: ChildProcess; url: string; token: string; port: number }> {
    const { child, ready } = startChild([process.execPath, cli, 'serve', '--data-dir', dir, '--port', String(port)], {
      what: 'warroom serve',
      timeoutMs: HOST_START_TIMEOUT_MS,
      ready(line, stream) {
        if (stream !== 'stdout') return undefined;
        const m = /^War Room is serving at (http:\/\/127\.0\.0\.1:(\d+))\/#token=(\S+)$/.exec(line);
        if (!m) throw new Error(`unexpected first line: ${line}`);
        return { url: m[1]!, port: Number(m[2]), token: m[3]! };
      },
    });
    children.push(child);
    return ready.then((serving) => ({ child, ...serving }));
  }

  it('keeps every entry reported as saved when the host is killed with SIGKILL mid-stream', async () => {
    const dir = tempDir();
    const first = await serve(dir);
    const rpc = await RpcClient.connect(wsBase(first.url), first.token);
    const { id } = await rpc.value<{ id: string }>('createIncident', INCIDENT);
    rpc.close();
    const client = connectSync(wsBase(first.url), first.token, id);
    await client.synced();

    const saved: string[] = [];
    let sent: string[] = [];
    client.provider.on('unsyncedChanges', ({ number }: { number: number }) => {
      // Zero outstanding: everything added so far has been acknowledged as on disk.
      if (number === 0) saved.push(...sent.splice(0));
    });
    let killed = false;
    let n = 0;
    const writer = (async () => {
      while (!killed) {
        const text = `entry ${n++}`;
        sent.push(text);
        addEntry(client.doc, { author: 'Priya' }, { text });
        await new Promise((r) => setTimeout(r, 2));
      }
    })();
    await waitFor(() => saved.length >= 50, 20_000, '50 saved entries');
    first.child.kill('SIGKILL');
    killed = true;
    await writer;
    const reportedSaved = [...saved];
    sent = [];
    client.destroy();
    await new Promise((r) => first.child.exitCode !== null || first.child.signalCode !== null ? r(null) : first.child.once('exit', r));

    const second = await serve(dir);
    const reader = connectSync(wsBase(second.url), second.token, id);
    await reader.synced();
    const present = new Set(readEntries(reader.doc).map((e) => e.text));
    const missing = reportedSaved.filter((t) => !present.has(t));
    expect(reportedSaved.length).toBeGreaterThanOrEqual(50);
    expect(missing).toEqual([]);
    reader.destroy();
  }, 60_000);
});
