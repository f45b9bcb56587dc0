import { ENTRY_KINDS } from './types';
import type { EditableEntryField, EntryEdit, Instant, Provenance, Retraction, TimelineEntry } from './types';
import { flag, instant, nestedOrNull, oneOf, requiredText, text } from './recordFields';

// How a timeline entry is stored, and how its stored parts fold into the plain view.
// An entry is one immutable creation record (in the `entries` map) plus the edits that
// name it in the append-only `entryEdits` log. Plain objects rather than a Y.Map per entry
// cost a fraction of the memory and update size at 100k entries; the log's order is the
// same on every replica, so folding it gives every replica the same entry and history.
// Folding never throws: odd values read as their empty value (ENTRY_FIELDS, shared with the archive).

/** The values an entry was created with. Written once, never set again. */
export type EntryRecord = Omit<TimelineEntry, 'retraction' | 'history'>;

/**
 * The creation record as the `entries` map stores it: one JSON string. Yjs encodes an object
 * value key by key, so a record as an object costs 16 strings to encode and decode on every
 * sync; as one string it costs one. At 100k entries that is the difference between about a
 * second and a tenth of one when a replica opens the incident.
 */
export type StoredEntryRecord = string;

/**
 * Layout 1: `[1, occurredAt, recordedAt, author, kind, text, workstream, key]`, and for an
 * imported entry a ninth value, its provenance `[source, line, original]`. Positional, and
 * without the id (the map key is the id): field names and the repeated id were ~110 of ~290
 * bytes an entry, paid again in every sync, every load and every buffer the host holds.
 */
const RECORD_LAYOUT = 1;

export function encodeEntryRecord(record: EntryRecord): StoredEntryRecord {
  const { provenance: p } = record;
  if (p) return JSON.stringify([RECORD_LAYOUT, record.occurredAt, record.recordedAt, record.author, record.kind, record.text, record.workstream, record.key, storedProvenance(p, record.text)]);
  return JSON.stringify([RECORD_LAYOUT, record.occurredAt, record.recordedAt, record.author, record.kind, record.text, record.workstream, record.key]);
}

/**
 * Most imported lines are a timestamp and then the entry's text: such a line is stored as
 * `[source, line, prefix, 1]`, the prefix alone, and read back as prefix + text. Any other
 * line is stored whole, `[source, line, original]`. Half the bytes for a log import.
 */
const PREFIX_OF_TEXT = 1;

/**
 * The part of the original line to store: the prefix before the entry's text when the line ends
 * with it, else the whole line. It is a prefix exactly when it is shorter than the line.
 */
function keptOriginal(original: string, text: string): string {
  return text !== '' && original.endsWith(text) ? original.slice(0, original.length - text.length) : original;
}

function storedProvenance(p: Provenance, text: string): [string, number, string] | [string, number, string, typeof PREFIX_OF_TEXT] {
  const kept = keptOriginal(p.original, text);
  return kept.length < p.original.length ? [p.source, p.line, kept, PREFIX_OF_TEXT] : [p.source, p.line, kept];
}

/** A character JSON.stringify would escape (a quote, a backslash, a control character), or a surrogate half it might. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what JSON escapes
const ESCAPED_IN_JSON = /["\\\u0000-\u001f\ud800-\udfff]/;

/** `value` as a JSON string without its quotes: the string itself when nothing in it is escaped (most log text). */
function jsonStringBody(value: string): string {
  if (!ESCAPED_IN_JSON.test(value)) return value;
  const json = JSON.stringify(value);
  return json.slice(1, json.length - 1);
}

/**
 * encodeEntryRecord for an imported batch, with the same output: the values every row shares
 * (when recorded, the source) are written to JSON once, and each row's strings once, without
 * building an array of values per row. The record is joined from its pieces rather than written
 * as a template: a template leaves a rope of some fifteen strings, which Yjs then keeps, and which
 * every garbage collection during the import copies piece by piece; a join leaves one flat string
 * (at 100,000 rows, a third of the encoding time). A text with nothing to escape goes into the join
 * as it is, not through JSON.stringify: one string less per row to allocate and to copy.
 */
