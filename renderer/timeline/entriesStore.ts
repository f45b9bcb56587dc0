// The entries slice of an incident's store: the timeline's rows, fed by the keyed Yjs source
// (renderer/state/keyedDocSource.ts) over the `entries` map and its `entryEdits` log. It reads
// every entry once on attach, then applies one patch per transaction: only the entries it names
// are compared, the sorted order is patched by binary search, and the id → row map is a new
// version sharing all but the touched bucket with the last (renderer/state/keyedRecords.ts).
// Nothing is mutated in place: every state a consumer saw stays as it was.
// Unchanged rows keep their object identity, so memoized React rows skip them.
import type * as Y from 'yjs';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { entriesMap, entryEditsArray, isRecord } from '../../shared/model/doc';
import { foldEntry, groupEditsByEntry, type EntryEditRecord } from '../../shared/model/entryRecords';
import { compareEntries } from '../../shared/model/order';
import type { Disposable } from '../../shared/lifecycle/disposable';
import { keyedDocSource, type KeyedPatch } from '../state/keyedDocSource';
import { KeyedRecords } from '../state/keyedRecords';
import type { SliceApi } from '../state/slice';
import { toEntryRow, sameEntryRow, type EntryRow } from './entryRow';
import { lowerBound, sameOrderKey } from './sortedIds';
import { DistinctValues } from './distinctValues';

export interface EntriesState {
  /** id → row; a new version per change that shares every untouched bucket with the last. */
  byId: KeyedRecords<EntryRow>;
  /** Ids in timeline order; a new array only when order or membership changes. */
  orderedIds: readonly string[];
  /** Bumps on every applied transaction that changed at least one row. */
  revision: number;
  /** Ids whose rows changed in the last applied transaction. */
  lastChanged: ReadonlySet<string>;
  /** Distinct authors and workstreams, sorted; new arrays only when the set changes. */
  authors: readonly string[];
  workstreams: readonly string[];
}

export interface EntriesSlice extends Disposable {
  /**
   * Shows rows the document does not hold yet (a first screen, before the full sync): each id the
   * store already knows is skipped, and the document's own row replaces a seeded one as soon as
   * a transaction names that entry, as the full sync names every entry.
   */
  seed(rows: readonly EntryRow[]): void;
}

export interface EntriesStore extends EntriesSlice {
  store: StoreApi<EntriesState>;
  detach(): void;
}

/**
 * Above this many changed entries in one transaction (initial sync, an import),
 * one O(n log n) sort beats that many O(n) splices.
 */
const BULK_CHANGE_THRESHOLD = 512;

/** A row for one stored entry, as readEntries reads it: the map key is the id; a value that is no record is no entry. */
function foldRow(id: string, record: unknown, edits: readonly EntryEditRecord[]): EntryRow | undefined {
  return isRecord(record) ? toEntryRow(foldEntry(record, edits, id)) : undefined;
}

// Sorting the rows themselves (not ids through map lookups) is several times faster at 100k.
const sortedOrder = (rows: EntryRow[]) => rows.sort(compareEntries).map((row) => row.id);

