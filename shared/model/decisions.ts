import type * as Y from 'yjs';
import { decisionsMap, encodeDecisionRecord } from './decisionRecords';
import type { Decision } from './coordinationTypes';

// The decision log's public face: readers, the archive writer, the state
// machine and revisit helpers. Layout: `decisions` (id → base record, JSON) and
// `decisionEvents` (append-only log); see decisionRecords.ts. The commands live in
// decisionCommands.ts: this module stays free of commands.ts so that doc.ts/coordination.ts
// can compose it without an import cycle.

export { readDecision, readDecisions } from './decisionRead';
export { canMoveDecision, canReviewOutcome, chosenOptionTitle, decisionTransitions, isEditable } from './decisionMachine';
export { dueRevisits, minutesAfter, revisitCountdown } from './decisionRevisits';
export { DECISIONS, DECISION_EVENTS, decisionEventsArray, decisionsMap } from './decisionRecords';

/**
 * Writes archived decisions into an empty doc, each as its final state (history included)
 * in one base record, so readDecisions gives them back unchanged. Runs inside the caller's
 * transaction: it only sets map keys.
 */
export function writeDecisions(doc: Y.Doc, decisions: Decision[]): void {
  const map = decisionsMap(doc);
  for (const decision of decisions) map.set(decision.id, encodeDecisionRecord(decision));
}
