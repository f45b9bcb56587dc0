// The current picture of an incident, beyond its meta fields: the leading hypothesis, the ones
// ruled out, and the history of every change to the summary, the impact and the hypothesis.
// The hypothesis is a meta key; the ruled-out list and the edit history are append-only
// Y.Arrays, so two people ruling out at once both land, in the order every replica agrees on.
import type * as Y from 'yjs';
import { z } from 'zod';
import { CommandError, validate } from './commandError';
import { commandTime as stamp, requireIncident, runCommand as run, type CommandContext } from './commandContext';
import { metaMap } from './doc';
import type { Instant } from './types';
import { storedText } from './storedFields';

export const HYPOTHESIS = 'hypothesis';
export const RULED_OUT = 'ruledOutHypotheses';
export const SITUATION_EDITS = 'situationEdits';

/** The fields whose every change is kept: what the "Now" panel edits inline. */
export const SITUATION_FIELDS = ['summary', 'impact', HYPOTHESIS] as const;
export type SituationField = (typeof SITUATION_FIELDS)[number];

/** A hypothesis is one line to read across the room, not an essay. */
const MAX_HYPOTHESIS_CHARS = 280;

export const HypothesisSchema = z
  .string()
  .trim()
  .max(MAX_HYPOTHESIS_CHARS, `Keep the hypothesis to ${MAX_HYPOTHESIS_CHARS} characters; put the detail on the timeline.`);
const RuleOutReasonSchema = z.string().trim().min(1, 'Say why the hypothesis is ruled out.');

const SituationEditSchema = z.object({
  field: z.enum(SITUATION_FIELDS),
  previous: z.string(),
  value: z.string(),
  by: z.string(),
  at: z.string(),
});
export type SituationEdit = z.infer<typeof SituationEditSchema>;

const RuledOutSchema = z.object({ text: z.string(), reason: z.string(), by: z.string(), at: z.string() });
export type RuledOutHypothesis = z.infer<typeof RuledOutSchema>;

export interface Situation {
  /** '' when nobody has named one. */
  hypothesis: string;
  /** Oldest first. */
  ruledOut: RuledOutHypothesis[];
  /** Every change to the summary, impact and hypothesis, oldest first. */
  edits: SituationEdit[];
}

export function situationEditsArray(doc: Y.Doc): Y.Array<unknown> {
  return doc.getArray<unknown>(SITUATION_EDITS);
}

export function ruledOutArray(doc: Y.Doc): Y.Array<unknown> {
  return doc.getArray<unknown>(RULED_OUT);
}

/** Appends one change to the history; call inside the command's transaction. */
export function recordSituationEdit(doc: Y.Doc, edit: SituationEdit): void {
  situationEditsArray(doc).push([edit]);
}

function parsedList<T>(array: Y.Array<unknown>, schema: z.ZodType<T>): T[] {
  // A damaged or foreign record is skipped rather than hiding the whole list.
  return array.toArray().flatMap((raw) => {
    const parsed = schema.safeParse(raw);
    return parsed.success ? [parsed.data] : [];
  });
}

export function readSituation(doc: Y.Doc): Situation {
  const hypothesis = metaMap(doc).get(HYPOTHESIS);
  return {
    hypothesis: storedText(hypothesis),
    ruledOut: parsedList(ruledOutArray(doc), RuledOutSchema),
    edits: parsedList(situationEditsArray(doc), SituationEditSchema),
  };
}

/** Names the leading hypothesis ('' clears it); the previous one stays in the history. */
export function setHypothesis(doc: Y.Doc, ctx: CommandContext, text: string): void {
  const value = validate(HypothesisSchema, text, HYPOTHESIS);
  const meta = requireIncident(doc);
  const previous = readSituation(doc).hypothesis;
  if (previous === value) return;
  const at: Instant = stamp(ctx);
  run(doc, ctx, () => {
    meta.set(HYPOTHESIS, value);
    recordSituationEdit(doc, { field: HYPOTHESIS, previous, value, by: ctx.author, at });
  });
}

/** Moves the leading hypothesis to the ruled-out list, with why; the lead is then empty. */
export function ruleOutHypothesis(doc: Y.Doc, ctx: CommandContext, reason: string): void {
  const why = validate(RuleOutReasonSchema, reason, 'reason');
  const meta = requireIncident(doc);
  const current = readSituation(doc).hypothesis;
  if (current === '') throw new CommandError('invalid', 'There is no leading hypothesis to rule out.', HYPOTHESIS);
  const at: Instant = stamp(ctx);
  run(doc, ctx, () => {
    meta.set(HYPOTHESIS, '');
    ruledOutArray(doc).push([{ text: current, reason: why, by: ctx.author, at }]);
    recordSituationEdit(doc, { field: HYPOTHESIS, previous: current, value: '', by: ctx.author, at });
  });
}
