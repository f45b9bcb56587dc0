import type * as Y from 'yjs';
import { readActions, writeActions } from './actions';
import { readChecklists, writeChecklists } from './checklists';
import { readDecisions, writeDecisions } from './decisions';
import type { CoordinationState } from './coordinationTypes';
import { readHandoffs, readRoles, writeRoles } from './roleRecords';
import { DEFAULT_CADENCE, readCadence, readStatusUpdates, writeStatusUpdates } from './statusUpdates';

// The whole coordination as one plain value, for the snapshot, the export and the
// archive. Each feature owns its Y types, reader and writer; this module only composes
// them, so the snapshot and the archive can never forget a feature that has a reader.

/** Deep-frozen: it is shared by every empty snapshot, so nobody may mutate it in place. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** A coordination with nothing in it yet (a version 1 archive, a fresh incident). */
export const EMPTY_COORDINATION: CoordinationState = deepFreeze({
  decisions: [],
  checklists: [],
  actions: [],
  statusUpdates: [],
  cadence: structuredClone(DEFAULT_CADENCE),
  roles: [],
  handoffs: [],
});

/** Every coordination reader's view; never throws (each reader reads odd data as empty values). */
export function readCoordination(doc: Y.Doc): CoordinationState {
  return {
    decisions: readDecisions(doc),
    checklists: readChecklists(doc),
    actions: readActions(doc),
    statusUpdates: readStatusUpdates(doc),
    cadence: readCadence(doc),
    roles: readRoles(doc),
    handoffs: readHandoffs(doc),
  };
}

/**
 * Writes an archived coordination into an empty doc. Call it inside the caller's transaction
 * (importSnapshot's) so a peer sees the incident and its coordination arrive together.
 */
export function writeCoordination(doc: Y.Doc, coordination: CoordinationState): void {
  writeDecisions(doc, coordination.decisions);
  writeChecklists(doc, coordination.checklists);
  writeActions(doc, coordination.actions);
  writeStatusUpdates(doc, coordination.statusUpdates, coordination.cadence);
  writeRoles(doc, coordination.roles, coordination.handoffs);
}
