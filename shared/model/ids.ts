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

/**
 * Ids for a batch written at once (an import of 100,000 rows): one ULID, then that ULID with
 * a fixed-width counter appended. They sort in batch order right where the ULID sorts, can
 * never equal another id (no ULID is that long, and each batch starts from a fresh ULID), and
 * cost a string concatenation each instead of a ULID each.
 */
export function newIdBatch(nowMs: number = Date.now()): (index: number) => string {
  const first = newId(nowMs);
  return (index) => (index === 0 ? first : first + index.toString(36).padStart(BATCH_SUFFIX_DIGITS, '0'));
}
