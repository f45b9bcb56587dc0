import { DateTime } from 'luxon';
import type { Decision } from './coordinationTypes';
import type { Instant } from './types';

// When a decision is due to be looked at again, and how long until then in words a
// tired reader takes in at a glance ("in 42 min", "overdue 5 min").

const REVISIT_STATUSES: ReadonlySet<Decision['status']> = new Set(['proposed', 'decided']);
const MINUTES_PER_HOUR = 60;
const MS_PER_MINUTE = 60_000;

/** Decisions still in play whose revisit time has come (revisitAt <= now), soonest first. */
export function dueRevisits(decisions: readonly Decision[], now: Instant): Decision[] {
  const nowMs = DateTime.fromISO(now, { zone: 'utc' }).toMillis();
  return decisions
    .filter((d) => d.revisitAt !== null && REVISIT_STATUSES.has(d.status))
    .filter((d) => DateTime.fromISO(d.revisitAt as string, { zone: 'utc' }).toMillis() <= nowMs)
    .sort((a, b) => ((a.revisitAt as string) < (b.revisitAt as string) ? -1 : 1));
}

function minutesWords(totalMinutes: number): string {
  if (totalMinutes < MINUTES_PER_HOUR) return `${totalMinutes} min`;
  const hours = Math.floor(totalMinutes / MINUTES_PER_HOUR);
  const minutes = totalMinutes % MINUTES_PER_HOUR;
  return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
}

/** "in 42 min", "in 2 h 5 min", "due now", "overdue 5 min"; '' when there is no revisit time. */
export function revisitCountdown(revisitAt: Instant | null, now: Instant): string {
  if (!revisitAt) return '';
  const diff = DateTime.fromISO(revisitAt, { zone: 'utc' }).diff(DateTime.fromISO(now, { zone: 'utc' }));
  if (!diff.isValid) return '';
  const ms = diff.toMillis();
  // Whole minutes toward the due time: "in 1 min" until it is due, then "overdue 1 min" a minute after.
  const minutes = Math.floor(Math.abs(ms) / MS_PER_MINUTE);
  if (ms > 0) return `in ${minutesWords(Math.max(1, minutes))}`;
  return minutes === 0 ? 'due now' : `overdue ${minutesWords(minutes)}`;
}

/** An instant `minutes` after `from`: used for "Snooze 15 min" and "Revisit in N min". */
export function minutesAfter(from: Instant, minutes: number): Instant {
  return DateTime.fromISO(from, { zone: 'utc' }).plus({ minutes }).toUTC().toISO() as Instant;
}
