// The slices of an incident's store that are not keyed collections: the incident's meta (one
// record of flat keys), roles (an ordered array plus handoffs), status updates with their cadence
// and deliveries, and the situation. Each re-reads through docReadSource, once per transaction
// that changed one of its Y types, and replaces its part of the state with the new snapshot.
import type * as Y from 'yjs';
import { DisposableStore, toDisposable, type Disposable } from '../../shared/lifecycle/disposable';
import type { Handoff, RoleAssignment, StatusCadence, StatusUpdate } from '../../shared/model/coordinationTypes';
import { metaMap, postmortemMap, readIncident } from '../../shared/model/doc';
import { handoffsMap, readHandoffs, readRoles, rolesArray } from '../../shared/model/roleRecords';
import { readSituation, ruledOutArray, situationEditsArray, type Situation } from '../../shared/model/situation';
import { readDeliveries, statusDeliveriesMap, type StatusDelivery } from '../../shared/model/statusDeliveries';
import { cadenceArray, readCadence, readStatusUpdates, statusUpdatesMap } from '../../shared/model/statusUpdates';
import type { Incident } from '../../shared/model/types';
import { docReadSource, type DocReader, type ObservedTypes } from './docReadSource';
import type { SliceApi } from './slice';

export interface RolesSnapshot {
  roles: RoleAssignment[];
  handoffs: Handoff[];
}

export interface CommsState {
  updates: StatusUpdate[];
  cadence: StatusCadence;
  /** Where each customer update went (sent, retrying, failed), by update id. */
  deliveries: Map<string, StatusDelivery[]>;
}

export interface IncidentMetaState {
  /** The incident's meta, or null before it has synced (and no first screen stands in for it). */
  incident: Incident | null;
}

export interface WholeReadState extends IncidentMetaState {
  roles: RolesSnapshot;
  comms: CommsState;
  situation: Situation;
}

const metaTypes: ObservedTypes = (doc) => [metaMap(doc), postmortemMap(doc)] as Y.AbstractType<unknown>[];
const roleTypes: ObservedTypes = (doc) => [rolesArray(doc), handoffsMap(doc)] as Y.AbstractType<unknown>[];
const commsTypes: ObservedTypes = (doc) => [statusUpdatesMap(doc), cadenceArray(doc), statusDeliveriesMap(doc)] as Y.AbstractType<unknown>[];
const situationTypes: ObservedTypes = (doc) => [metaMap(doc), ruledOutArray(doc), situationEditsArray(doc)] as Y.AbstractType<unknown>[];

const readRolesSnapshot = (doc: Y.Doc): RolesSnapshot => ({ roles: readRoles(doc), handoffs: readHandoffs(doc) });
const readComms = (doc: Y.Doc): CommsState => ({ updates: readStatusUpdates(doc), cadence: readCadence(doc), deliveries: readDeliveries(doc) });

/** Calls `show` with the reader's snapshot now, then after each transaction that changed its types. */
function followRead<T>(doc: Y.Doc, observed: ObservedTypes, read: DocReader<T>, show: (value: T) => void): Disposable {
  const source = docReadSource(doc, observed, read);
  const unsubscribe = source.subscribe(() => show(source.get()));
  show(source.get());
  return toDisposable(unsubscribe);
}

export function attachWholeReads(doc: Y.Doc, api: SliceApi<WholeReadState>): Disposable {
  const lifetime = new DisposableStore();
  lifetime.add(followRead(doc, metaTypes, readIncident, (incident) => api.set({ incident })));
  lifetime.add(followRead(doc, roleTypes, readRolesSnapshot, (roles) => api.set({ roles })));
  lifetime.add(followRead(doc, commsTypes, readComms, (comms) => api.set({ comms })));
  lifetime.add(followRead(doc, situationTypes, readSituation, (situation) => api.set({ situation })));
  return lifetime;
}
