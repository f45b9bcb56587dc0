// Which stored copy of an incident is used again. The databases themselves are IndexedDB, which
// Node does not have: e2e/web/reopenReplica.spec.ts checks the stored copy in Chromium.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createIncident, addEntry } from '../../../shared/model/commands';
import type { CommandContext } from '../../../shared/model/commandContext';
import { hostHoldsReplica, raiseClocks, readConfirmed, replicaName, REPLICA_DB_PREFIX } from '../incidentReplica';

const ctx: CommandContext = { author: 'Priya Raman', now: () => '2026-12-07T06:00:00.000Z' };

function vectorOf(doc: Y.Doc): Map<number, number> {
  return Y.decodeStateVector(Y.encodeStateVector(doc));
}

/** An incident document as a host would hold it after creating it and taking a few entries. */
function hostDoc(title: string): Y.Doc {
  const doc = new Y.Doc();
  createIncident(doc, ctx, { id: '01JINCIDENT', title, severity: 'SEV2', startedAt: '2026-12-07T05:00:00.000Z', timeZone: 'UTC', commander: '' });
  for (const text of ['Checkout 5xx at 12%', 'Cache failover started']) addEntry(doc, ctx, { text, occurredAt: '2026-12-07T05:10:00.000Z' });
  return doc;
}

/** A browser's copy of the host's document: what the sync gave it, and what the host confirmed. */
function copyOf(host: Y.Doc): { doc: Y.Doc; confirmed: Map<number, number> } {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(host));
  return { doc, confirmed: vectorOf(host) };
}

describe('replicaName', () => {
  it('keeps one host’s copy of an incident apart from another host’s and from other incidents', () => {
    const names = new Set([
      replicaName('/home/priya/.config/War Room', '01JA'),
      replicaName('/home/priya/.config/War Room', '01JB'),
      replicaName('/srv/warroom-team', '01JA'),
    ]);
    expect(names.size).toBe(3);
    for (const name of names) expect(name.startsWith(`${REPLICA_DB_PREFIX}:`)).toBe(true);
  });

  it('cannot be made to collide by a data dir that contains the separator', () => {
    expect(replicaName('/a:incident.x', 'y')).not.toBe(replicaName('/a', 'x:incident.y'));
  });
});

describe('hostHoldsReplica', () => {
  it('uses the copy when the host’s document went on from it (others wrote while the tab was closed)', () => {
    const host = hostDoc('Checkout errors');
    const copy = copyOf(host);
    addEntry(host, { ...ctx, author: 'Sam Okafor' }, { text: 'Sessions flushed', occurredAt: '2026-12-07T05:30:00.000Z' });
    expect(hostHoldsReplica(copy.confirmed, vectorOf(host))).toBe(true);
  });

  it('uses the copy when it holds changes of its own the host never confirmed (they are sent on re-open)', () => {
    const host = hostDoc('Checkout errors');
    const copy = copyOf(host);
    addEntry(copy.doc, ctx, { text: 'Written while the host was down', occurredAt: '2026-12-07T05:40:00.000Z' });
    expect(hostHoldsReplica(copy.confirmed, vectorOf(host))).toBe(true);
    // …whereas counting the copy's own unconfirmed change as the host's would refuse it.
    expect(hostHoldsReplica(vectorOf(copy.doc), vectorOf(host))).toBe(false);
  });

  it('discards the copy of an incident deleted and imported again under the same id (other Yjs clients)', () => {
    const before = hostDoc('Checkout errors');
    const copy = copyOf(before);
    // Same id, same content, written anew: the new document has never seen the old one's clients.
    const reimported = hostDoc('Checkout errors');
    expect(hostHoldsReplica(copy.confirmed, vectorOf(reimported))).toBe(false);

    // Merging the copy would have doubled every entry the import wrote again.
    const merged = new Y.Doc();
    Y.applyUpdate(merged, Y.encodeStateAsUpdate(reimported));
    Y.applyUpdate(merged, Y.encodeStateAsUpdate(copy.doc));
    expect(merged.getMap('entries').size).toBe(2 * reimported.getMap('entries').size);
  });

  it('discards the copy when the host holds less than it once confirmed (a store restored from an older file)', () => {
    const older = hostDoc('Checkout errors');
    const olderState = Y.encodeStateAsUpdate(older);
    addEntry(older, ctx, { text: 'Cache failover finished', occurredAt: '2026-12-07T05:50:00.000Z' });
    const copy = copyOf(older);
    const restored = new Y.Doc();
    Y.applyUpdate(restored, olderState);
    expect(hostHoldsReplica(copy.confirmed, vectorOf(restored))).toBe(false);
  });

  it('uses no copy the host never confirmed, nor one when the host did not say what it holds', () => {
    const host = hostDoc('Checkout errors');
    expect(hostHoldsReplica(new Map(), vectorOf(host))).toBe(false);
    expect(hostHoldsReplica(null, vectorOf(host))).toBe(false);
    expect(hostHoldsReplica(copyOf(host).confirmed, null)).toBe(false);
  });
});

describe('confirmations', () => {
  it('only ever rise, as the host’s saved vectors arrive in pieces', () => {
    const confirmed = new Map<number, number>([[7, 10]]);
    expect(raiseClocks(confirmed, new Map([[7, 4], [9, 3]]))).toBe(true);
    expect([...confirmed]).toEqual([
      [7, 10],
      [9, 3],
    ]);
    expect(raiseClocks(confirmed, new Map([[7, 10]]))).toBe(false);
  });

  it('reads back what was stored, and treats anything else as no confirmation', () => {
    expect(readConfirmed([[7, 10], [9, 3]])).toEqual(new Map([[7, 10], [9, 3]]));
    expect(readConfirmed([])).toEqual(new Map());
    for (const junk of [undefined, 'x', [[7]], [[7, -1]], [[7, 1.5]], [['7', 1]], { 7: 10 }]) expect(readConfirmed(junk)).toBeNull();
  });
});
