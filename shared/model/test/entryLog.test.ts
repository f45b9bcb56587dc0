import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CommandError } from '../commandError';
import { addEntry, editEntry, retractEntry } from '../commands';
import { entriesMap, entryEditsArray, readEntry } from '../doc';
import { readSnapshot } from '../snapshot';
import { foldEntry, groupEditsByEntry, type EntryEditRecord, type EntryRecord } from '../entryRecords';
import { importSnapshot } from '../importSnapshot';
import { EMPTY_COORDINATION } from '../coordination';
import { emptySituation } from '../situation';
import { contextFor, openIncident } from './fixtures';

/** Two replicas that have both seen one entry, then write without hearing from each other. */
function splitReplicas() {
  const { doc: left, ctx } = openIncident();
  const id = addEntry(left, ctx, { occurredAt: '2026-11-21T20:10:00.000Z', text: 'rsync started' });
  const right = new Y.Doc();
  Y.applyUpdate(right, Y.encodeStateAsUpdate(left));
  return { left, right, id };
}

/** Delivers each side's missing updates to the other, as the host does when they reconnect. */
function reconnect(left: Y.Doc, right: Y.Doc): void {
  const toRight = Y.encodeStateAsUpdate(left, Y.encodeStateVector(right));
  const toLeft = Y.encodeStateAsUpdate(right, Y.encodeStateVector(left));
  Y.applyUpdate(right, toRight);
  Y.applyUpdate(left, toLeft);
}

const record: EntryRecord = {
  id: 'E1',
  occurredAt: '2026-11-21T20:10:00.000Z',
  recordedAt: '2026-11-21T20:11:00.000Z',
  author: 'ana',
  kind: 'note',
  text: 'rsync started',
  workstream: '',
  key: false,
};

describe('foldEntry', () => {
  it('applies edits in log order, recording each previous value, and keeps the first retraction', () => {
    const edits: EntryEditRecord[] = [
      { entryId: 'E1', by: 'bo', at: '2026-11-21T20:12:00.000Z', field: 'text', value: 'rsync started on the standby' },
      { entryId: 'E1', by: 'cy', at: '2026-11-21T20:13:00.000Z', field: 'kind', value: 'action' },
      { entryId: 'E1', by: 'cy', at: '2026-11-21T20:14:00.000Z', field: 'retraction', value: { by: 'cy', at: '2026-11-21T20:14:00.000Z', reason: 'wrong host' } },
      { entryId: 'E1', by: 'bo', at: '2026-11-21T20:15:00.000Z', field: 'retraction', value: { by: 'bo', at: '2026-11-21T20:15:00.000Z', reason: 'dup' } },
    ];
    const entry = foldEntry(record, edits);
    expect(entry).toMatchObject({ id: 'E1', text: 'rsync started on the standby', kind: 'action', retraction: { by: 'cy', reason: 'wrong host' } });
    expect(entry.history).toEqual([
      { by: 'bo', at: '2026-11-21T20:12:00.000Z', field: 'text', previous: 'rsync started' },
      { by: 'cy', at: '2026-11-21T20:13:00.000Z', field: 'kind', previous: 'note' },
    ]);
    expect(foldEntry(record)).toEqual({ ...record, retraction: null, history: [] });
  });

  it('groups a log by entry in one pass, keeping log order', () => {
    const log = [
      { entryId: 'A', by: 'x', at: '1', field: 'text', value: 'a1' },
      { entryId: 'B', by: 'x', at: '2', field: 'text', value: 'b1' },
      { entryId: 'A', by: 'x', at: '3', field: 'key', value: true },
    ] satisfies EntryEditRecord[];
    const grouped = groupEditsByEntry(log);
    expect([...grouped.keys()]).toEqual(['A', 'B']);
    expect(grouped.get('A')?.map((e) => e.at)).toEqual(['1', '3']);
  });
});

