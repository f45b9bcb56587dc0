// The open incident's meta (title, severity, status, times, zone, postmortem sections), read from
// the meta slice of the incident's store (renderer/state/wholeReadSlices.ts). The timeline reads
// the zone and T+ origin from it; the shell's header reads the rest.
import { useContext } from 'react';
import type * as Y from 'yjs';
import { useStore } from 'zustand';
import type { Incident } from '../../shared/model/types';
import { resolveZone, FALLBACK_ZONE } from '../../shared/time/zones';
import { IncidentContextReact } from '../app/session';
import { incidentStoreFor, useIncidentStore } from '../state/useIncidentStore';
import { useTimelineView } from './viewStore';

export type { IncidentMetaState } from '../state/wholeReadSlices';

/** Shows `incident` until the document's own meta arrives (a first screen, before the full sync). */
export function seedIncidentMeta(doc: Y.Doc, incident: Incident): void {
  incidentStoreFor(doc).seedMeta(incident);
}

/** The open incident, or null outside an incident view or before its meta has synced. */
export function useIncidentMeta(): Incident | null {
  const context = useContext(IncidentContextReact);
  return useStore(useIncidentStore(context?.doc ?? null), (s) => s.incident);
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
