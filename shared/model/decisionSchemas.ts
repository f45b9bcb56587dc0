import { z } from 'zod';
import { EntryPlacementSchema, IdSchema, InstantSchema } from './commandSchemas';
import { OUTCOME_VERDICTS, REVERSIBILITIES } from './coordinationTypes';

// Input rules for the decision commands; messages are what the form shows next to the field.

export const QuestionSchema = z.string().trim().min(1, 'Write the question being decided, e.g. “Restore from the other data centre?”');

export const OptionInputSchema = z.object({
  id: IdSchema.optional(),
  title: z.string().trim().min(1, 'Give each option a short title, or remove the empty one.'),
  pros: z.string().trim().optional(),
  cons: z.string().trim().optional(),
});
export type OptionInput = z.input<typeof OptionInputSchema>;

export const ReversibilitySchema = z.enum(REVERSIBILITIES, { message: 'Say whether the decision is a one-way or a two-way door.' });

/** The placement applies to the decision's timeline entry (a backdated "/decision 17:30 … #deploy"). */
export const ProposeDecisionSchema = EntryPlacementSchema.extend({
  question: QuestionSchema,
  context: z.string().trim().optional(),
  options: z.array(OptionInputSchema).optional(),
  reversibility: ReversibilitySchema.optional(),
  revisitAt: InstantSchema.nullable().optional(),
});

/** A decision already made, logged after the fact: the proposal and the choice in one step. */
export const LogDecisionSchema = ProposeDecisionSchema.extend({
  chosenOptionId: z.string({ message: 'Choose the option that was decided.' }).min(1, 'Choose the option that was decided.'),
  rationale: z.string().trim().optional(),
});

export const DecisionPatchSchema = z
  .object({
    question: QuestionSchema,
    context: z.string().trim(),
    options: z.array(OptionInputSchema),
    reversibility: ReversibilitySchema,
    revisitAt: InstantSchema.nullable(),
    rationale: z.string().trim(),
    chosenOptionId: IdSchema.nullable(),
  })
  .partial()
  .strict();

export const DecideSchema = z.object({
  chosenOptionId: z.string().nullable().optional(),
  rationale: z.string().trim().optional(),
});

export const ReplaceSchema = z.object({
  by: IdSchema,
  how: z.enum(['superseded', 'reversed'], { message: 'A decided decision is either superseded or reversed.' }),
});

export const OutcomeSchema = z.object({
  verdict: z.enum(OUTCOME_VERDICTS, { message: 'Judge the outcome as right, wrong or mixed.' }),
  why: z.string().trim().min(1, 'Say why: the outcome review is what the postmortem learns from.'),
});
