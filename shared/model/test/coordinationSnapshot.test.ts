// The snapshot's coordination part: readSnapshot composes every feature's reader, and
// importSnapshot writes it back in the same single transaction. doc.ts is imported
// first on purpose: coordination.ts is reached from doc.ts, and an import cycle through the
// commands would crash exactly when doc.ts is the first model module loaded.
import { readSnapshot } from '../snapshot';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { hostileSnapshot, sampleSnapshot } from '../../export/test/fixtures';
import { importSnapshot } from '../importSnapshot';
import { EMPTY_COORDINATION, readCoordination, writeCoordination } from '../coordination';
import { DEFAULT_CADENCE } from '../statusUpdates';

describe('coordination in the snapshot', () => {
  it('EMPTY_COORDINATION is empty, has the default cadence and cannot be changed in place', () => {
    expect(EMPTY_COORDINATION).toEqual({ decisions: [], checklists: [], actions: [], statusUpdates: [], cadence: DEFAULT_CADENCE, roles: [], handoffs: [] });
    expect(Object.isFrozen(EMPTY_COORDINATION.decisions)).toBe(true);
    expect(Object.isFrozen(EMPTY_COORDINATION.cadence.minutesBySeverity)).toBe(true);
  });

  it('an empty doc reads as EMPTY_COORDINATION', () => {
    expect(readCoordination(new Y.Doc())).toEqual(EMPTY_COORDINATION);
  });

  it('importSnapshot → readSnapshot gives the coordination back, also on a replica', () => {
    for (const snapshot of [sampleSnapshot(), hostileSnapshot()]) {
      const doc = new Y.Doc();
      importSnapshot(doc, snapshot);
      expect(readSnapshot(doc)?.coordination).toEqual(snapshot.coordination);
      const replica = new Y.Doc();
      Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
      expect(readCoordination(replica)).toEqual(snapshot.coordination);
    }
  });

  it('writes the coordination inside the caller’s transaction', () => {
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    doc.transact(() => writeCoordination(doc, sampleSnapshot().coordination), 'archive');
    expect(origins).toEqual(['archive']);
  });

  it('a snapshot without coordination imports as an empty coordination', () => {
    const doc = new Y.Doc();
    importSnapshot(doc, { ...sampleSnapshot(), coordination: EMPTY_COORDINATION });
    expect(readSnapshot(doc)?.coordination).toEqual(EMPTY_COORDINATION);
  });
});
