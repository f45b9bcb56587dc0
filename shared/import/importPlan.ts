import type { ImportEntryRow } from '../model/importEntries';
import type { EntryKind } from '../model/types';
import type { ImportRow } from './importTypes';

// What the preview's choices make of the parsed rows: the import-wide kind, workstream and
// author, then each row's own changes, and the rows left out.

export interface ImportDefaults {
  /** "as read" keeps each format's kind (shell commands as terminal, chat as comms, logs as events, notes). */
  kind: EntryKind | 'as read';
  workstream: string;
  /** Empty keeps the author the source names, else the importer. */
  author: string;
}

export interface RowChange {
  include?: boolean;
  kind?: EntryKind;
  workstream?: string;
  author?: string;
}

export function planRow(row: ImportRow, defaults: ImportDefaults, change: RowChange | undefined): ImportEntryRow {
  return {
    line: row.line,
    occurredAt: row.occurredAt,
    text: row.text,
    original: row.original,
    kind: change?.kind ?? (defaults.kind === 'as read' ? (row.kind ?? 'note') : defaults.kind),
    workstream: change?.workstream ?? defaults.workstream,
    author: change?.author ?? (defaults.author !== '' ? defaults.author : (row.author ?? '')),
  };
}

/** Rows to commit, in source order, without the ones deselected. */
export function planImport(rows: readonly ImportRow[], defaults: ImportDefaults, changes: ReadonlyMap<number, RowChange>): ImportEntryRow[] {
  const out: ImportEntryRow[] = [];
  for (const row of rows) {
    const change = changes.get(row.line);
    if (change?.include === false) continue;
    out.push(planRow(row, defaults, change));
  }
  return out;
}
