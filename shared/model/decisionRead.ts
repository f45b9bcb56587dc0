import type * as Y from 'yjs';
import { foldDecision } from './decisionFold';
import { decisionEventsArray, decisionsMap, decodeDecisionEvent, decodeDecisionRecord, groupDecisionEvents, type DecisionEvent } from './decisionRecords';
import type { Decision } from './coordinationTypes';

// Readers for the decision log: base records folded with their events. They never throw;
// a damaged record reads with empty fields rather than hiding the rest of the log.

function isStored(value: unknown): boolean {
  return typeof value === 'string' || (value !== null && typeof value === 'object');
}

/** Oldest first; ids (ULIDs) break ties so every replica lists them in the same order. */
function byCreation(a: Decision, b: Decision): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** One decision, or null when the doc has none with this id. Scans the log once. */
export function readDecision(doc: Y.Doc, id: string): Decision | null {
  const stored = decisionsMap(doc).get(id);
  if (!isStored(stored)) return null;
  const events: DecisionEvent[] = [];
  decisionEventsArray(doc).forEach((value) => {
    const event = decodeDecisionEvent(value);
    if (event?.decisionId === id) events.push(event);
  });
  return foldDecision(decodeDecisionRecord(stored, id), events);
}

/** Every decision, sorted by createdAt. */
export function readDecisions(doc: Y.Doc): Decision[] {
  const eventsById = groupDecisionEvents(decisionEventsArray(doc));
  const decisions: Decision[] = [];
  decisionsMap(doc).forEach((stored, id) => {
    if (isStored(stored)) decisions.push(foldDecision(decodeDecisionRecord(stored, id), eventsById.get(id)));
  });
  return decisions.sort(byCreation);
}
