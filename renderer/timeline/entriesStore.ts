// The Y→zustand adapter for one incident's timeline entries (one module per
// document, after tldraw's Yjs example). It reads every entry once on attach,
// then applies each transaction incrementally: only the entries named by the
// Y events are re-read, and the sorted order is patched by binary search.
// Unchanged rows keep their object identity, so memoized React rows skip them.
//
// There is no echo guard (tldraw's `transaction.local`): this adapter only reads,
// and local commands must show up in the table exactly like remote ones.
import * as Y from 'yjs';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { entriesMap, readEntry } from '../../shared/model/doc';
import { compareEntries } from '../../shared/model/order';
import { toEntryRow, sameEntryRow, type EntryRow } from './entryRow';
import { lowerBound, sameOrderKey } from './sortedIds';

export interface EntriesState {
  /** id → row. Mutated in place (copying 100k rows per keystroke is the cost we avoid); `revision` marks each change. */
  byId: ReadonlyMap<string, EntryRow>;
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

export interface EntriesStore {
  store: StoreApi<EntriesState>;
  detach(): void;
}

/**
 * Above this many changed entries in one transaction (initial sync, an import),
 * one O(n log n) sort beats that many O(n) splices.
 */
const BULK_CHANGE_THRESHOLD = 512;

class DistinctValues {
  private readonly counts = new Map<string, number>();
  private dirty = true;
  private sorted: readonly string[] = [];

  add(value: string): void {
    if (value === '') return;
    const n = this.counts.get(value) ?? 0;
    this.counts.set(value, n + 1);
    if (n === 0) this.dirty = true;
  }

  remove(value: string): void {
    if (value === '') return;
    const n = this.counts.get(value) ?? 0;
    if (n <= 1) {
      this.counts.delete(value);
      this.dirty = true;
    } else this.counts.set(value, n - 1);
  }

  values(): readonly string[] {
    if (this.dirty) {
      this.sorted = [...this.counts.keys()].sort((a, b) => a.localeCompare(b));
      this.dirty = false;
    }
    return this.sorted;
  }
}

/** Entry ids touched by one transaction's deep events on the entries map. */
export function changedEntryIds(events: readonly Y.YEvent<Y.AbstractType<unknown>>[], root: Y.AbstractType<unknown>): Set<string> {
  const ids = new Set<string>();
  for (const event of events) {
    if (event.target === root) {
      // The root is the entries Y.Map, so its events are map events.
      for (const id of (event as Y.YMapEvent<unknown>).keysChanged) if (id !== null) ids.add(id);
    } else {
      // A change inside an entry (a field, or its history array): the first path step is the entry id.
      const first = event.path[0];
      if (typeof first === 'string') ids.add(first);
    }
  }
  return ids;
}

/** A row for one entry map value, as readEntries reads it: the map key is the id; a non-map value is no entry. */
function readRow(id: string, value: unknown): EntryRow | undefined {
  if (!(value instanceof Y.Map)) return undefined;
  const entry = readEntry(value);
  if (entry.id !== id) entry.id = id;
  return toEntryRow(entry);
}

export function attachEntriesStore(doc: Y.Doc): EntriesStore {
  const entries = entriesMap(doc);
  const byId = new Map<string, EntryRow>();
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

  const lookup = (id: string) => byId.get(id) as EntryRow;
  // Sorting the rows themselves (not ids through map lookups) is several times faster at 100k.
  const sortedOrder = (rows: EntryRow[]) => rows.sort(compareEntries).map((row) => row.id);
  const initialRows: EntryRow[] = [];
  entries.forEach((value, id) => {
    const row = readRow(id, value);
    if (!row) return;
    byId.set(id, row);
    initialRows.push(row);
    track(row, 1);
  });
  const initialOrder = sortedOrder(initialRows);

  const store = createStore<EntriesState>(() => ({
    byId,
    orderedIds: initialOrder,
    revision: 0,
    lastChanged: new Set(),
    authors: authors.values(),
    workstreams: workstreams.values(),
  }));

  const apply = (ids: Set<string>) => {
    const bulk = ids.size > BULK_CHANGE_THRESHOLD;
    let order = store.getState().orderedIds;
    let orderCopied = false;
    const writableOrder = (): string[] => {
      if (!orderCopied) {
        order = order.slice();
        orderCopied = true;
      }
      return order as string[];
    };
    const changed = new Set<string>();

    for (const id of ids) {
      const old = byId.get(id);
      const row = readRow(id, entries.get(id));
      if (old && row && sameEntryRow(old, row)) continue;
      changed.add(id);
      const keepsPlace = old !== undefined && row !== undefined && sameOrderKey(old, row);
      if (old) {
        if (!bulk && !keepsPlace) {
          const at = lowerBound(order, old, lookup, compareEntries);
          if (order[at] === id) writableOrder().splice(at, 1);
        }
        track(old, -1);
        byId.delete(id);
      }
      if (row) {
        if (!bulk && !keepsPlace) writableOrder().splice(lowerBound(order, row, lookup, compareEntries), 0, id);
        byId.set(id, row);
        track(row, 1);
      }
    }
    if (changed.size === 0) return;
    if (bulk) order = sortedOrder([...byId.values()]);

    const prev = store.getState();
    store.setState({
      orderedIds: order,
      revision: prev.revision + 1,
      lastChanged: changed,
      authors: authors.values(),
      workstreams: workstreams.values(),
    });
  };

  const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    apply(changedEntryIds(events, entries as unknown as Y.AbstractType<unknown>));
  };
  entries.observeDeep(observer);

  return {
    store,
    detach: () => entries.unobserveDeep(observer),
  };
}
