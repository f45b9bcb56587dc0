import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { skipUpdateEvents } from '../quietSync';

const SYNC = Symbol('sync');

/** A document with a second replica's state to sync in, and every 'update' it emits with its origin. */
function replicaWithListener() {
  const source = new Y.Doc();
  source.getMap('entries').set('a', 'rsync started');
  const doc = new Y.Doc();
  const emitted: unknown[] = [];
  doc.on('update', (_update: Uint8Array, origin: unknown) => emitted.push(origin));
  return { source, doc, emitted };
}

describe('skipping update events for a sync', () => {
  it('applies a quiet transaction without emitting it, and still emits the next local change', () => {
    const { source, doc, emitted } = replicaWithListener();
    skipUpdateEvents(doc, (t) => t.origin === SYNC);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(source), SYNC);
    expect(doc.getMap('entries').get('a')).toBe('rsync started');
    expect(emitted).toEqual([]);
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    doc.transact(() => doc.getMap('entries').set('b', 'standby wiped'), 'local');
    expect(emitted).toEqual(['local']);
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(source));
    Y.applyUpdate(other, updates[0]!);
    expect(other.getMap('entries').toJSON()).toEqual(doc.getMap('entries').toJSON());
  });

  it('still emits a local change made inside an observer of the quiet transaction (the same cleanup round)', () => {
    const { source, doc, emitted } = replicaWithListener();
    skipUpdateEvents(doc, (t) => t.origin === SYNC);
    doc.getMap('entries').observe((event) => {
      if (event.transaction.origin === SYNC) doc.transact(() => doc.getMap('seen').set('synced', true), 'local');
    });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(source), SYNC);
    expect(emitted).toEqual(['local']);
  });

  it('emits quiet transactions again once stopped', () => {
    const { source, doc, emitted } = replicaWithListener();
    const stop = skipUpdateEvents(doc, (t) => t.origin === SYNC);
    stop.dispose();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(source), SYNC);
    expect(emitted).toEqual([SYNC]);
  });
});