export function batchRecordEncoder(
  recordedAt: Instant,
  source: string,
): (record: Omit<EntryRecord, 'id' | 'recordedAt' | 'provenance'>, line: number, original: string) => StoredEntryRecord {
  const head = `[${RECORD_LAYOUT},"`;
  const recorded = `",${JSON.stringify(recordedAt)},`;
  const from = `,[${JSON.stringify(source)},`;
  const relativeEnd = `",${PREFIX_OF_TEXT}]]`;
  const wholeEnd = '"]]';
  // What stands between the time and the text, and between the text and the line, changes only when
  // the author, kind, workstream or key does, which in a batch is rarely: each is written when it changes.
  // Each ends (or starts) with the quote of the text beside it.
  const between = { author: '', kind: '', json: '' };
  const after = { workstream: '', key: false, json: '' };
  return (r, line, original) => {
    const kept = keptOriginal(original, r.text);
    if (between.json === '' || r.author !== between.author || r.kind !== between.kind) {
      // A kind holds no character JSON escapes.
      Object.assign(between, { author: r.author, kind: r.kind, json: `${recorded}${JSON.stringify(r.author)},"${r.kind}","` });
    }
    if (after.json === '' || r.workstream !== after.workstream || r.key !== after.key) {
      Object.assign(after, { workstream: r.workstream, key: r.key, json: `",${JSON.stringify(r.workstream)},${r.key}${from}` });
    }
    // An instant holds no character JSON escapes.
    const pieces = [head, r.occurredAt, between.json, jsonStringBody(r.text), after.json, line, ',"', jsonStringBody(kept), kept.length < original.length ? relativeEnd : wholeEnd];
    return pieces.join('');
  };
}

/** Provenance as stored, with the created text it may be relative to; anything else is no provenance. */
export function readProvenance(value: unknown, text: unknown): Provenance | undefined {
  if (!Array.isArray(value) || value.length < 3) return undefined;
  const [source, line, stored, relative] = value as unknown[];
  if (typeof source !== 'string' || typeof line !== 'number' || typeof stored !== 'string') return undefined;
  if (relative === PREFIX_OF_TEXT) return typeof text === 'string' ? { source, line, original: stored + text } : undefined;
  return { source, line, original: stored };
}

type DecodedRecord = Partial<Record<keyof EntryRecord, unknown>>;

function fromLayout(values: readonly unknown[]): DecodedRecord {
  if (values[0] !== RECORD_LAYOUT) return {};
  const [, occurredAt, recordedAt, author, kind, text, workstream, key, provenance] = values;
  return { occurredAt, recordedAt, author, kind, text, workstream, key, provenance };
}

