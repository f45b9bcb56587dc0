import { z } from 'zod';
import { canonicalInstant } from '../time/instant';
import { EntryPlacementSchema } from './commandSchemas';
import { ACTION_PRIORITIES } from './coordinationTypes';

// Input rules for action items. Messages are sentences a tired person can act on.
// The due date's message speaks of the date field the person actually uses, rather than
// commandSchemas' ISO wording.

/** Same rule as commandSchemas' IdSchema: url-safe, short. */
const MAX_LINK_ID_LENGTH = 64;
const IdSchema = z.string().regex(/^[0-9A-Za-z_-]+$/, 'A linked id uses letters, digits, - and _ only.').max(MAX_LINK_ID_LENGTH);

const InstantSchema = z.string().transform((value, ctx) => {
  const instant = canonicalInstant(value);
  if (instant === null) {
    ctx.addIssue({ code: 'custom', message: `“${value}” is not a date and time; pick one with the date field.` });
    return z.NEVER;
  }
  return instant;
});

/** An action is one line of work; longer context belongs in the linked timeline entries. */
export const MAX_ACTION_TEXT = 500;
/** Links are a handful of entries and decisions, not the whole timeline. */
export const MAX_ACTION_LINKS = 50;

const ActionTextSchema = z
  .string()
  .trim()
  .min(1, 'Say what needs doing, e.g. “Add an alert on replication lag”.')
  .max(MAX_ACTION_TEXT, `Keep an action under ${MAX_ACTION_TEXT} characters; put the detail in a linked timeline entry.`);

const PrioritySchema = z.enum(ACTION_PRIORITIES, { message: `Priority is one of ${ACTION_PRIORITIES.join(', ')}.` });
const OwnerSchema = z.string().trim();
const LinksSchema = z.array(IdSchema).max(MAX_ACTION_LINKS, `Link at most ${MAX_ACTION_LINKS} items to one action.`);
const DueSchema = InstantSchema.nullable();

/** The placement applies to the action's timeline entry (a backdated "/action 17:30 … #db"). */
export const CreateActionSchema = EntryPlacementSchema.extend({
  text: ActionTextSchema,
  owner: OwnerSchema.optional(),
  dueAt: DueSchema.optional(),
  priority: PrioritySchema.optional(),
  entryIds: LinksSchema.optional(),
  decisionIds: LinksSchema.optional(),
});

export const ActionPatchSchema = z
  .object({
    text: ActionTextSchema,
    owner: OwnerSchema,
    dueAt: DueSchema,
    priority: PrioritySchema,
    entryIds: LinksSchema,
    decisionIds: LinksSchema,
  })
  .partial()
  .strict();

/** A follow-up closed without doing it says why, so the decision can be judged later. */
export const NotDoingReasonSchema = z.string().trim().min(1, 'Say why this will not be done.').max(MAX_ACTION_TEXT, `Keep the reason under ${MAX_ACTION_TEXT} characters.`);
