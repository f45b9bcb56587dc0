// The snapshot's response part: readSnapshot composes every feature's reader, and
// importSnapshot writes it back in the same single transaction. doc.ts is imported
// first on purpose: response.ts is reached from doc.ts, and an import cycle through the
// commands would crash exactly when doc.ts is the first model module loaded.
import { readSnapshot } from '../snapshot';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { hostileSnapshot, sampleSnapshot } from '../../export/test/fixtures';
import { importSnapshot } from '../importSnapshot';
import { EMPTY_RESPONSE, readResponse, writeResponse } from '../response';
import { DEFAULT_CADENCE } from '../statusUpdates';

describe('response in the snapshot', () => {
  it('EMPTY_RESPONSE is empty, has the default cadence and cannot be changed in place', () => {
    expect(EMPTY_RESPONSE).toEqual({ decisions: [], checklists: [], actions: [], statusUpdates: [], cadence: DEFAULT_CADENCE, roles: [], handoffs: [] });
    expect(Object.isFrozen(EMPTY_RESPONSE.decisions)).toBe(true);
    expect(Object.isFrozen(EMPTY_RESPONSE.cadence.minutesBySeverity)).toBe(true);
  });

  it('an empty doc reads as EMPTY_RESPONSE', () => {
    expect(readResponse(new Y.Doc())).toEqual(EMPTY_RESPONSE);
  });

  it('importSnapshot → readSnapshot gives the response back, also on a replica', () => {
    for (const snapshot of [sampleSnapshot(), hostileSnapshot()]) {
      const doc = new Y.Doc();
      importSnapshot(doc, snapshot);
      expect(readSnapshot(doc)?.response).toEqual(snapshot.response);
      const replica = new Y.Doc();
      Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
      expect(readResponse(replica)).toEqual(snapshot.response);
    }
  });

  it('writes the response inside the caller’s transaction', () => {
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    doc.transact(() => writeResponse(doc, sampleSnapshot().response), 'archive');
    expect(origins).toEqual(['archive']);
  });

  it('a snapshot without response work imports as an empty response', () => {
    const doc = new Y.Doc();
    importSnapshot(doc, { ...sampleSnapshot(), response: EMPTY_RESPONSE });
    expect(readSnapshot(doc)?.response).toEqual(EMPTY_RESPONSE);
  });
});
