import * as Y from 'yjs';
import { DECISION_STATUSES, OUTCOME_VERDICTS, REVERSIBILITIES } from './coordinationTypes';
import type { Decision, DecisionChange, DecisionOption, DecisionOutcome, DecisionStatus, Reversibility } from './coordinationTypes';
import type { Instant } from './types';
import { parseStoredRecord, storedText } from './storedFields';

// How decisions are stored. Like timeline entries (see entryRecords.ts), a decision is one
// immutable base record (a JSON string in the `decisions` map, written once) plus the events
// that name it in the append-only `decisionEvents` log. Every replica folds the log in the
// same array order, so concurrent decides or edits converge to one state and all of them
// stay in the decision's history. Decoding never throws: odd values read as empty values.

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

function parseObject(stored: unknown): Record<string, unknown> {
  return parseStoredRecord(stored) ?? {};
}

function strOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function oneOf<T extends string>(allowed: readonly T[], value: unknown, fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

export function readOption(value: unknown): DecisionOption {
  const o = parseObject(value);
  return { id: storedText(o.id), title: storedText(o.title), pros: storedText(o.pros), cons: storedText(o.cons) };
}

function readOptions(value: unknown): DecisionOption[] {
  return Array.isArray(value) ? value.map(readOption).filter((o) => o.id !== '') : [];
}

function readOutcome(value: unknown): DecisionOutcome | null {
  if (value === null || typeof value !== 'object') return null;
  const o = value as Record<string, unknown>;
  return { verdict: oneOf(OUTCOME_VERDICTS, o.verdict, 'mixed'), why: storedText(o.why), by: storedText(o.by), at: storedText(o.at) };
}

function readHistory(value: unknown): DecisionChange[] {
  if (!Array.isArray(value)) return [];
  return value.map((c) => parseObject(c)).map((c) => ({ by: storedText(c.by), at: storedText(c.at), change: storedText(c.change) }));
}

/** A stored base record as a plain Decision; the map key wins over the record's own id. */
export function decodeDecisionRecord(stored: unknown, id: string): Decision {
  const r = parseObject(stored);
  return {
    id,
    entryId: storedText(r.entryId),
    question: storedText(r.question),
    context: storedText(r.context),
    options: readOptions(r.options),
    chosenOptionId: strOrNull(r.chosenOptionId),
    rationale: storedText(r.rationale),
    decidedBy: strOrNull(r.decidedBy),
    decidedAt: strOrNull(r.decidedAt),
    reversibility: oneOf(REVERSIBILITIES, r.reversibility, 'two-way'),
    revisitAt: strOrNull(r.revisitAt),
    status: oneOf<DecisionStatus>(DECISION_STATUSES, r.status, 'proposed'),
    replacedBy: strOrNull(r.replacedBy),
    outcome: readOutcome(r.outcome),
    createdBy: storedText(r.createdBy),
    createdAt: storedText(r.createdAt),
    history: readHistory(r.history),
  };
}

/** A stored log value as an event, or null when it is not one (ignored by the fold). */
export function decodeDecisionEvent(stored: unknown): DecisionEvent | null {
  const e = parseObject(stored);
  if (typeof e.decisionId !== 'string' || typeof e.type !== 'string') return null;
  return e as unknown as DecisionEvent;
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
