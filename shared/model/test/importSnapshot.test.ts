import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { snapshotArb } from '../../export/test/arbitraries';
import { hostileSnapshot, sampleSnapshot } from '../../export/test/fixtures';
import { CommandError } from '../commandError';
import { addEntry, createIncident } from '../commands';
import { entriesMap, entryEditsArray } from '../doc';
import { readSnapshot } from '../snapshot';
import { decodeEntryRecord } from '../entryRecords';
import { entryToRecords, importSnapshot } from '../importSnapshot';

describe('importSnapshot', () => {
  it('writes a snapshot that readSnapshot gives back unchanged (sample and hostile)', () => {
    for (const snapshot of [sampleSnapshot(), hostileSnapshot()]) {
      const doc = new Y.Doc();
      importSnapshot(doc, snapshot);
      expect(readSnapshot(doc)).toEqual(snapshot);
    }
  });

  it('round-trips any snapshot, also through a Yjs update to another replica (property)', () => {
    fc.assert(
      fc.property(snapshotArb, (snapshot) => {
        const doc = new Y.Doc();
        importSnapshot(doc, snapshot);
        expect(readSnapshot(doc)).toEqual(snapshot);
        const replica = new Y.Doc();
        Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
        expect(readSnapshot(replica)).toEqual(snapshot);
      }),
      { numRuns: 100 },
    );
  });

  it('writes everything, the situation included, in one transaction with the given origin', () => {
    for (const snapshot of [sampleSnapshot(), hostileSnapshot()]) {
      const doc = new Y.Doc();
      const origins: unknown[] = [];
      doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
      const origin = { from: 'archive' };
      importSnapshot(doc, snapshot, origin);
      expect(origins).toEqual([origin]);
    }
    expect(hostileSnapshot().situation.ruledOut.length).toBeGreaterThan(0);
  });

  it('stores each entry as its creation record plus its edits in the log, copied from the snapshot', () => {
    const snapshot = sampleSnapshot();
    const doc = new Y.Doc();
    importSnapshot(doc, snapshot);
    const edited = snapshot.entries.find((e) => e.history.length > 0)!;
    const first = edited.history[0]!;
    const record = decodeEntryRecord(entriesMap(doc).get(edited.id));
    // The creation record holds the value the first edit replaced, not the current one.
    expect(record[first.field]).toBe(first.previous);
    const logged = entryEditsArray(doc).toArray().filter((edit) => edit.entryId === edited.id);
    expect(logged.map((edit) => edit.field)).toEqual([...edited.history.map((h) => h.field), ...(edited.retraction ? ['retraction'] : [])]);
    edited.history[0]!.by = 'someone else';
    expect(readSnapshot(doc)!.entries.find((e) => e.id === edited.id)!.history[0]!.by).not.toBe('someone else');
  });

  it('rebuilds creation values and edit values from a history with several edits of one field', () => {
    const base = sampleSnapshot();
    const entry = {
      ...base.entries[0]!,
      text: 'third',
      key: true,
      history: [
        { by: 'Ann', at: '2026-11-21T22:01:00.000Z', field: 'text' as const, previous: 'first' },
        { by: 'Bo', at: '2026-11-21T22:02:00.000Z', field: 'key' as const, previous: false },
        { by: 'Cy', at: '2026-11-21T22:03:00.000Z', field: 'text' as const, previous: 'second' },
      ],
      retraction: { by: 'Cy', at: '2026-11-21T22:04:00.000Z', reason: 'duplicate' },
    };
    const { record, edits } = entryToRecords(entry);
    expect(record).toMatchObject({ text: 'first', key: false });
    expect(edits.map(({ field, value }) => [field, value])).toEqual([
      ['text', 'second'],
      ['key', true],
      ['text', 'third'],
      ['retraction', entry.retraction],
    ]);
    const doc = new Y.Doc();
    importSnapshot(doc, { ...base, entries: [entry] });
    expect(readSnapshot(doc)!.entries).toEqual([entry]);
  });

  it('refuses a document that already holds an incident, and leaves it as it was', () => {
    const doc = new Y.Doc();
    createIncident(doc, { author: 'Ann' }, { title: 'Existing', severity: 'SEV2', startedAt: '2026-11-21T22:00:00.000Z', timeZone: 'UTC' });
    addEntry(doc, { author: 'Ann' }, { text: 'first' });
    const before = Y.encodeStateAsUpdate(doc);
    expect(() => importSnapshot(doc, sampleSnapshot())).toThrow(CommandError);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('an imported incident takes further commands like any other', () => {
    const doc = new Y.Doc();
    importSnapshot(doc, sampleSnapshot());
    addEntry(doc, { author: 'Ann', now: () => '2026-11-03T00:00:00.000Z' }, { text: 'follow-up' });
    expect(readSnapshot(doc)!.entries.at(-1)!.text).toBe('follow-up');
  });
});
