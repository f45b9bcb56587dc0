// The open incident's meta (title, severity, status, times, zone, postmortem
// sections) as a tiny zustand store, fed from the doc's `meta` and `postmortem`
// maps. The timeline reads the zone and T+ origin from it; the shell's header reads the rest.
import { useContext } from 'react';
import type * as Y from 'yjs';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { metaMap, postmortemMap, readIncident } from '../../shared/model/doc';
import type { Incident, Instant } from '../../shared/model/types';
import { resolveZone, FALLBACK_ZONE } from '../../shared/time/zones';
import { IncidentContextReact } from '../app/session';
import { useTimelineView } from './viewStore';

export interface IncidentMetaState {
  incident: Incident | null;
}

export interface IncidentMetaStore {
  store: StoreApi<IncidentMetaState>;
  detach(): void;
}

export function attachIncidentMeta(doc: Y.Doc): IncidentMetaStore {
  const store = createStore<IncidentMetaState>(() => ({ incident: readIncident(doc) }));
  const meta = metaMap(doc);
  const postmortem = postmortemMap(doc);
  // One re-read per transaction: meta is a handful of flat keys.
  const refresh = () => store.setState({ incident: readIncident(doc) });
  meta.observe(refresh);
  postmortem.observe(refresh);
  return {
    store,
    detach: () => {
      meta.unobserve(refresh);
      postmortem.unobserve(refresh);
    },
  };
}

// One meta store per document, alive as long as the document is (the WeakMap lets both go together).
const storesByDoc = new WeakMap<Y.Doc, IncidentMetaStore>();
const NO_INCIDENT = createStore<IncidentMetaState>(() => ({ incident: null }));

export function incidentMetaStoreFor(doc: Y.Doc): StoreApi<IncidentMetaState> {
  let attached = storesByDoc.get(doc);
  if (!attached) {
    attached = attachIncidentMeta(doc);
    storesByDoc.set(doc, attached);
  }
  return attached.store;
}

/** Shows `incident` until the document's own meta arrives (a first screen, before the full sync). */
export function seedIncidentMeta(doc: Y.Doc, incident: Incident): void {
  const store = incidentMetaStoreFor(doc);
  if (store.getState().incident === null) store.setState({ incident });
}

/** The open incident, or null outside an incident view or before its meta has synced. */
export function useIncidentMeta(): Incident | null {
  const context = useContext(IncidentContextReact);
  const store = context ? incidentMetaStoreFor(context.doc) : NO_INCIDENT;
  return useStore(store, (s) => s.incident);
}

/** Where T+ counts from: impact start, else detection, else creation. */
export function elapsedOrigin(incident: Incident): Instant {
  return incident.impactStartedAt ?? incident.detectedAt ?? incident.createdAt;
}

/**
 * The zone every time on every tab is shown in: the one display-zone setting (incident, local
 * or UTC) applied to the open incident's zone, so switching it moves every clock together.
 */
export function useDisplayZone(): string {
  const incidentZone = useIncidentMeta()?.timeZone ?? FALLBACK_ZONE;
  const choice = useTimelineView((s) => s.zoneChoice);
  return resolveZone(choice, incidentZone);
}
