// A keyed view of an append-only Y.Array log (entry edits, decision or action events): each
// record's events, kept current from the log's Y events so that re-reading one record never
// scans the whole log. Appends at the end (local writes and most remote ones) are grouped and
// added; a remote insert merged into the middle (a concurrent write) has its records' lists
// rebuilt in one scan. No React and no DOM, so it runs wherever the Y.Doc lives.
import type * as Y from 'yjs';

/** Groups log values by the record they belong to, in log order, dropping values that are no event. */
export type GroupLog<E> = (values: { forEach(fn: (value: never) => void): void }) => Map<string, E[]>;

/** What one transaction did to the log. */
export interface LogChange<V = unknown> {
  inserted: V[];
  /** Every insert landed after all values that were there before. */
  atTail: boolean;
  /** Values were removed; the model never does this, but a damaged peer might. */
  removed: boolean;
}

/** Reads a log event's delta. Must be called inside the observer (Yjs computes deltas only then). */
export function logChange<V>(event: Y.YArrayEvent<V>, logLength: number): LogChange<V> {
  const inserted: V[] = [];
  let removed = false;
  for (const op of event.changes.delta) {
    if (Array.isArray(op.insert)) inserted.push(...(op.insert as V[]));
    if (op.delete !== undefined) removed = true;
  }
  // Everything at or past this index is new; an insert before it went into the middle.
  const tailStart = logLength - inserted.length;
  let position = 0;
  let atTail = true;
  for (const op of event.changes.delta) {
    if (op.retain !== undefined) position += op.retain;
    else if (Array.isArray(op.insert)) {
      if (position < tailStart) atTail = false;
      position += op.insert.length;
    }
  }
  return { inserted, atTail, removed };
}

export class KeyedLogIndex<E> {
  private byKey: Map<string, E[]>;

  constructor(
    private readonly log: Y.Array<unknown>,
    private readonly group: GroupLog<E>,
  ) {
    this.byKey = group(log as never);
  }

  /** A record's events in log order (empty when none). */
  eventsOf(id: string): readonly E[] {
    return this.byKey.get(id) ?? [];
  }

  /** Applies one transaction's change; returns the ids of records whose event lists changed. */
  apply(change: LogChange): Set<string> {
    const fresh = this.group(change.inserted as never);
    const ids = new Set<string>(fresh.keys());
    if (change.removed) {
      // Unknown which records lost events: start over and report every record with events, before and after.
      for (const id of this.byKey.keys()) ids.add(id);
      this.byKey = this.group(this.log as never);
      for (const id of this.byKey.keys()) ids.add(id);
    } else if (change.atTail) {
      for (const [id, events] of fresh) {
        const list = this.byKey.get(id);
        if (list) list.push(...events);
        else this.byKey.set(id, events);
      }
    } else {
      const regrouped = this.group(this.log as never);
      for (const id of ids) {
        const events = regrouped.get(id);
        if (events) this.byKey.set(id, events);
        else this.byKey.delete(id);
      }
    }
    return ids;
  }
}
