import { monotonicFactory, ulid } from 'ulid';

// Ids are ULIDs: their first 48 bits are the creation time, so they sort by time and
// break ties between entries recorded in the same millisecond on one replica.

const nextMonotonic = monotonicFactory();
let lastMs = -Infinity;

/**
 * A new ULID stamped with `nowMs` (default: the current time). Ids made in the same
 * millisecond still increase; an older `nowMs` (e.g. when importing history) keeps its
 * own time prefix rather than borrowing the latest one.
 */
export function newId(nowMs: number = Date.now()): string {
  if (nowMs < lastMs) return ulid(nowMs);
  lastMs = nowMs;
  return nextMonotonic(nowMs);
}

/** Five base-36 digits: 60 million ids a batch, far above the import cap. */
const BATCH_SUFFIX_DIGITS = 5;
const BASE36_DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';
const BASE = BASE36_DIGITS.length;

/**
 * Ids for a batch written at once (an import of 100,000 rows): one ULID, then that ULID with
 * a fixed-width counter appended. They sort in batch order right where the ULID sorts, can
 * never equal another id (no ULID is that long, and each batch starts from a fresh ULID), and
 * cost one string each instead of a ULID each: the characters are written into one reused array
 * and read out as a single flat string (a concatenation, a radix conversion and a pad made
 * three short-lived strings an id, and left the id itself as a rope to flatten on first use).
 */
export function newIdBatch(nowMs: number = Date.now()): (index: number) => string {
  const first = newId(nowMs);
  const codes = Array.from({ length: first.length + BATCH_SUFFIX_DIGITS }, (_, i) => (i < first.length ? first.charCodeAt(i) : BASE36_DIGITS.charCodeAt(0)));
  return (index) => {
    if (index === 0) return first;
    let rest = index;
    for (let i = codes.length - 1; i >= first.length; i--) {
      codes[i] = BASE36_DIGITS.charCodeAt(rest % BASE);
      rest = Math.floor(rest / BASE);
    }
    return String.fromCharCode(...codes);
  };
}
