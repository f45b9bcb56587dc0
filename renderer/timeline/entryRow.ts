// The per-entry snapshot the timeline renders. It is built once per change of
// that entry, so filtering and day grouping over 100k rows never re-derive
// strings or re-parse instants.
import type { TimelineEntry } from '../../shared/model/types';

export interface EntryRow extends TimelineEntry {
  /** occurredAt as epoch ms, so day grouping compares numbers, not strings through luxon. */
  occurredMs: number;
  /** Lower-cased text, author and workstream: full-text search is one `includes` per row. */
  searchText: string;
}

export function toEntryRow(entry: TimelineEntry): EntryRow {
  // Spelled out rather than spread: one fixed object shape keeps 100k rows fast to build and read.
  return {
    id: entry.id,
    occurredAt: entry.occurredAt,
    recordedAt: entry.recordedAt,
    author: entry.author,
    kind: entry.kind,
    text: entry.text,
    workstream: entry.workstream,
    key: entry.key,
    retraction: entry.retraction,
    history: entry.history,
    provenance: entry.provenance,
    occurredMs: Date.parse(entry.occurredAt),
    searchText: `${entry.text}\n${entry.author}\n${entry.workstream}`.toLowerCase(),
  };
}

/** Whether two rows would render identically; used to keep identity when an event changed nothing visible. */
export function sameEntryRow(a: EntryRow, b: EntryRow): boolean {
  return (
    a.occurredAt === b.occurredAt &&
    a.recordedAt === b.recordedAt &&
    a.author === b.author &&
    a.kind === b.kind &&
    a.text === b.text &&
    a.workstream === b.workstream &&
    a.key === b.key &&
    JSON.stringify(a.retraction) === JSON.stringify(b.retraction) &&
    a.history.length === b.history.length
  );
}
