// A keyed source's records as one sorted list (a collection of tens of records a view shows in
// order): each patch makes a new record map version and a new list; nothing is mutated in place.
import type * as Y from 'yjs';
import type { Disposable } from '../../shared/lifecycle/disposable';
import { keyedDocSource, type KeyedSpec } from './keyedDocSource';
import { KeyedRecords } from './keyedRecords';

/** Oldest first, ids (ULIDs) breaking ties, so every replica lists records in the same order. */
export function byCreation(a: { createdAt: string; id: string }, b: { createdAt: string; id: string }): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Calls `show` with the sorted list now, then once per transaction that changed a record. */
export function keyedList<S, E, R>(doc: Y.Doc, spec: KeyedSpec<S, E, R>, compare: (a: R, b: R) => number, show: (list: R[]) => void): Disposable {
  const source = keyedDocSource(doc, spec);
  let records = KeyedRecords.empty<R>().patched(source.readAll().upserted);
  show(records.toArray().sort(compare));
  const patches = source.onPatch((patch) => {
    const next = records.patched(patch.upserted, patch.removed);
    if (next === records) return;
    records = next;
    show(records.toArray().sort(compare));
  });
  return {
    dispose() {
      patches.dispose();
      source.dispose();
    },
  };
}
