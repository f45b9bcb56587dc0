// A stored row that will not decode: the incident opens with the rest, the row is kept and named
// (incident, file, row) in the status, the sync, `list` and `export`, and nothing new is written to
// the incident until someone acknowledges it.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { MessageType } from '@hocuspocus/provider';
import { addEntry, createIncident } from '../../../shared/model/commands';
import { readEntries } from '../../../shared/model/doc';
import { newId } from '../../../shared/model/ids';
import { incidentDocName, type StoreStatus } from '../../../shared/protocol/api';
import { startHost } from '../host';
import { closeDatabase, openDatabase } from '../sqlite';
import { DB_FILE_NAME, IncidentStore } from '../store';
import { useBuiltCli } from './builtCli';
import { connectSync, entryTextsOnDisk, RpcClient, tempDir, waitFor, wsBase, type SyncClient } from './helpers';

/** Bytes that fail exactly as the damaged row did: "contentRefs[(info & BITS5)] is not a function". */
const UNDECODABLE = new Uint8Array([1, 1, 1, 0, 0x1f, 1, 1, 0x61, 0, 0, 0, 0]);
const ENTRIES = 10;
const DAMAGED_ENTRY = 5;

interface DamagedStore {
  dir: string;
  file: string;
  id: string;
  badRow: number;
}

/**
 * An incident written by two people, one row per change; then the row holding Priya's entry 5 is
 * overwritten with bytes that do not decode. Sam's entry, written later by another client, does
 * not depend on it.
 */
function damagedStore(): DamagedStore {
  const dir = tempDir();
  const file = path.join(dir, DB_FILE_NAME);
  const id = newId();
  const name = incidentDocName(id);
  const store = IncidentStore.open(dir);
  const priya = new Y.Doc();
  const rowOf = new Map<string, number>();
  priya.on('update', (u: Uint8Array) => store.append(name, u));
  createIncident(priya, { author: 'Priya' }, { id, title: 'Replica lag', severity: 'SEV2', startedAt: '2026-11-21T23:06:00.000Z', timeZone: 'UTC' });
  const seqNow = () => (store.database().prepare('SELECT MAX(seq) AS m FROM updates').get() as { m: number }).m;
  for (let i = 0; i < ENTRIES; i += 1) {
    addEntry(priya, { author: 'Priya' }, { text: `priya ${i}` });
    rowOf.set(`priya ${i}`, seqNow());
  }
  const sam = new Y.Doc();
  Y.applyUpdate(sam, Y.encodeStateAsUpdate(priya));
  sam.on('update', (u: Uint8Array) => store.append(name, u));
  addEntry(sam, { author: 'Sam' }, { text: 'sam after' });
  store.close();
  const badRow = rowOf.get(`priya ${DAMAGED_ENTRY}`) as number;
  const raw = openDatabase(file);
  raw.prepare('UPDATE updates SET data = ? WHERE seq = ?').run(UNDECODABLE, badRow);
  closeDatabase(raw);
  expect(() => Y.applyUpdate(new Y.Doc(), UNDECODABLE)).toThrow(/contentRefs/);
  return { dir, file, id, badRow };
}

const expectedRow = (d: DamagedStore, acknowledged: boolean) => ({
  incidentId: d.id,
  file: d.file,
  table: 'updates',
  rowId: d.badRow,
  reason: expect.stringContaining('contentRefs'),
  acknowledged,
});

const rowCount = (file: string, seq: number) => {
  const db = openDatabase(file, { readOnly: true });
  const row = db.prepare('SELECT COUNT(*) AS n FROM updates WHERE seq = ?').get(seq) as { n: number };
  db.close();
  return row.n;
};

/** The next sync-status answer the host sends this client: whether it applied the client's change. */
function nextSyncStatus(client: SyncClient): Promise<boolean> {
  return new Promise((resolve) => {
    const onMessage = ({ event }: { event: MessageEvent }) => {
      const decoder = decoding.createDecoder(new Uint8Array(event.data as ArrayBuffer));
      decoding.readVarString(decoder);
      if (decoding.readVarUint(decoder) !== MessageType.SyncStatus) return;
      client.provider.off('message', onMessage);
      resolve(decoding.readVarInt(decoder) === 1);
    };
    client.provider.on('message', onMessage);
  });
}