/** Attaches the entries slice to `api`, setting its first state from the document as it is now. */
export function attachEntries(doc: Y.Doc, api: SliceApi<EntriesState>): EntriesSlice {
  const source = keyedDocSource<string, EntryEditRecord, EntryRow>(doc, {
    map: entriesMap(doc),
    log: { array: entryEditsArray(doc) as Y.Array<unknown>, group: groupEditsByEntry as never },
    fold: foldRow,
  });
  const authors = new DistinctValues();
  const workstreams = new DistinctValues();
  const track = (row: EntryRow, sign: 1 | -1) => {
    if (sign === 1) {
      authors.add(row.author);
      workstreams.add(row.workstream);
    } else {
      authors.remove(row.author);
      workstreams.remove(row.workstream);
    }
  };

  const initial = source.readAll().upserted;
  for (const row of initial.values()) track(row, 1);
  api.set({
    byId: KeyedRecords.empty<EntryRow>().patched(initial),
    orderedIds: sortedOrder([...initial.values()]),
    revision: 0,
    lastChanged: new Set(),
    authors: authors.values(),
    workstreams: workstreams.values(),
  });

  const publish = (prev: EntriesState, byId: KeyedRecords<EntryRow>, orderedIds: readonly string[], lastChanged: ReadonlySet<string>) =>
    api.set({ byId, orderedIds, revision: prev.revision + 1, lastChanged, authors: authors.values(), workstreams: workstreams.values() });

  // Many changes at once (the sync, an import): no per-row order patching, one sort at the end.
  const applyBulk = (patch: KeyedPatch<EntryRow>) => {
    const prev = api.get();
    const byId = prev.byId;
    const upserted: [string, EntryRow][] = [];
    const removed: string[] = [];
    const changed = new Set<string>();
    for (const [id, row] of patch.upserted) {
      const old = byId.size === 0 ? undefined : byId.get(id);
      if (old && sameEntryRow(old, row)) continue;
      if (old) track(old, -1);
      track(row, 1);
      upserted.push([id, row]);
      changed.add(id);
    }
    for (const id of patch.removed) {
      const old = byId.get(id);
      if (!old) continue;
      track(old, -1);
      removed.push(id);
      changed.add(id);
    }
    if (changed.size === 0) return;
    const nextById = byId.patched(upserted, removed);
    publish(prev, nextById, sortedOrder(nextById.toArray()), changed);
  };

  const apply = (patch: KeyedPatch<EntryRow>) => {
    if (patch.upserted.size + patch.removed.length > BULK_CHANGE_THRESHOLD) {
      applyBulk(patch);
      return;
    }
    const prev = api.get();
    const byId = prev.byId;
    // Rows as this patch leaves them, for the binary searches while the order is patched.
    const next = new Map<string, EntryRow | undefined>();
    const lookup = (id: string) => (next.has(id) ? next.get(id) : byId.get(id)) as EntryRow;
    let order = prev.orderedIds;
    let orderCopied = false;
    const writableOrder = (): string[] => {
      if (!orderCopied) {
        order = order.slice();
        orderCopied = true;
      }
      return order as string[];
    };

    const change = (id: string, row: EntryRow | undefined) => {
      const old = byId.get(id);
      if (old && row && sameEntryRow(old, row)) return;
      if (!old && !row) return;
      const keepsPlace = old !== undefined && row !== undefined && sameOrderKey(old, row);
      if (old) {
        if (!keepsPlace) {
          const at = lowerBound(order, old, lookup, compareEntries);
          if (order[at] === id) writableOrder().splice(at, 1);
        }
        track(old, -1);
      }
      next.set(id, row);
      if (row) {
        if (!keepsPlace) writableOrder().splice(lowerBound(order, row, lookup, compareEntries), 0, id);
        track(row, 1);
      }
    };
    for (const [id, row] of patch.upserted) change(id, row);
    for (const id of patch.removed) change(id, undefined);
    if (next.size === 0) return;

    const upserted: [string, EntryRow][] = [];
    const removed: string[] = [];
    for (const [id, row] of next) {
      if (row) upserted.push([id, row]);
      else removed.push(id);
    }
    publish(prev, byId.patched(upserted, removed), order, new Set(next.keys()));
  };
  const patches = source.onPatch(apply);

  return {
    seed(rows) {
      const prev = api.get();
      const fresh = rows.filter((row) => !prev.byId.has(row.id));
      if (fresh.length === 0) return;
      for (const row of fresh) track(row, 1);
      const byId = prev.byId.patched(fresh.map((row) => [row.id, row] as const));
      publish(prev, byId, sortedOrder(byId.toArray()), new Set(fresh.map((row) => row.id)));
    },
    dispose() {
      patches.dispose();
      source.dispose();
    },
  };
}

/** The entries slice on a store of its own (the timeline's tests and benches, a worker's consumer). */
export function attachEntriesStore(doc: Y.Doc): EntriesStore {
  const store = createStore<EntriesState>(() => ({}) as EntriesState);
  const slice = attachEntries(doc, { get: store.getState, set: (partial) => store.setState(partial) });
  return { store, seed: (rows) => slice.seed(rows), dispose: () => slice.dispose(), detach: () => slice.dispose() };
}
