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

/** Epoch milliseconds of an Instant (assumed valid). */
export function instantMillis(instant: Instant): number {
  return DateTime.fromISO(instant, { zone: 'utc' }).toMillis();
}
