import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { addEntry, editEntry, retractEntry } from '../../../shared/model/commands';
import { readEntries } from '../../../shared/model/doc';
import { attachEntriesStore } from '../entriesStore';
import { applyRandomOp, replicaWrite, bigIncidentDoc, ctxFor, openIncidentDoc, steppingClock } from './timelineFixtures';

const ids = (doc: Y.Doc) => readEntries(doc).map((e) => e.id);

/** Two replicas that forward every update to each other, like two participants through the host. */
function linkedPair(): [Y.Doc, Y.Doc] {
  const a = openIncidentDoc();
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'peer' && Y.applyUpdate(b, u, 'peer'));
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'peer' && Y.applyUpdate(a, u, 'peer'));
  return [a, b];
}

describe('entries store', () => {
  it('reads existing entries once, in timeline order', () => {
    const doc = openIncidentDoc();
    const ctx = ctxFor('ana');
    addEntry(doc, ctx, { occurredAt: '2026-11-21T22:00:00.000Z', text: 'late' });
    addEntry(doc, ctx, { occurredAt: '2026-11-21T19:00:00.000Z', text: 'backdated' });
    const { store } = attachEntriesStore(doc);
    expect(store.getState().orderedIds).toEqual(ids(doc));
    expect(store.getState().byId.get(store.getState().orderedIds[0] as string)?.text).toBe('backdated');
  });

  it('inserts a new entry in place and keeps other rows identical', () => {
    const doc = openIncidentDoc();
    const ctx = ctxFor('ana');
    addEntry(doc, ctx, { occurredAt: '2026-11-21T21:00:00.000Z', text: 'one' });
    const { store } = attachEntriesStore(doc);
    const before = store.getState();
    const rowsBefore = new Map(before.byId);
    const id = addEntry(doc, ctx, { occurredAt: '2026-11-21T20:30:00.000Z', text: 'between', workstream: 'turtle' });
    const after = store.getState();
    expect(after.orderedIds).not.toBe(before.orderedIds);
    expect(after.orderedIds).toEqual(ids(doc));
    expect(after.revision).toBe(before.revision + 1);
    expect([...after.lastChanged]).toEqual([id]);
    for (const [rowId, row] of rowsBefore) expect(after.byId.get(rowId)).toBe(row);
    expect(after.workstreams).toEqual(['turtle']);
  });

  it('patches a text edit without a new order, and a time edit by moving the entry', () => {
    const doc = openIncidentDoc();
    const ctx = ctxFor('ana');
    const a = addEntry(doc, ctx, { occurredAt: '2026-11-21T20:10:00.000Z', text: 'rsync started' });
    const b = addEntry(doc, ctx, { occurredAt: '2026-11-21T20:20:00.000Z', text: 'standby wiped' });
    const { store } = attachEntriesStore(doc);
    const order = store.getState().orderedIds;
    const rowB = store.getState().byId.get(b);

    editEntry(doc, ctx, a, { text: 'rsync started **on the standby**' });
    expect(store.getState().orderedIds).toBe(order);
    expect(store.getState().byId.get(a)?.text).toBe('rsync started **on the standby**');
    expect(store.getState().byId.get(a)?.history).toHaveLength(1);
    expect(store.getState().byId.get(a)?.searchText).toContain('on the standby');
    expect(store.getState().byId.get(b)).toBe(rowB);

    editEntry(doc, ctx, a, { occurredAt: '2026-11-21T20:30:00.000Z' });
    expect(store.getState().orderedIds).not.toBe(order);
    expect(store.getState().orderedIds).toEqual(ids(doc));
    expect(store.getState().orderedIds.indexOf(a)).toBeGreaterThan(store.getState().orderedIds.indexOf(b));
  });

  it('leaves every state it handed out as it was: an edit, an add and a retraction make new versions', () => {
    const doc = openIncidentDoc();
    const ctx = ctxFor('ana');
    const a = addEntry(doc, ctx, { occurredAt: '2026-11-21T20:10:00.000Z', text: 'rsync started' });
    const { store } = attachEntriesStore(doc);
    const before = store.getState();
    const rowsBefore = new Map(before.byId);
    const orderBefore = [...before.orderedIds];
    editEntry(doc, ctx, a, { text: 'rsync started on the standby' });
    addEntry(doc, ctx, { occurredAt: '2026-11-21T20:05:00.000Z', text: 'paged storage on-call' });
    retractEntry(doc, ctx, a, 'wrong host');
    const after = store.getState();
    expect(after.byId).not.toBe(before.byId);
    expect(new Map(before.byId)).toEqual(rowsBefore);
    expect(before.byId.get(a)?.text).toBe('rsync started');
    expect(before.orderedIds).toEqual(orderBefore);
    expect(after.byId.get(a)?.retraction).toMatchObject({ reason: 'wrong host' });
    expect(after.orderedIds).toEqual(ids(doc));
  });

  it('shows a retraction and keeps the entry', () => {
    const doc = openIncidentDoc();
    const ctx = ctxFor('ana');
    const id = addEntry(doc, ctx, { text: 'DROP TABLE replicated' });
    const { store } = attachEntriesStore(doc);
    retractEntry(doc, ctx, id, 'wrong incident');
    expect(store.getState().byId.get(id)?.retraction).toMatchObject({ by: 'ana', reason: 'wrong incident' });
    expect(store.getState().orderedIds).toContain(id);
  });

  it('orders ties on occurredAt and recordedAt by id', () => {
    const doc = openIncidentDoc();
    const frozen = () => '2026-11-21T21:00:00.000Z';
    const ctx = ctxFor('ana', frozen);
    const { store } = attachEntriesStore(doc);
    for (const id of ['C', 'A', 'B']) addEntry(doc, ctx, { id, occurredAt: '2026-11-21T20:45:00.000Z', text: id });
    const order = store.getState().orderedIds;
    expect(order.filter((id) => ['A', 'B', 'C'].includes(id))).toEqual(['A', 'B', 'C']);
    expect(order).toEqual(ids(doc));
  });

  it('applies remote updates from a second replica, including edits from the log', () => {
    const [local, remote] = linkedPair();
    const { store } = attachEntriesStore(local);
    const bo = ctxFor('bo', steppingClock('2026-11-21T20:05:00.000Z'));
    const id = addEntry(remote, bo, { occurredAt: '2026-11-21T20:01:00.000Z', text: 'hare restore started' });
    expect(store.getState().byId.get(id)?.author).toBe('bo');
    editEntry(remote, bo, id, { key: true });
    expect(store.getState().byId.get(id)?.key).toBe(true);
    expect(store.getState().byId.get(id)?.history.map((h) => h.field)).toEqual(['key']);
    // ana opened the incident (its first status entry); bo wrote from the other replica.
    expect(store.getState().authors).toEqual(['ana', 'bo']);
    expect(store.getState().orderedIds).toEqual(ids(local));
  });

  it('stays equal to a full re-read under random interleaved edits on two replicas', () => {
    const op = replicaWrite;
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 40 }), (ops) => {
        const [a, b] = linkedPair();
        const docs = [a, b];
        const ctxs = [ctxFor('ana', steppingClock()), ctxFor('bo', steppingClock())];
        const handle = attachEntriesStore(b);
        for (const { replica, ...op } of ops) applyRandomOp(docs[replica] as Y.Doc, ctxs[replica] as ReturnType<typeof ctxFor>, op);
        const state = handle.store.getState();
        expect(state.orderedIds).toEqual(ids(b));
        for (const entry of readEntries(b)) expect(state.byId.get(entry.id)).toMatchObject(entry);
      }),
      { numRuns: 60 },
    );
  });

  it('stays equal to a full re-read when two replicas write apart and then reconnect (edits merge into the log middle)', () => {
    const op = fc.record({
      action: fc.constantFrom('add', 'text', 'time', 'retract', 'key'),
      minute: fc.integer({ min: 0, max: 5 }),
      pick: fc.nat(),
    });
    const run = (doc: Y.Doc, ctx: ReturnType<typeof ctxFor>, ops: { action: string; minute: number; pick: number }[]) => {
      for (const op of ops) applyRandomOp(doc, ctx, op);
    };
    fc.assert(
      fc.property(fc.array(op, { maxLength: 15 }), fc.array(op, { maxLength: 15 }), fc.array(op, { maxLength: 15 }), (shared, mine, theirs) => {
        const a = openIncidentDoc();
        run(a, ctxFor('ana', steppingClock()), shared);
        const b = new Y.Doc();
        Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
        const handle = attachEntriesStore(b);
        run(a, ctxFor('ana', steppingClock('2026-11-21T21:00:00.000Z')), theirs);
        run(b, ctxFor('bo', steppingClock('2026-11-21T21:00:00.000Z')), mine);
        Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
        const state = handle.store.getState();
        expect(state.orderedIds).toEqual(ids(b));
        for (const entry of readEntries(b)) expect(state.byId.get(entry.id)).toMatchObject(entry);
      }),
      { numRuns: 60 },
    );
  });

  it('takes a bulk sync (more than a few hundred entries at once) in one step', () => {
    const source = bigIncidentDoc(2000);
    const replica = new Y.Doc();
    const { store } = attachEntriesStore(replica);
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(source));
    expect(store.getState().orderedIds).toEqual(ids(replica));
    expect(store.getState().revision).toBe(1);
    expect(store.getState().authors).toEqual(['ana', 'bo']);
  });

  it('stops following the doc after detach', () => {
    const doc = openIncidentDoc();
    const handle = attachEntriesStore(doc);
    const before = handle.store.getState();
    handle.detach();
    addEntry(doc, ctxFor('ana'), { text: 'after detach' });
    expect(handle.store.getState()).toBe(before);
  });
});

