// The whole incident as one plain value: meta, ordered timeline and response work.
// Kept apart from doc.ts so the low-level readers never import the feature modules
// (which import the commands, which import doc.ts): no import cycle, whatever loads first.
import type * as Y from 'yjs';
import { readEntries, readIncident } from './doc';
import { readResponse } from './response';
import type { IncidentSnapshot } from './types';

/** The incident, its ordered timeline and its response work, or null while there is no incident. */
export function readSnapshot(doc: Y.Doc): IncidentSnapshot | null {
  const incident = readIncident(doc);
  return incident ? { incident, entries: readEntries(doc), response: readResponse(doc) } : null;
}
