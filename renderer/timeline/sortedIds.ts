// Binary-search maintenance of the timeline's sorted id list, so one changed
// entry costs O(log n) comparisons plus one splice instead of a 100k-row re-sort.

export type OrderKey = { occurredAt: string; recordedAt: string; id: string };

/** First index whose entry sorts at or after `key`. */
export function lowerBound(
  ids: readonly string[],
  key: OrderKey,
  lookup: (id: string) => OrderKey,
  compare: (a: OrderKey, b: OrderKey) => number,
): number {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(lookup(ids[mid] as string), key) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function sameOrderKey(a: OrderKey, b: OrderKey): boolean {
  return a.occurredAt === b.occurredAt && a.recordedAt === b.recordedAt && a.id === b.id;
}
