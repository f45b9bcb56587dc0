import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addEntry, editEntry } from '../../../shared/model/commands';
import { entryEditsArray, readEntry } from '../../../shared/model/doc';
import type { EntryEditRecord } from '../../../shared/model/entryRecords';
import { EntryEditIndex, logChange, type LogChange } from '../entryEditIndex';
import { attachEntriesStore } from '../entriesStore';
import { ctxFor, openIncidentDoc, steppingClock } from './timelineFixtures';

/** Yjs places concurrent inserts at one spot by client id, lowest first; fixing ids fixes where a remote edit lands. */
const LOWER_CLIENT = 1;
const HIGHER_CLIENT = 2;

function replicaWithClient(source: Y.Doc, clientID: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(source));
  return doc;
}

/** Two replicas holding one entry; `remote` has the lower client id, so its concurrent edits sort before `local`'s. */
function pairWithEntry() {
  const origin = openIncidentDoc();
  const id = addEntry(origin, ctxFor('ana'), { occurredAt: '2026-11-21T20:10:00.000Z', text: 'rsync started' });
  const other = addEntry(origin, ctxFor('ana', steppingClock('2026-11-21T20:30:00.000Z')), { text: 'hare restore started' });
  return { local: replicaWithClient(origin, HIGHER_CLIENT), remote: replicaWithClient(origin, LOWER_CLIENT), id, other };
}

function recordChanges(doc: Y.Doc): LogChange[] {
  const changes: LogChange[] = [];
  const log = entryEditsArray(doc);
  log.observe((event) => changes.push(logChange(event, log.length)));
  return changes;
}

describe('logChange', () => {
  it('sees a local edit land at the end of the log', () => {
    const { local, id } = pairWithEntry();
    const changes = recordChanges(local);
    editEntry(local, ctxFor('bo'), id, { text: 'one' });
    editEntry(local, ctxFor('bo'), id, { text: 'two', key: true });
    expect(changes.map((c) => [c.atTail, c.inserted.length, c.removed])).toEqual([
      [true, 1, false],
      [true, 2, false],
    ]);
  });

  it('sees a concurrent remote edit land in the middle of the log', () => {
    const { local, remote, id } = pairWithEntry();
    editEntry(local, ctxFor('bo'), id, { text: 'bo was here' });
    editEntry(remote, ctxFor('cy'), id, { key: true });
    const changes = recordChanges(local);
    Y.applyUpdate(local, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(local)));
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ atTail: false, removed: false });
    expect(changes[0]?.inserted.map((e) => e.by)).toEqual(['cy']);
    expect(entryEditsArray(local).toArray().map((e) => e.by)).toEqual(['cy', 'bo']);
  });
});

describe('EntryEditIndex', () => {
  it('keeps every entry list equal to a scan of the log, whether edits append or land in the middle', () => {
    const { local, remote, id, other } = pairWithEntry();
    const log = entryEditsArray(local);
    const index = new EntryEditIndex(log);
    const touched: Set<string>[] = [];
    log.observe((event) => touched.push(index.apply(logChange(event, log.length))));
    const scan = (entryId: string) => log.toArray().filter((e: EntryEditRecord) => e.entryId === entryId);

    editEntry(local, ctxFor('bo'), id, { text: 'local edit' });
    editEntry(remote, ctxFor('cy'), id, { workstream: 'turtle' });
    editEntry(remote, ctxFor('cy'), other, { key: true });
    Y.applyUpdate(local, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(local)));
    editEntry(local, ctxFor('bo'), other, { text: 'hare restore at 10%' });

    expect(touched.map((ids) => [...ids].sort())).toEqual([[id], [id, other].sort(), [other]]);
    for (const entryId of [id, other]) expect(index.editsOf(entryId)).toEqual(scan(entryId));
    expect(index.editsOf('nobody')).toEqual([]);
  });
});

describe('entries store with a remote edit in the middle of the log', () => {
  it('re-reads only the entry the remote edit names and matches a full re-read', () => {
    const { local, remote, id, other } = pairWithEntry();
    const { store } = attachEntriesStore(local);
    editEntry(local, ctxFor('bo'), id, { text: 'bo was here' });
    const otherRow = store.getState().byId.get(other);
    editEntry(remote, ctxFor('cy'), id, { text: 'cy was here', occurredAt: '2026-11-21T20:40:00.000Z' });
    Y.applyUpdate(local, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(local)));
    const state = store.getState();
    expect([...state.lastChanged]).toEqual([id]);
    expect(state.byId.get(other)).toBe(otherRow);
    // cy's edits sort first in the log, so bo's later text edit wins; cy's time edit still applies.
    expect(state.byId.get(id)).toMatchObject(readEntry(local, id)!);
    expect(state.byId.get(id)).toMatchObject({ text: 'bo was here', occurredAt: '2026-11-21T20:40:00.000Z' });
    expect(state.byId.get(id)?.history.map((h) => h.by)).toEqual(['cy', 'cy', 'bo']);
    expect(state.orderedIds.indexOf(id)).toBeGreaterThan(state.orderedIds.indexOf(other));
  });
});
