import * as Y from 'yjs';
import { compareEntries } from './order';
import { editsForEntry, foldEntry, groupEditsByEntry, type EntryEditRecord, type EntryRecord, type StoredEntryRecord } from './entryRecords';
import { readLabels } from './incidentLabelRecords';
import { SEVERITIES, STATUSES } from './types';
import type {
  Incident,
  IncidentStatus,
  Instant,
  PostmortemSections,
  Severity,
  TimelineEntry,
} from './types';
import { storedText } from './storedFields';

export type { EntryEditRecord, EntryRecord, StoredEntryRecord } from './entryRecords';

// The incident document's layout and its readers. Writers live in commands.ts.
// Entries are stored as immutable creation records plus an append-only edit log
// (see entryRecords.ts); readers fold the two into TimelineEntry.
// Readers are tolerant: a field missing from a replica (older client, partial sync) reads
// as its empty value rather than throwing, so one odd entry never hides the timeline.

/** Bumped when the layout below changes incompatibly; stored in meta.schemaVersion. */
export const DOC_SCHEMA_VERSION = 2;

export const META = 'meta';
export const ENTRIES = 'entries';
export const POSTMORTEM = 'postmortem';
export const ENTRY_EDITS = 'entryEdits';

export const POSTMORTEM_SECTIONS = ['rootCause', 'wentWell', 'wentWrong', 'gotLucky'] as const satisfies readonly (keyof PostmortemSections)[];

export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(META);
}

export function entriesMap(doc: Y.Doc): Y.Map<StoredEntryRecord> {
  return doc.getMap<StoredEntryRecord>(ENTRIES);
}

/** The append-only log of every entry edit and retraction, in the order all replicas agree on. */
export function entryEditsArray(doc: Y.Doc): Y.Array<EntryEditRecord> {
  return doc.getArray<EntryEditRecord>(ENTRY_EDITS);
}

/** A stored entry value: a JSON string (or, tolerated, a plain object). Anything else (a damaged or foreign value) is no entry. */
export function isRecord(value: unknown): value is StoredEntryRecord | EntryRecord {
  return typeof value === 'string' || (value !== null && typeof value === 'object' && !(value instanceof Y.AbstractType));
}

/** The incident's fields as the `meta` map holds them (everything but the postmortem sections). */
export type IncidentMeta = Omit<Incident, 'postmortem'>;

/** Writes every meta field and the schema version; call inside the caller's transaction. */
export function writeIncidentMeta(doc: Y.Doc, incident: IncidentMeta): void {
  const meta = metaMap(doc);
  meta.set('schemaVersion', DOC_SCHEMA_VERSION);
  for (const [key, value] of Object.entries(incident)) meta.set(key, value);
}

export function postmortemMap(doc: Y.Doc): Y.Map<string> {
  return doc.getMap<string>(POSTMORTEM);
}

/** A damaged severity reads as the lowest one, so a bad value never raises an alarm. */
const UNKNOWN_SEVERITY: Severity = 'SEV4';

const severities: ReadonlySet<string> = new Set(SEVERITIES);
const statuses: ReadonlySet<string> = new Set(STATUSES);

function instantOrNull(value: unknown): Instant | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function readPostmortem(doc: Y.Doc): PostmortemSections {
  const map = postmortemMap(doc);
  return {
    rootCause: storedText(map.get('rootCause')),
    wentWell: storedText(map.get('wentWell')),
    wentWrong: storedText(map.get('wentWrong')),
    gotLucky: storedText(map.get('gotLucky')),
  };
}

/** The incident's fields, or null while the document has no meta yet (not created, or not synced). */
export function readIncident(doc: Y.Doc): Incident | null {
  const meta = metaMap(doc);
  const id = meta.get('id');
  if (typeof id !== 'string' || id === '') return null;
  const severity = storedText(meta.get('severity'));
  const status = storedText(meta.get('status'));
  return {
    id,
    title: storedText(meta.get('title')),
    severity: severities.has(severity) ? (severity as Severity) : UNKNOWN_SEVERITY,
    status: statuses.has(status) ? (status as IncidentStatus) : STATUSES[0],
    createdAt: storedText(meta.get('createdAt')),
    detectedAt: instantOrNull(meta.get('detectedAt')),
    impactStartedAt: instantOrNull(meta.get('impactStartedAt')),
    mitigatedAt: instantOrNull(meta.get('mitigatedAt')),
    resolvedAt: instantOrNull(meta.get('resolvedAt')),
    timeZone: storedText(meta.get('timeZone')) || 'UTC',
    summary: storedText(meta.get('summary')),
    impact: storedText(meta.get('impact')),
    commander: storedText(meta.get('commander')),
    services: readLabels(meta.get('services')),
    tags: readLabels(meta.get('tags')),
    ...(meta.get('reconstructed') === true && { reconstructed: true }),
    postmortem: readPostmortem(doc),
  };
}

/** One entry's plain view, or null when the doc has no entry `id`. Scans the edit log once. */
export function readEntry(doc: Y.Doc, id: string): TimelineEntry | null {
  const record = entriesMap(doc).get(id);
  if (!isRecord(record)) return null;
  return foldEntry(record, editsForEntry(entryEditsArray(doc), id), id);
}

/** Every entry, retracted ones included, in timeline order: one pass over each of the map and the log, then one sort. */
export function readEntries(doc: Y.Doc): TimelineEntry[] {
  const editsByEntry = groupEditsByEntry(entryEditsArray(doc));
  const entries: TimelineEntry[] = [];
  entriesMap(doc).forEach((record, id) => {
    // The map key is authoritative: it is what commands look entries up by.
    if (isRecord(record)) entries.push(foldEntry(record, editsByEntry.get(id), id));
  });
  return entries.sort(compareEntries);
}

