// An immutable id → record map that a patch copies only a small part of: the records sit in a
// fixed number of buckets by a hash of their id, and `patched` copies the bucket array and the
// buckets the patch touches, sharing every other bucket with the version before. At 100k
// records one changed record copies one bucket of a few hundred, not a 100k Map: every version
// stays valid for whoever still holds it (React's previous render, a memo, a test's snapshot).

/** Enough buckets that one holds about a hundred records of a 100k-entry incident: a patch copies that many. */
const BUCKET_COUNT = 1024;

/** Characters of an id that choose its bucket: ULIDs end in 16 random characters, UUIDs in 12. */
const HASHED_TAIL = 10;

const EMPTY_BUCKET: ReadonlyMap<string, never> = new Map<string, never>();

function bucketOf(id: string): number {
  // FNV-1a over the id's last characters, where ULIDs and UUIDv7s keep their random part (the
  // front is a timestamp that many ids share): an even spread at a third of a full hash's cost.
  let hash = 0x811c9dc5;
  for (let i = Math.max(0, id.length - HASHED_TAIL); i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % BUCKET_COUNT;
}

export class KeyedRecords<R> implements ReadonlyMap<string, R> {
  private constructor(
    private readonly buckets: readonly ReadonlyMap<string, R>[],
    readonly size: number,
    /** The same object for every version descended from one `empty()`: what caches of derived models key on. */
    readonly lineage: object,
  ) {}

  static empty<R>(): KeyedRecords<R> {
    return new KeyedRecords<R>(new Array<ReadonlyMap<string, R>>(BUCKET_COUNT).fill(EMPTY_BUCKET), 0, {});
  }

  get(id: string): R | undefined {
    return (this.buckets[bucketOf(id)] as ReadonlyMap<string, R>).get(id);
  }

  has(id: string): boolean {
    return (this.buckets[bucketOf(id)] as ReadonlyMap<string, R>).has(id);
  }

  /** A new version with `removed` gone, then `upserted` set; this one is left as it was. Itself when the patch changes nothing. */
  patched(upserted: Iterable<readonly [string, R]>, removed: Iterable<string> = []): KeyedRecords<R> {
    const base = this.buckets;
    let buckets: ReadonlyMap<string, R>[] | null = null;
    // Which buckets this patch has copied already (each is copied once, then written in place).
    let copied: Uint8Array | null = null;
    let size = this.size;
    const writable = (index: number): Map<string, R> => {
      if (!buckets || !copied) {
        buckets = base.slice();
        copied = new Uint8Array(BUCKET_COUNT);
      }
      if (copied[index] === 0) {
        copied[index] = 1;
        buckets[index] = new Map(buckets[index]);
      }
      return buckets[index] as Map<string, R>;
    };
    for (const id of removed) {
      const index = bucketOf(id);
      if (!(buckets ?? base)[index]?.has(id)) continue;
      writable(index).delete(id);
      size -= 1;
    }
    for (const [id, record] of upserted) {
      const index = bucketOf(id);
      const bucket = (buckets ?? base)[index] as ReadonlyMap<string, R>;
      const held = bucket.get(id);
      if (held !== undefined && held === record) continue;
      if (held === undefined && !bucket.has(id)) size += 1;
      writable(index).set(id, record);
    }
    return buckets ? new KeyedRecords(buckets, size, this.lineage) : this;
  }

  /** Every record in one array (no order): faster than spreading `values()` over the buckets. */
  toArray(): R[] {
    const all: R[] = [];
    for (const bucket of this.buckets) for (const record of bucket.values()) all.push(record);
    return all;
  }

  *entries(): MapIterator<[string, R]> {
    for (const bucket of this.buckets) yield* bucket.entries();
  }

  *keys(): MapIterator<string> {
    for (const bucket of this.buckets) yield* bucket.keys();
  }

  *values(): MapIterator<R> {
    for (const bucket of this.buckets) yield* bucket.values();
  }

  [Symbol.iterator](): MapIterator<[string, R]> {
    return this.entries();
  }

  forEach(fn: (value: R, key: string, map: ReadonlyMap<string, R>) => void): void {
    for (const bucket of this.buckets) for (const [id, record] of bucket) fn(record, id, this);
  }
}

/** What caches of models derived from a record map key on: the lineage of a KeyedRecords, else the map itself. */
export function recordsLineage(records: ReadonlyMap<string, unknown>): object {
  return records instanceof KeyedRecords ? records.lineage : records;
}
