// The store's ledger of rows that would not decode, per document. Rows in `updates` are found by a
// scan when the store opens; a bad snapshot is found when its document is read. Acknowledgements
// are kept in the store (table unreadable_row_acks), so they outlive the process; the rows themselves
// are never deleted, and compaction leaves a document that has one alone.
import type { UnreadableRow } from '../../shared/protocol/unreadableRows';
import { incidentIdFromDocName } from '../../shared/protocol/api';

export type StoredTable = UnreadableRow['table'];

export class UnreadableRowLedger {
  private readonly byDoc = new Map<string, UnreadableRow[]>();

  constructor(
    private readonly file: string,
    private readonly isAcknowledged: (docName: string, table: StoredTable, rowId: number) => boolean,
    private readonly changed: () => void,
  ) {}

  /** A row of `docName` that failed to decode with `err`. */
  row(docName: string, table: StoredTable, rowId: number, err: unknown): UnreadableRow {
    return {
      incidentId: incidentIdFromDocName(docName) ?? docName,
      file: this.file,
      table,
      rowId,
      reason: err instanceof Error ? err.message : String(err),
      acknowledged: this.isAcknowledged(docName, table, rowId),
    };
  }

  /** Everything now known to be unreadable in one document, after a full read of it. */
  setDoc(docName: string, rows: UnreadableRow[]): void {
    const before = JSON.stringify(this.byDoc.get(docName) ?? []);
    if (rows.length === 0) this.byDoc.delete(docName);
    else this.byDoc.set(docName, rows);
    if (JSON.stringify(rows) !== before) this.changed();
  }

  forDoc(docName: string): UnreadableRow[] {
    return this.byDoc.get(docName) ?? [];
  }

  all(): UnreadableRow[] {
    return [...this.byDoc.values()].flat();
  }

  /**
   * The first row that still holds writes to this document back, if any. An acknowledgement made by
   * another process (`warroom acknowledge` beside a running `serve`) is read from the store here.
   */
  blocking(docName: string): UnreadableRow | undefined {
    const rows = this.forDoc(docName);
    if (rows.every((r) => r.acknowledged)) return undefined;
    const now = rows.map((r) => (r.acknowledged || !this.isAcknowledged(docName, r.table, r.rowId) ? r : { ...r, acknowledged: true }));
    if (now.some((r, i) => r !== rows[i])) this.setDoc(docName, now);
    return now.find((r) => !r.acknowledged);
  }

  /** Marks every row of the document acknowledged; returns how many were not yet. */
  acknowledge(docName: string): UnreadableRow[] {
    const open = this.forDoc(docName).filter((r) => !r.acknowledged);
    if (open.length > 0) this.setDoc(docName, this.forDoc(docName).map((r) => ({ ...r, acknowledged: true })));
    return open;
  }
}
