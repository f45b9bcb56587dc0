// "Started at" in the create form: typed as local wall time in the chosen zone,
// stored as a UTC instant. Luxon does the zone math so DST gaps are caught.
import { DateTime } from 'luxon';
import type { Instant } from '../../shared/model/types';
import { readLeadingTime, timeFormsHint, type DateOrder } from '../../shared/time/leadingTime';

export const START_TIME_FORMAT = 'yyyy-MM-dd HH:mm';
// Also accept the ISO "T" separator, which people paste from logs.
const ACCEPTED_FORMATS = [START_TIME_FORMAT, "yyyy-MM-dd'T'HH:mm", 'yyyy-MM-dd HH:mm:ss', "yyyy-MM-dd'T'HH:mm:ss"];

export function formatStartTime(instant: Instant, zone: string): string {
  return DateTime.fromISO(instant, { zone: 'utc' }).setZone(zone).toFormat(START_TIME_FORMAT);
}

export type StartTimeResult = { ok: true; instant: Instant } | { ok: false; error: string };

/**
 * A key time typed in a field: YYYY-MM-DD HH:MM exactly (a wall time skipped by DST refused),
 * else any form the quick-add bar reads ("0009", "14 May 2008 00:09 MST", "-2h"), as a whole.
 */
export function parseStartTime(text: string, zone: string, read: { now: Instant; dateOrder: DateOrder } | null = null): StartTimeResult {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  for (const format of ACCEPTED_FORMATS) {
    const local = DateTime.fromFormat(trimmed, format, { zone });
    if (!local.isValid) continue;
    // A wall time that does not exist (skipped by a DST change) is moved by luxon;
    // refuse it rather than silently record a different time.
    if (local.toFormat(format) !== trimmed) {
      return { ok: false, error: `${trimmed} does not exist in ${zone} (clocks changed); pick another time.` };
    }
    return { ok: true, instant: local.toUTC().toISO() as Instant };
  }
  if (read !== null && trimmed !== '') {
    const time = readLeadingTime(trimmed, DateTime.fromISO(read.now, { zone }), read.dateOrder);
    if (time.found && 'occurredAt' in time && time.rest.trim() === '') return { ok: true, instant: time.occurredAt };
    if (time.found && 'error' in time) return { ok: false, error: time.error };
    return { ok: false, error: `Can't read “${trimmed}” as a time: use YYYY-MM-DD HH:MM or ${timeFormsHint(read.dateOrder)}.` };
  }
  return { ok: false, error: `Write the start time as YYYY-MM-DD HH:MM, e.g. 2026-11-21 14:25.` };
}
