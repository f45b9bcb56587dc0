import * as Y from 'yjs';
import { z } from 'zod';
import { DECISION_STATUSES, OUTCOME_VERDICTS, REVERSIBILITIES } from './coordinationTypes';
import type { Decision, DecisionOption, DecisionOutcome, Reversibility } from './coordinationTypes';
import type { Instant } from './types';
import { instant, instantOrNull, listOf, nestedOrNull, oneOf, requiredText, storedRecord, storedShape, text, textOrNull } from './recordFields';
import { parseStoredRecord, StoredText } from './storedFields';

// How decisions are stored. Like timeline entries (see entryRecords.ts), a decision is one
// immutable base record (a JSON string in the `decisions` map, written once) plus the events
// that name it in the append-only `decisionEvents` log. Every replica folds the log in the
// same array order, so concurrent decides or edits converge to one state and all of them
// stay in the decision's history. Decoding never throws: odd values read as empty values
// (the `.catch()` of each field in DECISION_FIELDS, which the archive schema shares).

export const DECISIONS = 'decisions';
export const DECISION_EVENTS = 'decisionEvents';

/** The base state a decision starts from: a fresh proposal, or an archived decision's final state. */
export type DecisionRecord = Decision;

/** Fields a proposed decision can still change. */
export interface DecisionPatch {
  question?: string;
  context?: string;
  options?: DecisionOption[];
  reversibility?: Reversibility;
  revisitAt?: Instant | null;
  rationale?: string;
  chosenOptionId?: string | null;
}

export type DecisionEventBody =
  | { type: 'update'; patch: DecisionPatch }
  | { type: 'decide'; chosenOptionId: string; rationale: string }
  | { type: 'replace'; replacedBy: string; how: 'superseded' | 'reversed' }
  | { type: 'outcome'; verdict: DecisionOutcome['verdict']; why: string }
  | { type: 'revisit'; revisitAt: Instant | null };

export type DecisionEvent = DecisionEventBody & { decisionId: string; by: string; at: Instant };

export function decisionsMap(doc: Y.Doc): Y.Map<string> {
  return doc.getMap<string>(DECISIONS);
}

export function decisionEventsArray(doc: Y.Doc): Y.Array<string> {
  return doc.getArray<string>(DECISION_EVENTS);
}

export function encodeDecisionRecord(record: DecisionRecord): string {
  return JSON.stringify(record);
}

export function encodeDecisionEvent(event: DecisionEvent): string {
  return JSON.stringify(event);
}

/** An option of a decision. */
export const DECISION_OPTION_FIELDS = { id: requiredText, title: text, pros: text, cons: text };
/** A decision's outcome review. */
export const DECISION_OUTCOME_FIELDS = { verdict: oneOf(OUTCOME_VERDICTS, 'mixed'), why: text, by: text, at: instant };
/** One change in a decision's history. */
export const DECISION_CHANGE_FIELDS = { by: text, at: instant, change: text };

/**
 * A decision's fields, as the archive holds its folded view and as a base record stores it (the
 * same shape: an archived decision is imported as its final state). Stored, an unknown
 * reversibility reads as two-way and an unknown status as proposed.
 */
export const DECISION_FIELDS = {
  id: requiredText,
  entryId: text,
  question: text,
  context: text,
  options: listOf(DECISION_OPTION_FIELDS),
  chosenOptionId: textOrNull,
  rationale: text,
  decidedBy: textOrNull,
  decidedAt: instantOrNull,
  reversibility: oneOf(REVERSIBILITIES, 'two-way'),
  revisitAt: instantOrNull,
  status: oneOf(DECISION_STATUSES, 'proposed'),
  replacedBy: textOrNull,
  outcome: nestedOrNull(DECISION_OUTCOME_FIELDS),
  createdBy: text,
  createdAt: instant,
  history: listOf(DECISION_CHANGE_FIELDS),
};

const StoredDecision = storedRecord(storedShape(DECISION_FIELDS));
const StoredOption = storedRecord(storedShape(DECISION_OPTION_FIELDS));

/** A stored option; one without an id is dropped by the record's reader. */
export function readOption(value: unknown): DecisionOption {
  return StoredOption.parse(value);
}

/** A stored base record as a plain Decision; the map key wins over the record's own id. */
export function decodeDecisionRecord(stored: unknown, id: string): Decision {
  const decision = StoredDecision.parse(stored);
  return { ...decision, id, options: decision.options.filter((option) => option.id !== '') };
}

/**
 * What the fold needs of a log value to place it: the decision it names and its type. Each event
 * type's own fields are read by the fold (decisionFold.ts), which ignores any it cannot use.
 */
const StoredDecisionEvent = z.looseObject({ decisionId: z.string(), type: z.string(), by: StoredText, at: StoredText });

/** A stored log value as an event, or null when it is not one (ignored by the fold). */
export function decodeDecisionEvent(stored: unknown): DecisionEvent | null {
  const parsed = StoredDecisionEvent.safeParse(parseStoredRecord(stored));
  return parsed.success ? (parsed.data as DecisionEvent) : null;
}

/** The log's events per decision id, each list in log order. One pass. */
export function groupDecisionEvents(log: { forEach(fn: (value: string) => void): void }): Map<string, DecisionEvent[]> {
  const byDecision = new Map<string, DecisionEvent[]>();
  log.forEach((stored) => {
    const event = decodeDecisionEvent(stored);
    if (!event) return;
    const list = byDecision.get(event.decisionId);
    if (list) list.push(event);
    else byDecision.set(event.decisionId, [event]);
  });
  return byDecision;
}
