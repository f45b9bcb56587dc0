// The adapter's per-entry view of the append-only edit log, kept current from the
// log's Y events so that re-reading one entry never scans the whole log. Local edits
// (and most remote ones) land at the log's end and are appended; a remote edit merged
// into the middle (a concurrent edit) has its entries' lists rebuilt in one scan.
import type * as Y from 'yjs';
import { groupEditsByEntry, type EntryEditRecord } from '../../shared/model/entryRecords';

/** What one transaction did to the log. */
export interface LogChange {
  inserted: EntryEditRecord[];
  /** Every insert landed after all records that were there before. */
  atTail: boolean;
  /** Records were removed; the schema never does this, but a damaged peer might. */
  removed: boolean;
}

/** Reads a log event's delta. Must be called inside the observer (Yjs computes deltas only then). */
export function logChange(event: Y.YArrayEvent<EntryEditRecord>, logLength: number): LogChange {
  const inserted: EntryEditRecord[] = [];
  let removed = false;
  for (const op of event.changes.delta) {
    if (Array.isArray(op.insert)) inserted.push(...(op.insert as EntryEditRecord[]));
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

export class EntryEditIndex {
  private byEntry: Map<string, EntryEditRecord[]>;

  constructor(private readonly log: Y.Array<EntryEditRecord>) {
    this.byEntry = groupEditsByEntry(log);
  }

  /** An entry's edits in log order (empty when none). */
  editsOf(id: string): readonly EntryEditRecord[] {
    return this.byEntry.get(id) ?? [];
  }

  /** Applies one transaction's change; returns the ids of entries whose edit lists changed. */
  apply(change: LogChange): Set<string> {
    const ids = new Set<string>();
    for (const edit of change.inserted) if (typeof edit?.entryId === 'string') ids.add(edit.entryId);
    if (change.removed) {
      // Unknown which entries lost records: start over and report every entry with edits, before and after.
      for (const id of this.byEntry.keys()) ids.add(id);
      this.byEntry = groupEditsByEntry(this.log);
      for (const id of this.byEntry.keys()) ids.add(id);
    } else if (change.atTail) {
      const fresh = groupEditsByEntry(change.inserted);
      for (const [id, edits] of fresh) {
        const list = this.byEntry.get(id);
        if (list) list.push(...edits);
        else this.byEntry.set(id, edits);
      }
    } else {
      for (const id of ids) this.byEntry.delete(id);
      this.log.forEach((edit) => {
        if (!ids.has(edit?.entryId)) return;
        const list = this.byEntry.get(edit.entryId);
        if (list) list.push(edit);
        else this.byEntry.set(edit.entryId, [edit]);
      });
    }
    return ids;
  }
}
