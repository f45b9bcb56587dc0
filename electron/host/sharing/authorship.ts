// Who a room connection may write as. Every record a person adds to an incident names them:
// an entry its author, an edit or retraction its editor, a decision, action or checklist its
// creator, a log event (decide, done, tick, confirm) whoever did it. A room connection may add
// such records only under the identity its token grants, so a responder cannot put words in
// someone else's mouth or confirm a dangerous step as the second person. Editing or retracting
// someone else's entry stays allowed: the edit record carries the editor's name, which is checked.
//
// An update is judged against the live document before it is applied. Its items carry their
// parent only when they start a map key or a list; otherwise the parent is the parent of their
// left (or right) neighbour, which lives in the document or earlier in the same update. So each
// new item is traced to its root collection, and the values it adds to an authored collection
// are read with the model's own decoders. Records are never deleted, so an update that deletes
// one is refused too, as is anything that cannot be traced (it would wait, unchecked, for a
// dependency and land later).
import * as Y from 'yjs';
import { AUTHORED_COLLECTIONS } from './authorNames';

/** `items`: the update's new items, for judging the connection's next update before this one is applied. */
export type AuthorshipVerdict = { ok: true; items: Y.Item[] } | { ok: false; why: string; needsName: boolean };

/** Where an item sits: its root collection, and whether it is nested below the root's own values. */
interface Placement {
  root: string;
  nested: boolean;
}

type DecodedStruct = ReturnType<typeof Y.decodeUpdate>['structs'][number];

/** The items per client that the document does not hold yet, in clock order (decodeUpdate yields them so). */
function indexByClient(structs: readonly DecodedStruct[]): Map<number, Y.Item[]> {
  const byClient = new Map<number, Y.Item[]>();
  for (const s of structs) {
    if (!(s instanceof Y.Item)) continue;
    const list = byClient.get(s.id.client) ?? [];
    list.push(s);
    byClient.set(s.id.client, list);
  }
  for (const list of byClient.values()) list.sort((x, y) => x.id.clock - y.id.clock);
  return byClient;
}

class PlacementFinder {
  private readonly memo = new Map<Y.Item, Placement | null>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly own: Map<number, Y.Item[]>,
  ) {}

  /**
   * The root collection of a new item from the update; null when it cannot be traced. Walks the
   * chain of neighbours and parents without recursion (an update can chain thousands of items).
   */
  ofNew(start: Y.Item): Placement | null {
    // Each step: the item, and whether it reached the next one through its parent (so it is nested).
    const chain: Array<{ item: Y.Item; viaParent: boolean }> = [];
    let item: Y.Item | null = start;
    let found: Placement | null = null;
    while (item) {
      const known = this.memo.get(item);
      if (known !== undefined) {
        found = known;
        break;
      }
      // Marked untraceable while in progress, so a crafted cycle of origins ends as untraceable.
      this.memo.set(item, null);
      if (typeof item.parent === 'string') {
        chain.push({ item, viaParent: false });
        found = { root: item.parent, nested: false };
        break;
      }
      const viaParent = item.parent instanceof Y.ID;
      chain.push({ item, viaParent });
      // A neighbour shares its parent, so its placement is ours; a parent type makes us nested.
      const ref: Y.ID | null = item.parent instanceof Y.ID ? item.parent : (item.origin ?? item.rightOrigin);
      if (ref === null) break;
      const live = this.liveItem(ref);
      if (live) {
        found = this.ofLive(live);
        break;
      }
      item = this.ownItem(ref);
    }
    // Back along the chain: an item that sits in a string-named root is itself that root's value.
    let placement = found;
    for (let i = chain.length - 1; i >= 0; i--) {
      const step = chain[i] as { item: Y.Item; viaParent: boolean };
      if (typeof step.item.parent === 'string') placement = { root: step.item.parent, nested: false };
      else if (step.viaParent && placement) placement = { root: placement.root, nested: true };
      this.memo.set(step.item, placement);
    }
    return placement;
  }

  /** The update's own item holding `id` (binary search: each client's items are in clock order). */
  private ownItem(id: Y.ID): Y.Item | null {
    const items = this.own.get(id.client);
    if (!items) return null;
    let lo = 0;
    let hi = items.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const candidate = items[mid] as Y.Item;
      if (id.clock < candidate.id.clock) hi = mid - 1;
      else if (id.clock >= candidate.id.clock + candidate.length) lo = mid + 1;
      else return candidate;
    }
    return null;
  }

  private liveItem(id: Y.ID): Y.Item | null {
    if (id.clock >= Y.getState(this.doc.store, id.client)) return null;
    const struct = Y.getItem(this.doc.store, id) as unknown;
    return struct instanceof Y.Item ? struct : null;
  }

  /** A live item's root: walk up from its parent type. */
  ofLive(item: Y.Item): Placement | null {
    let type = item.parent as Y.AbstractType<unknown> | null;
    let nested = false;
    while (type?._item) {
      nested = true;
      type = type._item.parent as Y.AbstractType<unknown> | null;
    }
    const root = type ? Y.findRootTypeKey(type) : null;
    return root === null ? null : { root, nested };
  }
}

