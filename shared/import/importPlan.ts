import { DateTime } from 'luxon';
import type { ImportEntryRow } from '../model/importEntries';
import { isValidZone } from '../time/zones';
import type { EntryKind } from '../model/types';
import type { ImportRow } from './importTypes';

// What the preview's choices make of the parsed rows: the import-wide kind, workstream and
// author, then each row's own changes, and the rows left out.

export interface ImportDefaults {
  /** The zone rows were read in; a row moved to another zone keeps its wall-clock time there. */
  zone?: string;
  /** "as read" keeps each format's kind (shell commands as terminal, chat as comms, logs as events, notes). */
  kind: EntryKind | 'as read';
  workstream: string;
  /** Empty keeps the author the source names, else the importer. */
  author: string;
}

export interface RowChange {
  include?: boolean;
  /** Read this row's wall-clock time in another zone (a line written by someone elsewhere). */
  zone?: string;
  kind?: EntryKind;
  workstream?: string;
  author?: string;
}

/** A row as the preview shows it and the import would write it: every choice applied. */
export type PlannedRow = Required<ImportEntryRow>;

export function planRow(row: ImportRow, defaults: ImportDefaults, change: RowChange | undefined): PlannedRow {
  return {
    line: row.line,
    occurredAt: change?.zone && defaults.zone && isValidZone(change.zone) ? rezoned(row.occurredAt, defaults.zone, change.zone) : row.occurredAt,
    text: row.text,
    original: row.original,
    kind: change?.kind ?? (defaults.kind === 'as read' ? (row.kind ?? 'note') : defaults.kind),
    workstream: change?.workstream ?? defaults.workstream,
    author: change?.author ?? (defaults.author !== '' ? defaults.author : (row.author ?? '')),
  };
}

/** The same wall-clock time in `to` as `at` shows in `from`; unchanged when either zone is unknown. */
export function rezoned(at: string, from: string, to: string): string {
  const moved = DateTime.fromISO(at, { zone: from }).setZone(to, { keepLocalTime: true });
  return moved.isValid ? (moved.toUTC().toISO() as string) : at;
}

/** Choices that leave every row as it was read: the parsed row is already what importEntries writes. */
function keepsRowsAsRead(defaults: ImportDefaults): boolean {
  return defaults.kind === 'as read' && defaults.workstream === '' && defaults.author === '';
}

/**
 * Rows to commit, in source order, without the ones deselected. A row nothing changes is passed on
 * as parsed rather than copied: at 100,000 rows the copies were a tenth of the import's time, and
 * being alive through the commit they were copied again by every garbage collection.
 */
export function planImport(rows: readonly ImportRow[], defaults: ImportDefaults, changes: ReadonlyMap<number, RowChange>): readonly ImportEntryRow[] {
  const asRead = keepsRowsAsRead(defaults);
  if (asRead && changes.size === 0) return rows;
  const out: ImportEntryRow[] = [];
  for (const row of rows) {
    const change = changes.get(row.line);
    if (change?.include === false) continue;
    out.push(asRead && change === undefined ? row : planRow(row, defaults, change));
  }
  return out;
}
