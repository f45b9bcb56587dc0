import { DateTime } from 'luxon';
import { SEVERITIES, type Incident, type Instant, type Severity } from './types';
import type { CadenceSnooze, StatusCadence, StatusUpdate } from './coordinationTypes';
import { incidentStart } from './incidentStart';
import { isLive } from './keyTimes';
import { z } from 'zod';
import { instant, storedShape, text } from './recordFields';

// The status-update cadence: how it is stored, folded, and when the next update is due.
// The `cadence` Y.Array is an append-only log of "every N minutes for SEVx" settings and
// snoozes, folded in array order, so concurrent changes converge (the later one in the log
// wins) and every change keeps who and when.

/** Minutes between updates per severity when nobody has changed them. */
export const DEFAULT_MINUTES: Readonly<Record<Severity, number | null>> = { SEV1: 30, SEV2: 60, SEV3: 240, SEV4: null };

export const DEFAULT_CADENCE: StatusCadence = { minutesBySeverity: { ...DEFAULT_MINUTES }, snoozes: [] };

export type CadenceEvent =
  | { type: 'minutes'; severity: Severity; minutes: number | null; by: string; at: Instant }
  | ({ type: 'snooze' } & CadenceSnooze);

/** A snooze, as the archive holds it and as a cadence event carries it; stored, one without `until` is skipped. */
export const SNOOZE_FIELDS = { by: text, at: instant, until: instant, reason: text };

/**
 * Whole minutes between updates, or null for no cadence. The archive and the stored log share it,
 * so an archive can hold no value the log would then ignore.
 */
export const CadenceMinutes = z.number().int().positive().nullable();

/** A stored cadence event; one that does not read (an unknown severity, odd minutes) is skipped, as an unknown type is. */
const StoredCadenceEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('minutes'), severity: z.enum(SEVERITIES), minutes: CadenceMinutes }),
  z.object({ type: z.literal('snooze'), ...storedShape(SNOOZE_FIELDS) }),
]);

/** The cadence the log describes: defaults, then each setting and snooze in log order. Never throws. */
export function foldCadence(events: { forEach(fn: (event: unknown) => void): void }): StatusCadence {
  const cadence: StatusCadence = { minutesBySeverity: { ...DEFAULT_MINUTES }, snoozes: [] };
  events.forEach((raw) => {
    const parsed = StoredCadenceEvent.safeParse(raw);
    if (!parsed.success) return;
    const { data: event } = parsed;
    if (event.type === 'minutes') cadence.minutesBySeverity[event.severity] = event.minutes;
    else if (event.until !== '') cadence.snoozes.push({ by: event.by, at: event.at, until: event.until, reason: event.reason });
  });
  return cadence;
}

function plusMinutes(instant: Instant, minutes: number): Instant {
  return DateTime.fromISO(instant, { zone: 'utc' }).plus({ minutes }).toUTC().toISO() as Instant;
}

/** When a snooze made now for `minutes` ends. */
export function snoozeUntil(at: Instant, minutes: number): Instant {
  return plusMinutes(at, minutes);
}

/**
 * When the next status update is due, or null when no cadence applies (the current
 * severity has none, or the incident is resolved). Due = the last update (or the incident's
 * start when none was sent) + the minutes for the CURRENT severity, so raising SEV2 to SEV1
 * brings the deadline closer at once. The latest snooze pushes it to its `until` when later.
 * A snooze made before the last update is spent: posting the update it waited for restarts
 * the clock, so an old snooze cannot silence the next one.
 */
export function nextUpdateDue(input: { incident: Incident; cadence: StatusCadence; updates: StatusUpdate[] }): Instant | null {
  const { incident, cadence, updates } = input;
  if (!isLive(incident)) return null;
  const minutes = cadence.minutesBySeverity[incident.severity];
  if (minutes === null || minutes === undefined) return null;
  let base = incidentStart(incident);
  for (const update of updates) if (update.postedAt > base) base = update.postedAt;
  let due = plusMinutes(base, minutes);
  let latest: CadenceSnooze | null = null;
  for (const snooze of cadence.snoozes) if (latest === null || snooze.at >= latest.at) latest = snooze;
  if (latest && latest.at >= base && latest.until > due) due = latest.until;
  return due;
}
