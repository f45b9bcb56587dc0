// The whole incident as one plain value: meta, ordered timeline, decisions, checklists, actions, status updates and roles, and the situation (hypotheses and the history of the summary, impact and hypothesis).
// Kept apart from doc.ts so the low-level readers never import the feature modules
// (which import the commands, which import doc.ts): no import cycle, whatever loads first.
import type * as Y from 'yjs';
import { readEntries, readIncident } from './doc';
import { readCoordination } from './coordination';
import { readSituation } from './situation';
import type { IncidentSnapshot } from './types';

/** The incident, its ordered timeline, its coordination and its situation, or null while there is no incident. */
export function readSnapshot(doc: Y.Doc): IncidentSnapshot | null {
  const incident = readIncident(doc);
  return incident ? { incident, entries: readEntries(doc), coordination: readCoordination(doc), situation: readSituation(doc) } : null;
}