function isNew(doc: Y.Doc, item: Y.Item): boolean {
  return item.id.clock + item.length > Y.getState(doc.store, item.id.client);
}

/** The items `doc` does not hold yet. */
export function notYetIn(doc: Y.Doc, items: readonly Y.Item[]): Y.Item[] {
  return items.filter((i) => isNew(doc, i));
}

/** Whether a deleted range covers a live item of an authored collection. */
function deletesRecord(doc: Y.Doc, finder: PlacementFinder, ds: ReturnType<typeof Y.decodeUpdate>['ds']): boolean {
  for (const [client, ranges] of ds.clients) {
    const known = Y.getState(doc.store, client);
    for (const { clock, len } of ranges) {
      for (let at = clock; at < Math.min(clock + len, known); ) {
        const struct = Y.getItem(doc.store, Y.createID(client, at)) as unknown;
        if (struct instanceof Y.Item && !struct.deleted) {
          const placement = finder.ofLive(struct);
          if (placement && AUTHORED_COLLECTIONS.has(placement.root)) return true;
        }
        const s = struct as { id: Y.ID; length: number };
        at = s.id.clock + s.length;
      }
    }
  }
  return false;
}

/**
 * Whether `update`, applied to `doc`, adds only records written by `identity` (null: the
 * connection has no identity yet, so it may add no records at all). `earlier`: the items of
 * this connection's updates that were accepted but may not be applied yet.
 */
export function judgeAuthorship(doc: Y.Doc, update: Uint8Array, identity: string | null, earlier: readonly Y.Item[] = []): AuthorshipVerdict {
  const { structs, ds } = Y.decodeUpdate(update);
  const fresh = structs.filter((s): s is Y.Item => s instanceof Y.Item && isNew(doc, s));
  const finder = new PlacementFinder(doc, indexByClient([...notYetIn(doc, earlier), ...fresh]));
  for (const item of fresh) {
    const placement = finder.ofNew(item);
    if (placement === null) return { ok: false, why: 'a change that depends on changes the host does not have', needsName: false };
    const claims = AUTHORED_COLLECTIONS.get(placement.root);
    if (!claims || item.content instanceof Y.ContentDeleted) continue;
    if (placement.nested || !(item.content instanceof Y.ContentAny)) return { ok: false, why: `a value in ${placement.root} that is not a record`, needsName: false };
    for (const value of item.content.arr) {
      const names = claims(value);
      if (identity === null) return { ok: false, why: `a record in ${placement.root} before the connection gave its name`, needsName: true };
      if (names.length === 0 || names.some((n) => n !== identity)) {
        return { ok: false, why: `a record in ${placement.root} written as “${names.join(', ')}”, not as “${identity}”`, needsName: false };
      }
    }
  }
  if (deletesRecord(doc, finder, ds)) return { ok: false, why: 'the deletion of a record (records are retracted, never deleted)', needsName: false };
  return { ok: true, items: fresh };
}
