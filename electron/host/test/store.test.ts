import { createHash, randomBytes } from 'node:crypto';
import { openSync, readFileSync, writeFileSync, writeSync, closeSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addEntry } from '../../../shared/model/commands';
import { readEntries } from '../../../shared/model/doc';
import { newId } from '../../../shared/model/ids';
import { incidentDocName } from '../../../shared/protocol/api';
import { startHost } from '../host';
import { DB_FILE_NAME, IncidentStore } from '../store';
import { connectSync, RpcClient, seedStore, tempDir, waitFor, wsBase } from './helpers';

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
/** SQLite's default page size; page 2 onwards holds table data. */
const PAGE_BYTES = 4096;


describe('IncidentStore', () => {
  it('replays the snapshot and later updates, and compaction folds them in one snapshot', () => {
    const dir = tempDir();
    const id = seedStore(dir);
    const store = IncidentStore.open(dir);
    const name = incidentDocName(id);
    const before = store.pendingUpdateCount(name);
    expect(before).toBeGreaterThan(40);
    expect(store.compact(name)).toBe(before);
    expect(store.pendingUpdateCount(name)).toBe(0);
    const doc = store.loadDoc(name) as Y.Doc;
    expect(readEntries(doc).filter((e) => e.text.startsWith('step'))).toHaveLength(40);
    // Updates after the snapshot are replayed on top of it.
    doc.on('update', (u: Uint8Array) => store.append(name, u));
    addEntry(doc, { author: 'Sam' }, { text: 'after compaction' });
    expect(store.pendingUpdateCount(name)).toBe(1);
    const again = store.loadDoc(name) as Y.Doc;
    expect(readEntries(again).map((e) => e.text)).toContain('after compaction');
    store.close();
  });

  it.each([
    ['random bytes', (file: string) => writeFileSync(file, randomBytes(3 * PAGE_BYTES))],
    [
      'a valid database with a page overwritten',
      (file: string) => {
        const fd = openSync(file, 'r+');
        writeSync(fd, randomBytes(PAGE_BYTES), 0, PAGE_BYTES, PAGE_BYTES);
        closeSync(fd);
      },
    ],
  ])('refuses %s, reports file and reason, and never writes to it', async (_label, corrupt) => {
    const dir = tempDir();
    seedStore(dir);
    const file = path.join(dir, DB_FILE_NAME);
    corrupt(file);
    const digest = sha256(file);

    const host = await startHost({ dataDir: dir, staticDir: null, log: () => {} });
    const rpc = await RpcClient.connect(wsBase(host.url), host.token);
    const hello = await rpc.value<{ store: { ok: boolean; file: string; reason: string } }>('hello');
    expect(hello.store.ok).toBe(false);
    expect(hello.store.file).toBe(file);
    expect(hello.store.reason).toContain(file);
    const created = await rpc.call('createIncident', { title: 'x', severity: 'SEV1', startedAt: '2026-11-21T23:06:00.000Z', timeZone: 'UTC', author: 'a' });
    expect(created.ok).toBe(false);
    if (!created.ok) expect(created.error.code).toBe('store');
    const imported = await rpc.call('importArchive', { json: '{}' });
    expect(!imported.ok && imported.error.code).toBe('store');
    // Documents refuse to load, and the client is told why.
    const client = connectSync(wsBase(host.url), host.token, newId());
    await waitFor(() => client.failures.length > 0, 5000, 'load refusal');
    expect(client.failures[0]).toMatch(/^store: /);
    client.destroy();
    rpc.close();
    await host.close();
    expect(sha256(file)).toBe(digest);
    expect(existsSync(`${file}-wal`) && readFileSync(`${file}-wal`).length > 0).toBe(false);
  });
});
