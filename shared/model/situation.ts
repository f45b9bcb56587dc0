// The current picture of an incident, beyond its meta fields: the leading hypothesis, the ones
// ruled out, and the history of every change to the summary, the impact and the hypothesis.
// The hypothesis is a meta key; the ruled-out list and the edit history are append-only
// Y.Arrays, so two people ruling out at once both land, in the order every replica agrees on.
// The records' fields are listed once, for this reader and for the archive (version 3 on).
import type * as Y from 'yjs';
import { z } from 'zod';
import { CommandError, validate } from './commandError';
import { commandTime as stamp, requireIncident, runCommand as run, type CommandContext } from './commandContext';
import { metaMap } from './doc';
import type { Instant } from './scalars';
import { instant, storedShape, text } from './recordFields';
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

/**
 * One change to the summary, impact or hypothesis. Listed once for the archive (strict) and the
 * stored log (tolerant). `field` has no fallback: a stored change to an unknown field cannot be
 * placed, so it is skipped rather than read as a change to some other field.
 */
export const SITUATION_EDIT_FIELDS = {
  field: { archive: z.enum(SITUATION_FIELDS), stored: z.enum(SITUATION_FIELDS) },
  previous: text,
  value: text,
  by: text,
  at: instant,
};

/** A hypothesis moved off the lead, with why; listed once for the archive and the stored list. */
export const RULED_OUT_FIELDS = { text, reason: text, by: text, at: instant };

const SituationEditSchema = z.object(storedShape(SITUATION_EDIT_FIELDS));
export type SituationEdit = z.infer<typeof SituationEditSchema>;

const RuledOutSchema = z.object(storedShape(RULED_OUT_FIELDS));
export type RuledOutHypothesis = z.infer<typeof RuledOutSchema>;

export interface Situation {
  /** '' when nobody has named one. */
  hypothesis: string;
  /** Oldest first. */
  ruledOut: RuledOutHypothesis[];
  /** Every change to the summary, impact and hypothesis, oldest first. */
  edits: SituationEdit[];
}

/** Nobody has named a hypothesis or changed the summary or impact: a fresh incident, or an archive from before the situation was kept. A new value each call, so no caller can alias another's. */
export function emptySituation(): Situation {
  return { hypothesis: '', ruledOut: [], edits: [] };
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
  // A value that is no record (or a change to no known field) is skipped rather than hiding the
  // whole list; a damaged field of a record reads as its empty value and the rest still reads.
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
export function setHypothesis(doc: Y.Doc, ctx: CommandContext, named: string): void {
  const value = validate(HypothesisSchema, named, HYPOTHESIS);
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

/**
 * Writes an archived situation into a doc that has none. Call it inside the caller's transaction
 * (importSnapshot's) so a peer sees the incident and what the team thought arrive together.
 * Records are copied, never shared with the snapshot.
 */
export function writeSituation(doc: Y.Doc, situation: Situation): void {
  if (situation.hypothesis !== '') metaMap(doc).set(HYPOTHESIS, situation.hypothesis);
  if (situation.ruledOut.length > 0) ruledOutArray(doc).push(situation.ruledOut.map((ruledOut) => ({ ...ruledOut })));
  if (situation.edits.length > 0) situationEditsArray(doc).push(situation.edits.map((edit) => ({ ...edit })));
}
