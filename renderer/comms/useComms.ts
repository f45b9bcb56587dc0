// The open incident's status updates, cadence and deliveries: the comms slice of the incident's
// store (renderer/state/wholeReadSlices.ts), re-read when one of their Y types changes.
import { useStore } from 'zustand';
import type { Incident, Instant } from '../../shared/model/types';
import { nextUpdateDue } from '../../shared/model/statusUpdates';
import { useIncidentContext } from '../app/session';
import { useIncidentStore } from '../state/useIncidentStore';
import type { CommsState } from '../state/wholeReadSlices';

export type { CommsState } from '../state/wholeReadSlices';

export function useComms(): CommsState {
  const { doc } = useIncidentContext();
  return useStore(useIncidentStore(doc), (s) => s.comms);
}

/** When the next status update is due, or null when no cadence applies (or the incident is resolved). */
export function useNextUpdateDue(incident: Incident | null): Instant | null {
  const { updates, cadence } = useComms();
  return incident ? nextUpdateDue({ incident, cadence, updates }) : null;
}
