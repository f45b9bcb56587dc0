// One zustand store per open incident, built from slices: the timeline's entries (keyed,
// incremental), the incident's meta, the coordination collections (decisions, action items,
// checklists: keyed) and the whole-read ones (roles, status updates, situation). Every feature
// reads the document through it; each slice is fed from the Yjs document by the one adapter in
// this folder and replaces its part of the state, never changing it in place. No React here: the
// store and its slices can be built wherever the Y.Doc lives.
import type * as Y from 'yjs';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { DisposableStore, type Disposable } from '../../shared/lifecycle/disposable';
import type { Incident } from '../../shared/model/types';
import { attachEntries, type EntriesState } from '../timeline/entriesStore';
import type { EntryRow } from '../timeline/entryRow';
import { attachCoordination, type CoordinationState } from './coordinationSlice';
import { attachWholeReads, type WholeReadState } from './wholeReadSlices';

export type IncidentState = EntriesState & CoordinationState & WholeReadState;

export interface IncidentStore extends Disposable {
  store: StoreApi<IncidentState>;
  /** Shows first-screen rows until the document's own arrive (see EntriesSlice.seed). */
  seedEntries(rows: readonly EntryRow[]): void;
  /** Shows `incident` until the document's own meta arrives (a first screen, before the full sync). */
  seedMeta(incident: Incident): void;
}

export function createIncidentStore(doc: Y.Doc): IncidentStore {
  const store = createStore<IncidentState>(() => ({}) as IncidentState);
  const api = { get: store.getState, set: (partial: Partial<IncidentState>) => store.setState(partial) };
  const lifetime = new DisposableStore();
  const entries = lifetime.add(attachEntries(doc, api));
  lifetime.add(attachWholeReads(doc, api));
  lifetime.add(attachCoordination(doc, api));
  return {
    store,
    seedEntries: (rows) => entries.seed(rows),
    seedMeta(incident) {
      if (store.getState().incident === null) store.setState({ incident });
    },
    dispose: () => lifetime.dispose(),
  };
}