describe('the entry log across replicas', () => {
  it('keeps both concurrent edits of one field in history, and both replicas agree on the result', () => {
    const { left, right, id } = splitReplicas();
    editEntry(left, contextFor('bo', '2026-11-21T20:20:00.000Z'), id, { text: 'rsync started (bo)' });
    editEntry(right, contextFor('cy', '2026-11-21T20:21:00.000Z'), id, { text: 'rsync started (cy)' });
    reconnect(left, right);
    const merged = readEntry(left, id)!;
    expect(readEntry(right, id)).toEqual(merged);
    expect(merged.history.map((h) => h.by).sort()).toEqual(['bo', 'cy']);
    // The edit later in the log wins, and its `previous` is the value the earlier one set.
    const [first, second] = merged.history;
    expect(first?.previous).toBe('rsync started');
    expect(second?.previous).toBe(`rsync started (${first?.by})`);
    expect(merged.text).toBe(`rsync started (${second?.by})`);
    expect(readSnapshot(left)).toEqual(readSnapshot(right));
  });

  it('converges when one replica edits while the other retracts, keeping both', () => {
    const { left, right, id } = splitReplicas();
    editEntry(left, contextFor('bo', '2026-11-21T20:20:00.000Z'), id, { text: 'rsync started on db-2', key: true });
    retractEntry(right, contextFor('cy', '2026-11-21T20:21:00.000Z'), id, 'wrong incident');
    reconnect(left, right);
    const merged = readEntry(left, id)!;
    expect(readEntry(right, id)).toEqual(merged);
    expect(merged.retraction).toMatchObject({ by: 'cy', reason: 'wrong incident' });
    expect(merged.history.map((h) => h.field)).toEqual(['text', 'key']);
    expect(merged.text).toBe('rsync started on db-2');
    expect(() => editEntry(left, contextFor('bo'), id, { text: 'again' })).toThrow(CommandError);
  });

  it('keeps a second concurrent retraction in the log but reads the first one in log order', () => {
    const { left, right, id } = splitReplicas();
    retractEntry(left, contextFor('bo', '2026-11-21T20:20:00.000Z'), id, 'duplicate');
    retractEntry(right, contextFor('cy', '2026-11-21T20:21:00.000Z'), id, 'wrong incident');
    reconnect(left, right);
    const logged = entryEditsArray(left).toArray().filter((e) => e.entryId === id);
    expect(logged).toHaveLength(2);
    expect(readEntry(left, id)!.retraction).toEqual(logged[0]!.value);
    expect(readEntry(right, id)).toEqual(readEntry(left, id));
  });

  it('never sets a creation record again: edits leave the record as it was created', () => {
    const { doc, ctx } = openIncident();
    const id = addEntry(doc, ctx, { text: 'first words', workstream: 'turtle' });
    const created = entriesMap(doc).get(id);
    let recordWrites = 0;
    entriesMap(doc).observe(() => (recordWrites += 1));
    editEntry(doc, ctx, id, { text: 'second words', workstream: 'hare' });
    retractEntry(doc, ctx, id, 'noise');
    addEntry(doc, ctx, { id, text: 'retried add' });
    expect(recordWrites).toBe(0);
    expect(entriesMap(doc).get(id)).toEqual(created);
    expect(entryEditsArray(doc).length).toBe(3);
  });
});

describe('storage cost', () => {
  const COUNT = 10_000;
  /** The previous layout (a Y.Map of ten keys plus a Y.Array per entry) took about 415 bytes per entry. */
  const MAX_BYTES_PER_ENTRY = 350;

  it('encodes a 10k-entry timeline in under 350 bytes per entry', () => {
    const { incident } = readSnapshot(openIncident().doc)!;
    const base = Date.parse('2026-11-21T20:00:00.000Z');
    const entries = Array.from({ length: COUNT }, (_, i) => {
      const at = new Date(base + i * 1000).toISOString();
      return {
        id: `01KAK${String(i).padStart(21, '0')}`,
        occurredAt: at,
        recordedAt: at,
        author: i % 2 === 0 ? 'Priya Raman' : 'Sam Okafor',
        kind: 'note' as const,
        text: `Replication lag on db-2 at ${i % 60} minutes and climbing`,
        workstream: i % 3 === 0 ? 'restore-from-backup' : '',
        key: false,
        retraction: null,
        history: [],
      };
    });
    const doc = new Y.Doc();
    importSnapshot(doc, { incident, entries, coordination: EMPTY_COORDINATION, situation: emptySituation() });
    const bytesPerEntry = Y.encodeStateAsUpdate(doc).length / COUNT;
    expect(bytesPerEntry).toBeLessThan(MAX_BYTES_PER_ENTRY);
  });
});