describe('entries store at 100k entries', () => {
  const COUNT = 100_000;

  it('patches one edit without touching any other row or the order', () => {
    const doc = bigIncidentDoc(COUNT);
    const { store } = attachEntriesStore(doc);
    const before = store.getState();
    expect(before.orderedIds).toHaveLength(COUNT);
    const rowsBefore = new Map(before.byId);
    const target = before.orderedIds[COUNT / 2] as string;

    editEntry(doc, ctxFor('cy'), target, { text: 'turtle restore at 40%' });

    const after = store.getState();
    expect(after.orderedIds).toBe(before.orderedIds);
    expect([...after.lastChanged]).toEqual([target]);
    let changed = 0;
    for (const [id, row] of rowsBefore) if (after.byId.get(id) !== row) changed += 1;
    expect(changed).toBe(1);
    expect(after.byId.get(target)?.text).toBe('turtle restore at 40%');
  });

  it('moves one backdated entry by binary search, matching a full sort', () => {
    const doc = bigIncidentDoc(COUNT);
    const { store } = attachEntriesStore(doc);
    const before = store.getState();
    const last = before.orderedIds[COUNT - 1] as string;
    const rowsBefore = new Map(before.byId);
    editEntry(doc, ctxFor('cy'), last, { occurredAt: '2026-11-21T19:59:00.000Z' });
    const after = store.getState();
    expect(after.orderedIds[0]).toBe(last);
    expect(after.orderedIds).toEqual([last, ...before.orderedIds.slice(0, COUNT - 1)]);
    let changed = 0;
    for (const [id, row] of rowsBefore) if (after.byId.get(id) !== row) changed += 1;
    expect(changed).toBe(1);
  });
});

/** One random timeline operation (fast-check drives the choice) applied through the real commands. */