/** The front of a layout-1 record as encodeEntryRecord writes it: `[1,"<occurredAt>","<recordedAt>",…`. */
const RECORD_TIMES = /^\[1,"([^"\\]*)","([^"\\]*)"/;

/**
 * A stored record's occurredAt and recordedAt, read off its front without parsing the rest (the
 * text is most of it): choosing the newest of 100k entries then allocates two short strings an
 * entry instead of a whole decoded record. Any other shape is decoded in full.
 */
export function recordTimes(stored: unknown): { occurredAt: unknown; recordedAt: unknown } {
  const front = typeof stored === 'string' ? RECORD_TIMES.exec(stored) : null;
  if (front) return { occurredAt: front[1], recordedAt: front[2] };
  const { occurredAt, recordedAt } = decodeEntryRecord(stored);
  return { occurredAt, recordedAt };
}

/** The stored record's fields; an unreadable value reads as an empty record (readers never throw). */
export function decodeEntryRecord(stored: unknown): DecodedRecord {
  let value = stored;
  if (typeof stored === 'string') {
    try {
      value = JSON.parse(stored);
    } catch {
      return {};
    }
  }
  if (Array.isArray(value)) return fromLayout(value);
  // Tolerated: a record written as a plain object (older replicas, hand-made documents).
  return value !== null && typeof value === 'object' ? (value as DecodedRecord) : {};
}

export type EntryEditRecordField = EditableEntryField | 'retraction';

/** One change to one entry, appended to the `entryEdits` log. `value` is the new value. */
export interface EntryEditRecord {
  entryId: string;
  by: string;
  at: Instant;
  field: EntryEditRecordField;
  value: string | boolean | Retraction;
}

export const EDITABLE_ENTRY_FIELDS = ['text', 'occurredAt', 'kind', 'workstream', 'key'] as const satisfies readonly EditableEntryField[];

const editable: ReadonlySet<string> = new Set(EDITABLE_ENTRY_FIELDS);

/**
 * An entry's fields as the archive holds them and as the creation record stores them; stored,
 * an unknown kind reads as a note and anything but `true` as not key. The fold reads them with
 * each field's plain `read` (the timeline is 100k rows; see recordFields.ts), the archive with
 * its strict schema. Retraction, history and provenance are stored in other shapes (an edit
 * log; a positional, text-relative provenance), so only their own fields are shared.
 */
export const ENTRY_FIELDS = {
  id: requiredText,
  occurredAt: instant,
  recordedAt: instant,
  author: text,
  kind: oneOf(ENTRY_KINDS, 'note'),
  text,
  workstream: text,
  key: flag,
};

/** A retraction: who, when and why. */
export const RETRACTION_FIELDS = { by: text, at: instant, reason: text };

/** One change in an entry's history; `previous` is the value the change replaced. */
export const ENTRY_EDIT_FIELDS = { by: text, at: instant };

const StoredRetraction = nestedOrNull(RETRACTION_FIELDS).stored;

export function readRetraction(value: unknown): Retraction | null {
  return StoredRetraction.parse(value);
}

type Fields = Record<EditableEntryField, unknown>;

/** A stored value as the reader exposes it. */
function readField(field: EditableEntryField, raw: unknown): string | boolean {
  return ENTRY_FIELDS[field].read(raw);
}

/**
 * History keeps the value exactly as stored when it has a plain type, so an imported
 * history (whose `previous` values may be anything an archive held) reads back unchanged.
 */
function previousValue(field: EditableEntryField, raw: unknown): string | boolean {
  return typeof raw === 'string' || typeof raw === 'boolean' ? raw : readField(field, raw);
}

function isEditRecord(value: unknown): value is EntryEditRecord {
  return value !== null && typeof value === 'object' && typeof (value as EntryEditRecord).field === 'string';
}

/** One entry's plain view: its creation record, then `edits` applied in log order. `id` (the map key) wins over the record's. */
export function foldEntry(record: unknown, edits: readonly unknown[] = [], id?: string): TimelineEntry {
  const created = decodeEntryRecord(record);
  const current: Fields = {
    text: created.text,
    occurredAt: created.occurredAt,
    kind: created.kind,
    workstream: created.workstream,
    key: created.key,
  };
  const history: EntryEdit[] = [];
  const provenance = readProvenance(created.provenance, created.text);
  let retraction: Retraction | null = null;
  for (const edit of edits) {
    if (!isEditRecord(edit)) continue;
    if (edit.field === 'retraction') {
      // A second, concurrent retraction stays in the log; the first one in log order is the entry's.
      retraction ??= readRetraction(edit.value);
    } else if (editable.has(edit.field)) {
      const field = edit.field;
      history.push({ by: ENTRY_EDIT_FIELDS.by.read(edit.by), at: ENTRY_EDIT_FIELDS.at.read(edit.at), field, previous: previousValue(field, current[field]) });
      current[field] = edit.value;
    }
  }
  return {
    id: id ?? ENTRY_FIELDS.id.read(created.id),
    occurredAt: ENTRY_FIELDS.occurredAt.read(current.occurredAt),
    recordedAt: ENTRY_FIELDS.recordedAt.read(created.recordedAt),
    author: ENTRY_FIELDS.author.read(created.author),
    kind: ENTRY_FIELDS.kind.read(current.kind),
    text: ENTRY_FIELDS.text.read(current.text),
    workstream: ENTRY_FIELDS.workstream.read(current.workstream),
    key: ENTRY_FIELDS.key.read(current.key),
    retraction,
    history,
    ...(provenance && { provenance }),
  };
}

/** The log's edits per entry id, each list in log order. One pass. */
export function groupEditsByEntry(edits: { forEach(fn: (edit: EntryEditRecord) => void): void }): Map<string, EntryEditRecord[]> {
  const byEntry = new Map<string, EntryEditRecord[]>();
  edits.forEach((edit) => {
    if (!isEditRecord(edit) || typeof edit.entryId !== 'string') return;
    const list = byEntry.get(edit.entryId);
    if (list) list.push(edit);
    else byEntry.set(edit.entryId, [edit]);
  });
  return byEntry;
}

/** One entry's edits, in log order. One pass over the log. */
export function editsForEntry(edits: { forEach(fn: (edit: EntryEditRecord) => void): void }, entryId: string): EntryEditRecord[] {
  const found: EntryEditRecord[] = [];
  edits.forEach((edit) => {
    if (isEditRecord(edit) && edit.entryId === entryId) found.push(edit);
  });
  return found;
}