describe('an update row that will not decode', () => {
  it('the store opens the incident with every row that decodes, reports the row, keeps it, and holds writes until acknowledged', () => {
    const d = damagedStore();
    const name = incidentDocName(d.id);
    const store = IncidentStore.open(d.dir);
    expect(store.status).toEqual({ ok: true, dbFile: d.file, unreadableRows: [expectedRow(d, false)] });
    const texts = readEntries(store.loadDoc(name) as Y.Doc).map((e) => e.text);
    expect(texts).toEqual(expect.arrayContaining(['priya 0', 'priya 4', 'sam after']));
    expect(texts).not.toContain(`priya ${DAMAGED_ENTRY}`);

    // Nothing new on top of it, and the store itself stays usable.
    expect(() => store.append(name, Y.encodeStateAsUpdate(new Y.Doc()))).toThrow(new RegExp(`Incident ${d.id}: row ${d.badRow} of table updates in ${d.file}`));
    expect(store.status.ok).toBe(true);
    // Compaction would fold it away; it leaves the document alone.
    expect(store.compact(name)).toBe(0);

    expect(store.acknowledgeUnreadable(name)).toBe(1);
    expect(store.status).toEqual({ ok: true, dbFile: d.file, unreadableRows: [expectedRow(d, true)] });
    store.append(name, Y.encodeStateAsUpdate(new Y.Doc()));
    // Once acknowledged, compaction folds every other row and keeps the bad one, still reported.
    const pending = store.pendingUpdateCount(name);
    expect(store.compact(name)).toBe(pending - 1);
    expect(rowCount(d.file, d.badRow)).toBe(1);
    expect(readEntries(store.loadDoc(name) as Y.Doc).map((e) => e.text)).toEqual(expect.arrayContaining(['priya 0', 'priya 4', 'sam after']));
    expect(store.unreadableRowsOf(name)).toEqual([expectedRow(d, true)]);
    store.close();
    expect(rowCount(d.file, d.badRow)).toBe(1);

    // An acknowledgement made by another process lifts the hold here too.
    const other = damagedStore();
    const running = IncidentStore.open(other.dir);
    expect(running.writeHeldBack(incidentDocName(other.id))).toBe(true);
    const elsewhere = IncidentStore.open(other.dir);
    elsewhere.acknowledgeUnreadable(incidentDocName(other.id));
    elsewhere.close();
    expect(running.writeHeldBack(incidentDocName(other.id))).toBe(false);
    expect(running.status).toEqual({ ok: true, dbFile: other.file, unreadableRows: [expectedRow(other, true)] });
    running.close();

    // The acknowledgement is kept in the file; the row is still reported.
    const again = IncidentStore.open(d.dir);
    expect(again.status).toEqual({ ok: true, dbFile: d.file, unreadableRows: [expectedRow(d, true)] });
    again.close();
  });

  it('the host opens it read-only, reports it in the status and the export, and writes again once acknowledged', async () => {
    const d = damagedStore();
    const logs: string[] = [];
    const host = await startHost({ dataDir: d.dir, staticDir: null, log: (line) => logs.push(line) });
    expect(logs).toContainEqual(expect.stringMatching(new RegExp(`^store: Incident ${d.id}: row ${d.badRow} of table updates in ${d.file} could not be read`)));
    const base = wsBase(host.url);
    const rpc = await RpcClient.connect(base, host.token);
    const hello = await rpc.value<{ store: StoreStatus }>('hello');
    expect(hello.store).toEqual({ ok: true, dbFile: d.file, unreadableRows: [expectedRow(d, false)] });

    const client = connectSync(base, host.token, d.id);
    await client.synced();
    expect(readEntries(client.doc).map((e) => e.text)).toEqual(expect.arrayContaining(['priya 0', 'sam after']));
    const refused = nextSyncStatus(client);
    addEntry(client.doc, { author: 'Priya' }, { text: 'written over the bad row' });
    expect(await refused).toBe(false);
    expect(entryTextsOnDisk(d.file, incidentDocName(d.id))).not.toContain('written over the bad row');

    const exported = await rpc.value<{ content: string; unreadableRows: unknown[] }>('exportIncident', { id: d.id, format: 'md', all: true });
    expect(exported.content).toContain('priya 0');
    expect(exported.unreadableRows).toEqual([expectedRow(d, false)]);

    expect(await rpc.value('acknowledgeUnreadableRows', { id: d.id })).toEqual({ acknowledged: 1 });
    await waitFor(() => rpc.events.some((e) => e.name === 'onStoreStatus' && JSON.stringify(e.payload).includes('"acknowledged":true')), 5000, 'status after acknowledgement');
    // The client reconnects, now writable, and its held change is stored.
    await waitFor(() => entryTextsOnDisk(d.file, incidentDocName(d.id)).includes('written over the bad row'), 10_000, 'held change stored');
    expect(rowCount(d.file, d.badRow)).toBe(1);

    client.destroy();
    rpc.close();
    await host.close();
  });

  describe('through the CLI', () => {
    const warroom = useBuiltCli();

    it('list and export name the incident, the file and the row; acknowledge lifts the hold', () => {
      const d = damagedStore();
      const line = new RegExp(`^warroom: Incident ${d.id}: row ${d.badRow} of table updates in ${d.file} could not be read \\(contentRefs.*\\); it is kept, and nothing new`, 'm');
      const list = warroom('list', '--data-dir', d.dir);
      expect(list.code).toBe(0);
      expect(list.stdout).toContain(d.id);
      expect(list.stderr).toMatch(line);
      const json = JSON.parse(warroom('list', '--json', '--data-dir', d.dir).stdout);
      expect(json).toEqual([expect.objectContaining({ id: d.id, unreadableRows: [expectedRow(d, false)] })]);

      const md = warroom('export', d.id, '--format', 'md', '--all', '--data-dir', d.dir);
      expect(md.code).toBe(0);
      expect(md.stdout).toContain('priya 0');
      expect(md.stderr).toMatch(line);
      const archive = warroom('export', d.id, '--format', 'json', '--data-dir', d.dir);
      expect(archive.code).toBe(0);
      expect(archive.stderr).toMatch(line);

      const ack = warroom('acknowledge', d.id, '--data-dir', d.dir);
      expect(ack.code).toBe(0);
      expect(ack.stdout).toContain('Acknowledged 1 unreadable row(s)');
      expect(warroom('list', '--data-dir', d.dir).stderr).toMatch(/could not be read .*; it is kept \(acknowledged\)\./);
      expect(rowCount(d.file, d.badRow)).toBe(1);
    });
  });
});
