import { IANAZone } from 'luxon';
import type { Instant } from '../model/types';
import { FALLBACK_ZONE, isValidZone } from './zones';

// Fast wall-clock fields for timelines of 100k rows. Building a luxon DateTime per row costs
// ~20 µs (ISO parsing plus an Intl lookup of the offset), which would dominate an export.
// luxon stays the authority on zones: it gives the UTC offset, cached per zone and hour;
// the fields are then read from the shifted time in UTC, where no zone rules apply.
// test/wallClock.test.ts checks the result against luxon on random instants.

/**
 * Offsets change at most once in any hour (transitions are months apart), so when luxon
 * gives the same offset at both ends of an hour, the whole hour has that offset.
 */
const OFFSET_BUCKET_MS = 3_600_000;
/** Bounds the cache of a long-running host; about a year of hours for one zone. */
const MAX_CACHED_BUCKETS = 10_000;
const MS_PER_MINUTE = 60_000;

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Minutes east of UTC at that instant, as luxon reports it. */
  offset: number;
}

const zones = new Map<string, IANAZone>();
const offsets = new Map<string, Map<number, number>>();

/** The luxon zone for a name; an unusable name reads as UTC. */
export function ianaZone(zone: string): IANAZone {
  let cached = zones.get(zone);
  if (!cached) {
    cached = IANAZone.create(isValidZone(zone) ? zone : FALLBACK_ZONE);
    zones.set(zone, cached);
  }
  return cached;
}

function offsetAt(zone: IANAZone, ms: number): number {
  let byBucket = offsets.get(zone.name);
  if (!byBucket || byBucket.size > MAX_CACHED_BUCKETS) {
    byBucket = new Map();
    offsets.set(zone.name, byBucket);
  }
  const bucket = Math.floor(ms / OFFSET_BUCKET_MS);
  const cached = byBucket.get(bucket);
  if (cached !== undefined) return cached;
  const start = bucket * OFFSET_BUCKET_MS;
  const atStart = zone.offset(start);
  if (atStart === zone.offset(start + OFFSET_BUCKET_MS - 1)) {
    byBucket.set(bucket, atStart);
    return atStart;
  }
  return zone.offset(ms); // the hour of a transition: exact, uncached
}

/** Epoch milliseconds of a canonical Instant (NaN when it is not one). */
export function epochMillis(instant: Instant): number {
  return Date.parse(instant);
}

/** The calendar and clock fields of `instant` on the wall clock of `zone`. */
export function wallClock(instant: Instant, zone: string): WallClock {
  const ms = epochMillis(instant);
  const offset = offsetAt(ianaZone(zone), ms);
  const shifted = new Date(ms + offset * MS_PER_MINUTE);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    offset,
  };
}
