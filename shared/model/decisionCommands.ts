import type * as Y from 'yjs';
import { instantMillis } from '../time/instant';
import { CommandError, validate } from './commandError';
import { addEntry, type CommandContext } from './commands';
import { IdSchema, InstantSchema, placement, type EntryPlacement } from './commandSchemas';
import { readDecision } from './decisionRead';
import { canMoveDecision, canReviewOutcome, isEditable } from './decisionMachine';
import { decisionEventsArray, decisionsMap, encodeDecisionEvent, encodeDecisionRecord, type DecisionEventBody, type DecisionPatch } from './decisionRecords';
import { DecideSchema, DecisionPatchSchema, LogDecisionSchema, OutcomeSchema, ProposeDecisionSchema, ReplaceSchema, type OptionInput } from './decisionSchemas';
import { newId } from './ids';
import type { Decision, DecisionOption, OutcomeVerdict, Reversibility } from './coordinationTypes';
import type { Instant } from './types';
import { commandTime as stamp, requireIncident, runCommand as run } from './commandContext';

// Every write to the decision log. Each validates, then makes all its changes (the event
// and, where the change is worth a timeline line, that entry) in one transaction. The base record is
// written once by proposeDecision; everything after is an event in the append-only log.

export const NO_CHOSEN_OPTION_MESSAGE = 'Choose the option you are going with before marking the decision decided.';
const DEFAULT_REVERSIBILITY: Reversibility = 'two-way';



function requireDecision(doc: Y.Doc, id: string): Decision {
  validate(IdSchema, id, 'id');
  requireIncident(doc);
  const decision = readDecision(doc, id);
  if (!decision) throw new CommandError('not-found', `No decision “${id}”.`, 'id');
  return decision;
}

function toOptions(inputs: OptionInput[], at: Instant): DecisionOption[] {
  return inputs.map((o) => ({ id: o.id ?? newId(instantMillis(at)), title: o.title, pros: o.pros ?? '', cons: o.cons ?? '' }));
}

function pushEvent(doc: Y.Doc, ctx: CommandContext, id: string, at: Instant, body: DecisionEventBody): void {
  decisionEventsArray(doc).push([encodeDecisionEvent({ ...body, decisionId: id, by: ctx.author, at })]);
}


type ProposeInput = { question: string; context?: string; options?: OptionInput[]; reversibility?: Reversibility; revisitAt?: Instant | null } & EntryPlacement;

function baseRecord(id: string, entryId: string, valid: Omit<ProposeInput, keyof EntryPlacement>, options: DecisionOption[], author: string, at: Instant): Decision {
  return {
    id,
    entryId,
    question: valid.question,
    context: valid.context ?? '',
    options,
    chosenOptionId: null,
    rationale: '',
    decidedBy: null,
    decidedAt: null,
    reversibility: valid.reversibility ?? DEFAULT_REVERSIBILITY,
    revisitAt: valid.revisitAt ?? null,
    status: 'proposed',
    replacedBy: null,
    outcome: null,
    createdBy: author,
    createdAt: at,
    history: [{ by: author, at, change: 'proposed' }],
  };
}

export function proposeDecision(doc: Y.Doc, ctx: CommandContext, input: ProposeInput): string {
  const valid = validate(ProposeDecisionSchema, input);
  requireIncident(doc);
  const at = stamp(ctx);
  const id = newId(instantMillis(at));
  run(doc, ctx, () => {
    const entryId = addEntry(doc, { ...ctx, now: () => at }, { ...placement(valid), kind: 'decision', text: `Proposed decision: ${valid.question}` });
    decisionsMap(doc).set(id, encodeDecisionRecord(baseRecord(id, entryId, valid, toOptions(valid.options ?? [], at), ctx.author, at)));
  });
  return id;
}

/**
 * Logs a decision that was already made (often backdated from quick-add): the record is
 * proposed and decided in one transaction, with one key "Decided" entry on the timeline at
 * the placement's time, which is also when it was decided.
 */
export function logDecisionMade(doc: Y.Doc, ctx: CommandContext, input: ProposeInput & { chosenOptionId: string; rationale?: string }): string {
  const valid = validate(LogDecisionSchema, input);
  requireIncident(doc);
  const at = stamp(ctx);
  const options = toOptions(valid.options ?? [], at);
  const chosen = options.find((o) => o.id === valid.chosenOptionId);
  if (!chosen) throw new CommandError('invalid', 'The chosen option is not one of the options written above.', 'chosenOptionId');
  const decidedAt = valid.occurredAt ?? at;
  const id = newId(instantMillis(at));
  run(doc, ctx, () => {
    const text = `Decided: ${valid.question} → ${chosen.title}`;
    const entryId = addEntry(doc, { ...ctx, now: () => at }, { ...placement(valid), key: true, kind: 'decision', text });
    decisionsMap(doc).set(id, encodeDecisionRecord(baseRecord(id, entryId, valid, options, ctx.author, at)));
    pushEvent(doc, ctx, id, decidedAt, { type: 'decide', chosenOptionId: chosen.id, rationale: valid.rationale ?? '' });
  });
  return id;
}

