import type * as Y from 'yjs';
import { z } from 'zod';
import { instantMillis } from '../time/instant';
import { snoozeUntil } from './cadenceRecords';
import { validate } from './commandError';
import { SeveritySchema, StatusSchema } from './commandSchemas';
import { addEntry, type CommandContext } from './commands';
import { newId } from './ids';
import { AUDIENCES, type Audience, type StatusUpdate } from './coordinationTypes';
import { cadenceArray, readCadence, statusUpdatesMap } from './statusUpdates';
import type { IncidentStatus, Severity } from './types';
import { commandTime as stamp, requireIncident, runCommand as run } from './commandContext';

// Every write to status updates and the cadence. Each validates first, then writes in one
// doc.transact together with its timeline entry (kind "comms").

/** A week: anything longer is not a cadence, it is silence. */
export const MAX_CADENCE_MINUTES = 7 * 24 * 60;
/** A snooze longer than a day hides the countdown for a whole shift; ask for a new cadence instead. */
export const MAX_SNOOZE_MINUTES = 24 * 60;
/** Long enough for a full customer notice; a status page rarely takes more. */
export const MAX_UPDATE_TEXT = 10_000;





const AUDIENCE_WORDS: Record<Audience, string> = { internal: 'internal', customers: 'customers' };

const PostSchema = z.object({
  audience: z.enum(AUDIENCES, { message: 'Pick who the update is for: internal or customers.' }),
  template: StatusSchema,
  text: z
    .string()
    .trim()
    .min(1, 'Write the update before posting it; pick a template to start from.')
    .max(MAX_UPDATE_TEXT, `Keep an update under ${MAX_UPDATE_TEXT} characters.`),
});

/** Logs a sent status update and writes it on the timeline (kind "comms"). Returns its id. */
export function postStatusUpdate(doc: Y.Doc, ctx: CommandContext, input: { audience: Audience; template: IncidentStatus; text: string }): string {
  const valid = validate(PostSchema, input);
  requireIncident(doc);
  const at = stamp(ctx);
  const id = newId(instantMillis(at));
  run(doc, ctx, () => {
    const entryId = addEntry(doc, { ...ctx, now: () => at }, { kind: 'comms', text: `Status update (${AUDIENCE_WORDS[valid.audience]}, ${valid.template}):\n\n${valid.text}` });
    const record: Omit<StatusUpdate, 'id'> = { audience: valid.audience, template: valid.template, text: valid.text, postedBy: ctx.author, postedAt: at, entryId };
    statusUpdatesMap(doc).set(id, JSON.stringify(record));
  });
  return id;
}

const MinutesSchema = z
  .number({ message: 'Give the cadence in whole minutes, or turn it off.' })
  .int('Give the cadence in whole minutes.')
  .min(1, 'A cadence is at least 1 minute; turn it off instead of 0.')
  .max(MAX_CADENCE_MINUTES, `A cadence is at most ${MAX_CADENCE_MINUTES} minutes (a week).`)
  .nullable();

function cadenceWords(minutes: number | null): string {
  return minutes === null ? 'no regular updates' : `an update every ${minutes} min`;
}

/** Sets the minutes between updates for one severity (null: no cadence). Logged on the timeline. */
export function setCadence(doc: Y.Doc, ctx: CommandContext, severity: Severity, minutes: number | null): void {
  const sev = validate(SeveritySchema, severity, 'severity');
  const value = validate(MinutesSchema, minutes, 'minutes');
  requireIncident(doc);
  if (readCadence(doc).minutesBySeverity[sev] === value) return;
  const at = stamp(ctx);
  run(doc, ctx, () => {
    cadenceArray(doc).push([{ type: 'minutes', severity: sev, minutes: value, by: ctx.author, at }]);
    addEntry(doc, { ...ctx, now: () => at }, { kind: 'comms', text: `Status cadence for ${sev}: ${cadenceWords(value)}` });
  });
}

const SnoozeSchema = z.object({
  minutes: z
    .number({ message: 'Say for how many minutes to snooze.' })
    .int('Snooze for whole minutes.')
    .min(1, 'Snooze for at least 1 minute.')
    .max(MAX_SNOOZE_MINUTES, `Snooze for at most ${MAX_SNOOZE_MINUTES} minutes; change the cadence for longer.`),
  reason: z.string().trim().min(1, 'Say why the update can wait, e.g. “waiting for restore ETA”.'),
});

/** Pushes the next update back by `minutes` from now, with a reason; logged on the timeline. */
export function snoozeCadence(doc: Y.Doc, ctx: CommandContext, input: { minutes: number; reason: string }): void {
  const valid = validate(SnoozeSchema, input);
  requireIncident(doc);
  const at = stamp(ctx);
  const until = snoozeUntil(at, valid.minutes);
  run(doc, ctx, () => {
    cadenceArray(doc).push([{ type: 'snooze', by: ctx.author, at, until, reason: valid.reason }]);
    addEntry(doc, { ...ctx, now: () => at }, { kind: 'comms', text: `Status update snoozed ${valid.minutes} min: ${valid.reason}` });
  });
}
