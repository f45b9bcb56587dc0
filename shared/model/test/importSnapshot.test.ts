import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { snapshotArb } from '../../export/test/arbitraries';
import { hostileSnapshot, sampleSnapshot } from '../../export/test/fixtures';
import { CommandError } from '../commandError';
import { addEntry, createIncident } from '../commands';
import { readSnapshot } from '../doc';
import { importSnapshot } from '../importSnapshot';

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

  it('writes everything in one transaction with the given origin', () => {
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    const origin = { from: 'archive' };
    importSnapshot(doc, sampleSnapshot(), origin);
    expect(origins).toEqual([origin]);
  });

  it('stores history as a Y.Array and copies values, so the snapshot stays independent', () => {
    const snapshot = sampleSnapshot();
    const doc = new Y.Doc();
    importSnapshot(doc, snapshot);
    const edited = snapshot.entries.find((e) => e.history.length > 0)!;
    const map = doc.getMap<Y.Map<unknown>>('entries').get(edited.id)!;
    expect(map.get('history')).toBeInstanceOf(Y.Array);
    edited.history[0]!.by = 'someone else';
    expect(readSnapshot(doc)!.entries.find((e) => e.id === edited.id)!.history[0]!.by).not.toBe('someone else');
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
