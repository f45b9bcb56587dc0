// The timeline's entries, as the entries slice of the open incident's store
// (renderer/state/incidentStore.ts): held open while the calling component is mounted.
import type * as Y from 'yjs';
import type { StoreApi } from 'zustand/vanilla';
import { incidentStoreFor, useIncidentStore } from '../state/useIncidentStore';
import type { EntriesState } from './entriesStore';
import type { EntryRow } from './entryRow';

/** Seeds the document's entries with rows it does not hold yet (EntriesSlice.seed). */
export function seedEntries(doc: Y.Doc, rows: readonly EntryRow[]): void {
  incidentStoreFor(doc).seedEntries(rows);
}

export function useEntriesStore(doc: Y.Doc): StoreApi<EntriesState> {
  return useIncidentStore(doc);
}
