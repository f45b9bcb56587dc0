import type * as Y from 'yjs';
import { readActions, writeActions } from './actions';
import { readChecklists, writeChecklists } from './checklists';
import { readDecisions, writeDecisions } from './decisions';
import type { ResponseState } from './responseTypes';
import { readHandoffs, readRoles, writeRoles } from './roleRecords';
import { DEFAULT_CADENCE, readCadence, readStatusUpdates, writeStatusUpdates } from './statusUpdates';

// The whole response as one plain value, for the snapshot, the export and the
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

/** A response with nothing in it yet (a version 1 archive, a fresh incident). */
export const EMPTY_RESPONSE: ResponseState = deepFreeze({
  decisions: [],
  checklists: [],
  actions: [],
  statusUpdates: [],
  cadence: structuredClone(DEFAULT_CADENCE),
  roles: [],
  handoffs: [],
});

/** Every response reader's view; never throws (each reader reads odd data as empty values). */
export function readResponse(doc: Y.Doc): ResponseState {
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
 * Writes an archived response into an empty doc. Call it inside the caller's transaction
 * (importSnapshot's) so a peer sees the incident and its response arrive together.
 */
export function writeResponse(doc: Y.Doc, response: ResponseState): void {
  writeDecisions(doc, response.decisions);
  writeChecklists(doc, response.checklists);
  writeActions(doc, response.actions);
  writeStatusUpdates(doc, response.statusUpdates, response.cadence);
  writeRoles(doc, response.roles, response.handoffs);
}
