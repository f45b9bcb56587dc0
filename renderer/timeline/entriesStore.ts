// The Y→zustand adapter for one incident's timeline entries (one module per
// document, after tldraw's Yjs example). It reads every entry once on attach,
// then applies each transaction incrementally: only the entries named by the
// Y events (new creation records in `entries`, new records in the `entryEdits` log)
// are re-read, and the sorted order is patched by binary search.
// Unchanged rows keep their object identity, so memoized React rows skip them.
//
// There is no echo guard (tldraw's `transaction.local`): this adapter only reads,
// and local commands must show up in the table exactly like remote ones.
import * as Y from 'yjs';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { entriesMap, entryEditsArray, isRecord } from '../../shared/model/doc';
import { foldEntry, type EntryEditRecord, type StoredEntryRecord } from '../../shared/model/entryRecords';
import { compareEntries } from '../../shared/model/order';
import { toEntryRow, sameEntryRow, type EntryRow } from './entryRow';
import { lowerBound, sameOrderKey } from './sortedIds';
import { DistinctValues } from './distinctValues';
import { EntryEditIndex, logChange } from './entryEditIndex';

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
  /**
   * Shows rows the document does not hold yet (a first screen, before the full sync): each id the
   * store already knows is skipped, and the document's own row replaces a seeded one as soon as
   * a transaction names that entry, as the full sync names every entry.
   */
  seed(rows: readonly EntryRow[]): void;
  detach(): void;
}

/**
 * Above this many changed entries in one transaction (initial sync, an import),
 * one O(n log n) sort beats that many O(n) splices.
 */
const BULK_CHANGE_THRESHOLD = 512;

/** A row for one stored entry, as readEntries reads it: the map key is the id; a value that is no record is no entry. */
function readRow(id: string, record: unknown, edits: readonly EntryEditRecord[]): EntryRow | undefined {
  return isRecord(record) ? toEntryRow(foldEntry(record, edits, id)) : undefined;
}

export function attachEntriesStore(doc: Y.Doc): EntriesStore {
  const entries = entriesMap(doc);
  const log = entryEditsArray(doc);
  const editIndex = new EntryEditIndex(log);
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
  entries.forEach((record, id) => {
    const row = readRow(id, record, editIndex.editsOf(id));
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
      const row = readRow(id, entries.get(id), editIndex.editsOf(id));
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

  // Both observers only collect ids; the rows are patched once per transaction, after
  // every observer ran, so an update carrying new entries and their edits is one change.
  const pending = new Set<string>();
  const onEntries = (event: Y.YMapEvent<StoredEntryRecord>) => {
    for (const id of event.keysChanged) pending.add(id);
  };
  const onEdits = (event: Y.YArrayEvent<EntryEditRecord>) => {
    for (const id of editIndex.apply(logChange(event, log.length))) pending.add(id);
  };
  const flush = () => {
    if (pending.size === 0) return;
    const ids = new Set(pending);
    pending.clear();
    apply(ids);
  };
  entries.observe(onEntries);
  log.observe(onEdits);
  doc.on('afterTransaction', flush);

  const seed = (rows: readonly EntryRow[]) => {
    const fresh = rows.filter((row) => !byId.has(row.id));
    if (fresh.length === 0) return;
    for (const row of fresh) {
      byId.set(row.id, row);
      track(row, 1);
    }
    const prev = store.getState();
    store.setState({
      orderedIds: sortedOrder([...byId.values()]),
      revision: prev.revision + 1,
      lastChanged: new Set(fresh.map((row) => row.id)),
      authors: authors.values(),
      workstreams: workstreams.values(),
    });
  };

  return {
    store,
    seed,
    detach: () => {
      entries.unobserve(onEntries);
      log.unobserve(onEdits);
      doc.off('afterTransaction', flush);
    },
  };
}