export function updateDecision(
  doc: Y.Doc,
  ctx: CommandContext,
  id: string,
  patch: Omit<DecisionPatch, 'options'> & { options?: OptionInput[] },
): void {
  const valid = validate(DecisionPatchSchema, patch);
  const decision = requireDecision(doc, id);
  if (!isEditable(decision)) {
    throw new CommandError('invalid', `This decision is already ${decision.status}; supersede or reverse it with a new decision instead of editing it.`, 'status');
  }
  const at = stamp(ctx);
  const options = valid.options ? toOptions(valid.options, at) : decision.options;
  if (valid.chosenOptionId && !options.some((o) => o.id === valid.chosenOptionId)) {
    throw new CommandError('invalid', 'The chosen option is not one of this decision’s options.', 'chosenOptionId');
  }
  const { options: _inputs, ...rest } = valid;
  const next: DecisionPatch = { ...rest, ...(valid.options ? { options } : {}) };
  // Only what differs is logged, so saving an unchanged form writes nothing.
  const changed = (Object.keys(next) as (keyof DecisionPatch)[]).filter((k) => JSON.stringify(next[k]) !== JSON.stringify(decision[k]));
  if (changed.length === 0) return;
  const diff = Object.fromEntries(changed.map((k) => [k, next[k]])) as DecisionPatch;
  run(doc, ctx, () => pushEvent(doc, ctx, id, at, { type: 'update', patch: diff }));
}

export function decideDecision(
  doc: Y.Doc,
  ctx: CommandContext,
  id: string,
  input: { chosenOptionId?: string | null; rationale?: string },
): void {
  const valid = validate(DecideSchema, input);
  const decision = requireDecision(doc, id);
  if (!canMoveDecision(decision.status, 'decided')) throw new CommandError('invalid', `This decision is already ${decision.status}.`, 'status');
  const chosenId = valid.chosenOptionId ?? decision.chosenOptionId;
  const option = decision.options.find((o) => o.id === chosenId);
  if (!chosenId || !option) throw new CommandError('invalid', NO_CHOSEN_OPTION_MESSAGE, 'chosenOptionId');
  const at = stamp(ctx);
  run(doc, ctx, () => {
    pushEvent(doc, ctx, id, at, { type: 'decide', chosenOptionId: option.id, rationale: valid.rationale ?? decision.rationale });
    addEntry(doc, { ...ctx, now: () => at }, { kind: 'decision', text: `Decided: ${decision.question} → ${option.title}`, key: true });
  });
}

export function replaceDecision(doc: Y.Doc, ctx: CommandContext, id: string, input: { by: string; how: 'superseded' | 'reversed' }): void {
  const valid = validate(ReplaceSchema, input);
  const decision = requireDecision(doc, id);
  if (valid.by === id) throw new CommandError('invalid', 'Pick another decision: a decision cannot replace itself.', 'by');
  const replacement = readDecision(doc, valid.by);
  if (!replacement) throw new CommandError('not-found', 'Pick the decision that replaces this one; that one was not found.', 'by');
  if (!canMoveDecision(decision.status, valid.how)) {
    throw new CommandError('invalid', `Only a decided decision can be ${valid.how}; this one is ${decision.status}.`, 'status');
  }
  const at = stamp(ctx);
  const verb = valid.how === 'reversed' ? 'Reversed' : 'Superseded';
  run(doc, ctx, () => {
    pushEvent(doc, ctx, id, at, { type: 'replace', replacedBy: valid.by, how: valid.how });
    addEntry(doc, { ...ctx, now: () => at }, { kind: 'decision', text: `${verb}: ${decision.question} → replaced by “${replacement.question}”` });
  });
}

export function recordOutcome(doc: Y.Doc, ctx: CommandContext, id: string, input: { verdict: OutcomeVerdict; why: string }): void {
  const valid = validate(OutcomeSchema, input);
  const decision = requireDecision(doc, id);
  if (!canReviewOutcome(decision)) throw new CommandError('invalid', 'Decide first: an outcome review judges a decision that was acted on.', 'verdict');
  const at = stamp(ctx);
  run(doc, ctx, () => {
    pushEvent(doc, ctx, id, at, { type: 'outcome', verdict: valid.verdict, why: valid.why });
    addEntry(doc, { ...ctx, now: () => at }, { kind: 'decision', text: `Outcome of “${decision.question}”: ${valid.verdict} — ${valid.why}` });
  });
}

export function setRevisit(doc: Y.Doc, ctx: CommandContext, id: string, revisitAt: Instant | null): void {
  const next = revisitAt === null ? null : validate(InstantSchema, revisitAt, 'revisitAt');
  const decision = requireDecision(doc, id);
  if (decision.revisitAt === next) return;
  const at = stamp(ctx);
  run(doc, ctx, () => pushEvent(doc, ctx, id, at, { type: 'revisit', revisitAt: next }));
}
