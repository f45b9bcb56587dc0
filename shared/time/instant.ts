import { DateTime } from 'luxon';
import type { Instant } from '../model/types';

// Instants are stored in one canonical spelling (UTC, milliseconds, trailing Z) so that
// plain string comparison is chronological comparison on every replica.

/** The canonical Instant for epoch milliseconds. */
export function instantFromMillis(ms: number): Instant {
  return DateTime.fromMillis(ms, { zone: 'utc' }).toISO() as Instant;
}

/** The current time as an Instant. */
export function nowInstant(): Instant {
  return instantFromMillis(DateTime.now().toMillis());
}

/**
 * Reads an ISO-8601 UTC string (with `Z`) and returns its canonical spelling,
 * or null when it is not a valid UTC instant. Offsets other than `Z` are refused on
 * purpose: the document stores UTC only and a stray offset usually means a bug upstream.
 */
export function canonicalInstant(value: string): Instant | null {
  if (!/Z$/.test(value)) return null;
  const parsed = DateTime.fromISO(value, { zone: 'utc' });
  return parsed.isValid ? (parsed.toISO() as Instant) : null;
}

/** True when the value is already in canonical form. */
export function isCanonicalInstant(value: unknown): value is Instant {
  return typeof value === 'string' && canonicalInstant(value) === value;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Whether the calendar has this day (Date.parse rolls 30 February over to March; a timeline must not). */
export function isRealDay(year: number, month: number, day: number): boolean {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day >= 1 && day <= (month === 2 && !leap ? 28 : (DAYS_IN_MONTH[month - 1] ?? 0));
}

/** The canonical spelling, `#` for a digit. */
const CANONICAL_SHAPE = '####-##-##T##:##:##.###Z';
export const CANONICAL_INSTANT_LENGTH = CANONICAL_SHAPE.length;
/**
 * The same shape as a sticky pattern (read at `lastIndex`): one native scan is about twice as fast as
 * comparing the 24 characters one by one from script, which an import of 100,000 rows does twice a row.
 */
const CANONICAL_SHAPE_AT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/y;

/** The number written by the digits at `text[from, to)`; the caller has checked they are digits. */
function digitsAt(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + text.charCodeAt(i) - 0x30;
  return n;
}

/**
 * Whether `text` holds a canonical instant (`2008-05-14T07:09:00.123Z`, a real day and time) at
 * `start`, read from its characters without building a string or a date: an import checks one
 * per row, 100,000 rows at a time. What follows the instant is not looked at.
 */
export function isCanonicalInstantAt(text: string, start = 0): boolean {
  CANONICAL_SHAPE_AT.lastIndex = start;
  if (!CANONICAL_SHAPE_AT.test(text)) return false;
  const year = digitsAt(text, start, start + 4);
  const month = digitsAt(text, start + 5, start + 7);
  const day = digitsAt(text, start + 8, start + 10);
  return isRealDay(year, month, day) && digitsAt(text, start + 11, start + 13) < 24 && digitsAt(text, start + 14, start + 16) < 60 && digitsAt(text, start + 17, start + 19) < 60;
}

/** Epoch milliseconds of an Instant (assumed valid). */
export function instantMillis(instant: Instant): number {
  return DateTime.fromISO(instant, { zone: 'utc' }).toMillis();
}
