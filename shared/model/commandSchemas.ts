import { z } from 'zod';
import { canonicalInstant } from '../time/instant';
import { isValidZone } from '../time/zones';
import { ENTRY_KINDS, SEVERITIES, STATUSES } from './types';
import { POSTMORTEM_SECTIONS } from './doc';

// Input rules shared by the commands. Instants come out in canonical form, so what is
// stored always compares correctly as a string.

/** Ids are ULIDs here, but archives and tests may bring other url-safe ids; the cap keeps keys small. */
const MAX_ID_LENGTH = 64;

export const IdSchema = z.string().regex(/^[0-9A-Za-z_-]+$/, 'An id uses letters, digits, - and _ only.').max(MAX_ID_LENGTH);

export const InstantSchema = z.string().transform((value, ctx) => {
  const instant = canonicalInstant(value);
  if (instant === null) {
    ctx.addIssue({ code: 'custom', message: `“${value}” is not an ISO-8601 UTC time such as 2026-11-21T23:06:00.000Z.` });
    return z.NEVER;
  }
  return instant;
});

export const ZoneSchema = z.string().refine(isValidZone, { message: 'Pick a time zone by its IANA name, such as America/Denver.' });

export const SeveritySchema = z.enum(SEVERITIES, { message: `Severity is one of ${SEVERITIES.join(', ')}.` });
export const StatusSchema = z.enum(STATUSES, { message: `Status is one of ${STATUSES.join(', ')}.` });
export const KindSchema = z.enum(ENTRY_KINDS, { message: `Kind is one of ${ENTRY_KINDS.join(', ')}.` });
export const SectionSchema = z.enum(POSTMORTEM_SECTIONS, { message: `Section is one of ${POSTMORTEM_SECTIONS.join(', ')}.` });

export const TitleSchema = z.string().trim().min(1, 'Give the incident a title.');
export const EntryTextSchema = z.string().refine((text) => text.trim() !== '', { message: 'Write what happened.' });
export const ReasonSchema = z.string().trim().min(1, 'Say why the entry is retracted.');

export const CreateIncidentSchema = z.object({
  id: IdSchema.optional(),
  title: TitleSchema,
  severity: SeveritySchema,
  startedAt: InstantSchema,
  timeZone: ZoneSchema,
  commander: z.string().optional(),
  reconstructed: z.boolean().optional(),
  detectedAt: InstantSchema.optional(),
  mitigatedAt: InstantSchema.optional(),
  resolvedAt: InstantSchema.optional(),
}).superRefine((input, ctx) => {
  // Key times in the order an incident goes through them; a slip of the date is caught here.
  const order = [['startedAt', 'Impact started'], ['detectedAt', 'Detected'], ['mitigatedAt', 'Mitigated'], ['resolvedAt', 'Resolved']] as const;
  let latest: { at: string; label: string } | null = null;
  for (const [field, label] of order) {
    const at = input[field];
    if (at === undefined) continue;
    if (latest !== null && at < latest.at) {
      ctx.addIssue({ code: 'custom', path: [field], message: `${label} can't be before ${latest.label.toLowerCase()}.` });
    }
    latest = { at, label };
  }
});

export const IncidentPatchSchema = z
  .object({
    title: TitleSchema,
    summary: z.string(),
    impact: z.string(),
    commander: z.string(),
    timeZone: ZoneSchema,
    detectedAt: InstantSchema.nullable(),
    impactStartedAt: InstantSchema.nullable(),
    mitigatedAt: InstantSchema.nullable(),
    resolvedAt: InstantSchema.nullable(),
  })
  .partial()
  .strict();

/** Where a new entry sits on the timeline: a backdated time, a workstream, a key event. */
export const EntryPlacementSchema = z.object({
  occurredAt: InstantSchema.optional(),
  workstream: z.string().trim().optional(),
  key: z.boolean().optional(),
});
export type EntryPlacement = z.infer<typeof EntryPlacementSchema>;

/** Just the placement fields of a validated command input, for the entry it writes. */
export function placement(input: EntryPlacement): EntryPlacement {
  const { occurredAt, workstream, key } = input;
  return { ...(occurredAt !== undefined && { occurredAt }), ...(workstream !== undefined && { workstream }), ...(key !== undefined && { key }) };
}

export const AddEntrySchema = EntryPlacementSchema.extend({
  id: IdSchema.optional(),
  kind: KindSchema.optional(),
  text: EntryTextSchema,
});

export const EntryPatchSchema = z
  .object({
    text: EntryTextSchema,
    occurredAt: InstantSchema,
    kind: KindSchema,
    workstream: z.string().trim(),
    key: z.boolean(),
  })
  .partial()
  .strict();
