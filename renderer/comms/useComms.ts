// The open incident's status updates and cadence, re-read when either Y type changes.
import type * as Y from 'yjs';
import type { StatusCadence, StatusUpdate } from '../../shared/model/coordinationTypes';
import type { Incident, Instant } from '../../shared/model/types';
import { readDeliveries, statusDeliveriesMap, type StatusDelivery } from '../../shared/model/statusDeliveries';
import { cadenceArray, nextUpdateDue, readCadence, readStatusUpdates, statusUpdatesMap } from '../../shared/model/statusUpdates';
import { useIncidentContext } from '../app/session';
import { useDocRead } from '../state/useDocRead';

export interface CommsState {
  updates: StatusUpdate[];
  cadence: StatusCadence;
  /** Where each customer update went (sent, retrying, failed), by update id. */
  deliveries: Map<string, StatusDelivery[]>;
}

const commsTypes = (doc: Y.Doc): Y.AbstractType<unknown>[] => [statusUpdatesMap(doc), cadenceArray(doc), statusDeliveriesMap(doc)] as Y.AbstractType<unknown>[];
const readComms = (doc: Y.Doc): CommsState => ({ updates: readStatusUpdates(doc), cadence: readCadence(doc), deliveries: readDeliveries(doc) });

export function useComms(): CommsState {
  const { doc } = useIncidentContext();
  return useDocRead(doc, commsTypes, readComms);
}

/** When the next status update is due, or null when no cadence applies (or the incident is resolved). */
export function useNextUpdateDue(incident: Incident | null): Instant | null {
  const { updates, cadence } = useComms();
  return incident ? nextUpdateDue({ incident, cadence, updates }) : null;
}
