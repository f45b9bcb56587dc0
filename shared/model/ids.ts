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
