import type * as Y from 'yjs';
import { CANONICAL_INSTANT_LENGTH, instantMillis, isCanonicalInstantAt } from '../time/instant';
import { CommandError } from './commandError';
import { commandTime, requireIncident, runCommand, type CommandContext } from './commandContext';
import { entriesMap } from './doc';
import { batchRecordEncoder, decodeEntryRecord, readProvenance } from './entryRecords';
import { newIdBatch } from './ids';
import { ENTRY_KINDS, type EntryKind, type Instant } from './types';

// Writes an imported batch in one transaction: every row or none. Each entry keeps where it
// came from (source, line, the line as it was), so a second import of the same source skips
// what is already there. Rows come from the import parsers, already read; they are checked
// here with plain tests rather than a schema per row, so 100,000 rows stay fast.

export interface ImportEntryRow {
  line: number;
  occurredAt: Instant;
  text: string;
  original: string;
  /** A note when the source says nothing of it. */
  kind?: EntryKind | undefined;
  /** None when absent. */
  workstream?: string | undefined;
  /** Who the source says wrote it; the importer when absent or empty. */
  author?: string | undefined;
}

export interface ImportEntriesResult {
  added: number;
  /** Rows already imported from this source (same line and text). */
  skipped: number;
}

const NON_BLANK = /\S/;
const kinds: ReadonlySet<string> = new Set(ENTRY_KINDS);

function dedupeKey(source: string, line: number, text: string): string {
  return `${source}\u0000${line}\u0000${text}`;
}

/** The (source, line, text) of every entry already imported from `source`. */
function importedFrom(doc: Y.Doc, source: string): Set<string> {
  const seen = new Set<string>();
  entriesMap(doc).forEach((stored) => {
    // Cheap test first: only records that mention the source can hold its provenance.
    if (typeof stored === 'string' && !stored.includes(JSON.stringify(source))) return;
    const record = decodeEntryRecord(stored);
    const provenance = readProvenance(record.provenance, record.text);
    if (provenance?.source === source && typeof record.text === 'string') seen.add(dedupeKey(source, provenance.line, record.text));
  });
  return seen;
}

/** A refused row's message names it by position and source line; built only when a row is refused. */
function refuse(row: ImportEntryRow, index: number, problem: string): never {
  throw new CommandError('invalid', `Row ${index + 1} (line ${row.line})${problem}`, 'rows');
}

function checkRow(row: ImportEntryRow, index: number): void {
  if (row.occurredAt.length !== CANONICAL_INSTANT_LENGTH || !isCanonicalInstantAt(row.occurredAt)) refuse(row, index, `: “${row.occurredAt}” is not a UTC time.`);
  if (!NON_BLANK.test(row.text)) refuse(row, index, ' has no text.');
  if (row.kind !== undefined && !kinds.has(row.kind)) refuse(row, index, `: kind is one of ${ENTRY_KINDS.join(', ')}.`);
  if (!Number.isInteger(row.line) || row.line < 0) refuse(row, index, ': the line number is not a whole number.');
}

export function importEntries(doc: Y.Doc, ctx: CommandContext, input: { source: string; rows: readonly ImportEntryRow[] }): ImportEntriesResult {
  const source = input.source.trim();
  if (source === '') throw new CommandError('invalid', 'Name the source of the import (a file name, or "pasted").', 'source');
  requireIncident(doc);
  input.rows.forEach(checkRow);
  const seen = importedFrom(doc, source);
  const at = commandTime(ctx);
  const recordedMs = instantMillis(at);
  const entries = entriesMap(doc);
  let added = 0;
  let skipped = 0;
  // Lines of one source are distinct, so only rows already in the document can repeat.
  const checkSeen = seen.size > 0;
  const idAt = newIdBatch(recordedMs);
  const encode = batchRecordEncoder(at, source);
  runCommand(doc, ctx, () => {
    for (const row of input.rows) {
      if (checkSeen && seen.has(dedupeKey(source, row.line, row.text))) {
        skipped++;
        continue;
      }
      const author = row.author === undefined || row.author.trim() === '' ? ctx.author : row.author;
      const record = { occurredAt: row.occurredAt, author, kind: row.kind ?? 'note', text: row.text, workstream: row.workstream?.trim() ?? '', key: false };
      entries.set(idAt(added), encode(record, row.line, row.original));
      added++;
    }
  });
  return { added, skipped };
}
