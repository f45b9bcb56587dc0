import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { keyedDocSource, type KeyedPatch } from '../keyedDocSource';
import { KeyedRecords } from '../keyedRecords';

/** A runbook step: a stored title, and its confirmations in an append-only log. */
interface Step {
  id: string;
  title: string;
  confirmedBy: string[];
}
interface Confirmation {
  stepId: string;
  by: string;
}

function groupConfirmations(values: { forEach(fn: (value: unknown) => void): void }): Map<string, Confirmation[]> {
  const byStep = new Map<string, Confirmation[]>();
  values.forEach((value) => {
    const event = value as Partial<Confirmation> | null;
    if (typeof event?.stepId !== 'string' || typeof event.by !== 'string') return;
    byStep.set(event.stepId, [...(byStep.get(event.stepId) ?? []), event as Confirmation]);
  });
  return byStep;
}

function runbook() {
  const doc = new Y.Doc();
  const steps = doc.getMap<unknown>('steps');
  const confirmations = doc.getArray<unknown>('confirmations');
  const source = keyedDocSource<unknown, Confirmation, Step>(doc, {
    map: steps,
    log: { array: confirmations, group: groupConfirmations as never },
    fold: (id, stored, events) => (typeof stored === 'string' ? { id, title: stored, confirmedBy: events.map((e) => e.by) } : undefined),
  });
  const patches: KeyedPatch<Step>[] = [];
  source.onPatch((patch) => patches.push(patch));
  return { doc, steps, confirmations, source, patches };
}

describe('keyed doc source', () => {
  it('reads every record at once, folding each with its own events', () => {
    const doc = new Y.Doc();
    doc.getMap('steps').set('s1', 'check the new cluster');
    doc.getMap('steps').set('s2', 'clean up the old cluster');
    doc.getMap('steps').set('junk', 42);
    doc.getArray('confirmations').push([{ stepId: 's1', by: 'ana' }, { stepId: 's9', by: 'bo' }, 'not an event']);
    const source = keyedDocSource<unknown, Confirmation, Step>(doc, {
      map: doc.getMap('steps'),
      log: { array: doc.getArray('confirmations'), group: groupConfirmations as never },
      fold: (id, stored, events) => (typeof stored === 'string' ? { id, title: stored, confirmedBy: events.map((e) => e.by) } : undefined),
    });
    const all = source.readAll();
    expect([...all.upserted.keys()].sort()).toEqual(['s1', 's2']);
    expect(all.upserted.get('s1')).toEqual({ id: 's1', title: 'check the new cluster', confirmedBy: ['ana'] });
    expect(all.removed).toEqual([]);
  });

  it('emits one patch for a transaction that writes the map and its log, naming only what it touched', () => {
    const { doc, steps, confirmations, patches } = runbook();
    steps.set('s1', 'check the new cluster');
    steps.set('s2', 'clean up the old cluster');
    expect(patches).toHaveLength(2);
    doc.transact(() => {
      steps.set('s3', 'sever the replication link');
      confirmations.push([{ stepId: 's3', by: 'ana' }, { stepId: 's1', by: 'bo' }]);
    });
    expect(patches).toHaveLength(3);
    const last = patches[2]!;
    expect([...last.upserted.keys()].sort()).toEqual(['s1', 's3']);
    expect(last.upserted.get('s3')?.confirmedBy).toEqual(['ana']);
    expect(last.upserted.get('s1')?.confirmedBy).toEqual(['bo']);
  });

  it('emits nothing for a transaction that touched neither the map nor its log', () => {
    const { doc, patches } = runbook();
    doc.getMap('meta').set('title', 'Primary database down');
    doc.getArray('other').push(['x']);
    expect(patches).toEqual([]);
  });

  it('reports a record removed from the map, or no longer a record, as removed', () => {
    const { doc, steps, patches } = runbook();
    steps.set('s1', 'check the new cluster');
    steps.set('s2', 'rsync to the standby');
    doc.transact(() => {
      steps.delete('s1');
      steps.set('s2', 7);
    });
    expect(patches.at(-1)).toEqual({ upserted: new Map(), removed: ['s1', 's2'] });
  });

  it('folds an event merged into the middle of the log (a concurrent write) into its record', () => {
    const { doc, steps, confirmations, patches } = runbook();
    doc.clientID = 2;
    steps.set('s1', 'check the new cluster');
    const remote = new Y.Doc();
    remote.clientID = 1;
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    confirmations.push([{ stepId: 's1', by: 'ana' }]);
    remote.getArray('confirmations').push([{ stepId: 's1', by: 'bo' }]);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)));
    expect(patches.at(-1)?.upserted.get('s1')?.confirmedBy).toEqual(confirmations.toArray().map((e) => (e as Confirmation).by));
    expect(patches.at(-1)?.upserted.get('s1')?.confirmedBy).toHaveLength(2);
  });

  it('stops observing once disposed', () => {
    const { steps, confirmations, source, patches } = runbook();
    steps.set('s1', 'check the new cluster');
    source.dispose();
    steps.set('s2', 'clean up the old cluster');
    confirmations.push([{ stepId: 's1', by: 'ana' }]);
    expect(patches).toHaveLength(1);
    // No observer is left on either type.
    expect(steps._eH.l).toHaveLength(0);
    expect(confirmations._eH.l).toHaveLength(0);
  });
});

describe('keyed records', () => {
  it('leaves every earlier version as it was and shares what a patch did not touch', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => [`id-${i}`, { n: i }] as const);
    const first = KeyedRecords.empty<{ n: number }>().patched(rows);
    const snapshot = new Map(first);
    const second = first.patched([['id-7', { n: -7 }], ['new', { n: 1 }]], ['id-9', 'absent']);
    expect(new Map(first)).toEqual(snapshot);
    expect(first.size).toBe(5000);
    expect(second.size).toBe(5000);
    expect(second.get('id-7')).toEqual({ n: -7 });
    expect(second.has('id-9')).toBe(false);
    expect(second.get('id-10')).toBe(first.get('id-10'));
    expect(second.lineage).toBe(first.lineage);
    // At most the three touched buckets were copied.
    const buckets = (records: KeyedRecords<unknown>) => (records as unknown as { buckets: readonly unknown[] }).buckets;
    const copied = buckets(second).filter((bucket, i) => bucket !== buckets(first)[i]);
    expect(copied.length).toBeGreaterThan(0);
    expect(copied.length).toBeLessThanOrEqual(3);
  });

  it('returns itself for a patch that changes nothing', () => {
    const record = { n: 1 };
    const records = KeyedRecords.empty<{ n: number }>().patched([['a', record]]);
    expect(records.patched([['a', record]], ['missing'])).toBe(records);
  });

  it('iterates like a Map', () => {
    const records = KeyedRecords.empty<number>().patched([['a', 1], ['b', 2], ['c', 3]]).patched([], ['b']);
    expect(new Map(records)).toEqual(new Map([['a', 1], ['c', 3]]));
    expect([...records.keys()].sort()).toEqual(['a', 'c']);
    expect([...records.values()].sort()).toEqual([1, 3]);
    const seen: string[] = [];
    records.forEach((_, id) => seen.push(id));
    expect(seen.sort()).toEqual(['a', 'c']);
  });
});
