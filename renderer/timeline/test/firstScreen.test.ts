import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { addEntry, editEntry, retractEntry } from '../../../shared/model/commands';
import { readEntries, readIncident } from '../../../shared/model/doc';
import { firstScreenEntries, firstScreenOf, type FirstScreen } from '../../../shared/model/firstScreen';
import { attachEntriesStore, type EntriesStore } from '../entriesStore';
import { toEntryRow } from '../entryRow';
import { applyRandomOp, replicaWrite, bigIncidentDoc, ctxFor, openIncidentDoc, steppingClock } from './timelineFixtures';

/** The first screen as the renderer receives it: through JSON, as the store keeps it and the RPC sends it. */
function wireScreen(doc: Y.Doc, count?: number): FirstScreen {
  return JSON.parse(JSON.stringify(firstScreenOf(doc, count))) as FirstScreen;
}

/** The store's rows in order, as plain data, for comparing with rows read from a document. */
function storeRows(handle: EntriesStore) {
  const { orderedIds, byId } = handle.store.getState();
  return orderedIds.map((id) => byId.get(id));
}

/** The rows the entries store builds from the full document: the reference every projection must equal. */
function fullDocumentRows(doc: Y.Doc) {
  return storeRows(attachEntriesStore(doc));
}

describe('first screen', () => {
  it('equals the newest rows built from the full document, under random writes on two replicas', () => {
    const op = replicaWrite;
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 12 }), (ops, count) => {
        const a = openIncidentDoc();
        const b = new Y.Doc();
        Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
        const docs = [a, b];
        const ctxs = [ctxFor('ana', steppingClock()), ctxFor('bo', steppingClock())];
        for (const { replica, ...rest } of ops) applyRandomOp(docs[replica] as Y.Doc, ctxs[replica] as ReturnType<typeof ctxFor>, rest);
        Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));

        const screen = wireScreen(b, count);
        const projected = firstScreenEntries(screen).map(toEntryRow);
        expect(projected).toEqual(fullDocumentRows(b).slice(-count));
        expect(screen.entryCount).toBe(readEntries(b).length);
        expect(screen.incident).toEqual(readIncident(b));
      }),
      { numRuns: 80 },
    );
  });

  it('finds the newest rows of a large document in one pass, a backdated edit included', () => {
    const doc = bigIncidentDoc(5000);
    const ctx = ctxFor('cy', steppingClock('2026-12-01T00:00:00.000Z'));
    const order = readEntries(doc);
    // The oldest entry moved to the very end by an edit of its time, and the newest retracted.
    editEntry(doc, ctx, order[0]!.id, { occurredAt: '2026-11-30T00:00:00.000Z' });
    retractEntry(doc, ctx, order.at(-1)!.id, 'duplicate');
    const screen = wireScreen(doc);
    expect(firstScreenEntries(screen).map(toEntryRow)).toEqual(fullDocumentRows(doc).slice(-screen.entries.length));
    expect(screen.entries.at(-1)?.id).toBe(order[0]!.id);
    expect(screen.entryCount).toBe(5000);
  });

  it('is null while the document holds no incident', () => {
    expect(firstScreenOf(new Y.Doc())).toBeNull();
  });
});

describe('entries store behind a first screen', () => {
  /** The host's document, a replica that has not synced yet, and its store seeded with the first screen. */
  function openingReplica(entries = 2000) {
    const host = bigIncidentDoc(entries);
    const screen = wireScreen(host);
    const replica = new Y.Doc();
    const handle = attachEntriesStore(replica);
    handle.seed(firstScreenEntries(screen).map(toEntryRow));
    return { host, screen, replica, handle };
  }

  it('shows the projected rows before any of the document has arrived', () => {
    const { host, screen, handle } = openingReplica();
    expect(handle.store.getState().orderedIds).toEqual(screen.entries.map((e) => e.id));
    expect(storeRows(handle)).toEqual(fullDocumentRows(host).slice(-screen.entries.length));
  });

  it('ends with the edited row when an edit reaches the host after the first screen was read', () => {
    const { host, screen, replica, handle } = openingReplica();
    const target = screen.entries.at(-2)!.id;
    editEntry(host, ctxFor('bo', steppingClock('2026-12-01T00:00:00.000Z')), target, { text: 'hare restore finished' });
    // Still the projected (older) text until the sync arrives…
    expect(handle.store.getState().byId.get(target)?.text).not.toBe('hare restore finished');
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(host));
    // …and never again once it has.
    expect(handle.store.getState().byId.get(target)?.text).toBe('hare restore finished');
    expect(storeRows(handle)).toEqual(fullDocumentRows(replica));
  });

  it('ends right when the edit arrives on its own before the full state, while the full state is still on its way', () => {
    const { host, screen, replica, handle } = openingReplica();
    const before = Y.encodeStateVector(host);
    const target = screen.entries.at(-1)!.id;
    retractEntry(host, ctxFor('bo', steppingClock('2026-12-01T00:00:00.000Z')), target, 'wrong incident');
    // The retraction as a live update (it cannot apply yet: what it depends on has not arrived)…
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(host, before));
    expect(handle.store.getState().byId.get(target)?.retraction).toBeNull();
    // …then the sync's full state, which also carries it.
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(host));
    expect(handle.store.getState().byId.get(target)?.retraction).toMatchObject({ by: 'bo', reason: 'wrong incident' });
    expect(storeRows(handle)).toEqual(fullDocumentRows(replica));
  });

  it('shows an entry added during the sync at once, in order, and keeps it after the sync', () => {
    const { host, replica, handle } = openingReplica();
    const ctx = { ...ctxFor('ana', steppingClock('2026-12-01T00:00:00.000Z')), syncingIncident: 'big' };
    const id = addEntry(replica, ctx, { occurredAt: '2026-12-01T00:00:00.000Z', text: 'paged storage on-call' });
    expect(handle.store.getState().orderedIds.at(-1)).toBe(id);
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(host));
    expect(handle.store.getState().orderedIds.at(-1)).toBe(id);
    expect(storeRows(handle)).toEqual(fullDocumentRows(replica));
  });

  it('ignores projected rows the store already holds from the document', () => {
    const host = openIncidentDoc();
    addEntry(host, ctxFor('ana'), { text: 'rsync started' });
    const screen = wireScreen(host);
    const handle = attachEntriesStore(host);
    const state = handle.store.getState();
    handle.seed(firstScreenEntries(screen).map(toEntryRow));
    expect(handle.store.getState()).toBe(state);
  });
});
