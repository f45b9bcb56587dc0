import * as Y from 'yjs';
import { compareEntries } from './order';
import { editsForEntry, foldEntry, groupEditsByEntry, type EntryEditRecord, type EntryRecord, type StoredEntryRecord } from './entryRecords';
import { z } from 'zod';
import { INCIDENT_FIELDS, POSTMORTEM_FIELDS } from './incidentRecords';
import { storedShape } from './recordFields';
import type { Incident, PostmortemSections, TimelineEntry } from './types';

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

const StoredIncidentMeta = z.object(storedShape(INCIDENT_FIELDS));
const StoredPostmortem = z.object(storedShape(POSTMORTEM_FIELDS));

/** The stored value of each field, keyed by field, ready for the field list's stored schema. */
function storedValues(map: { get(name: string): unknown }, names: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(names.map((name) => [name, map.get(name)]));
}

function readPostmortem(doc: Y.Doc): PostmortemSections {
  return StoredPostmortem.parse(storedValues(postmortemMap(doc), POSTMORTEM_SECTIONS));
}

/** The incident's fields, or null while the document has no meta yet (not created, or not synced). */
export function readIncident(doc: Y.Doc): Incident | null {
  const meta = metaMap(doc);
  const id = meta.get('id');
  if (typeof id !== 'string' || id === '') return null;
  const { reconstructed, ...fields } = StoredIncidentMeta.parse(storedValues(meta, Object.keys(INCIDENT_FIELDS)));
  return { ...fields, ...(reconstructed && { reconstructed: true }), postmortem: readPostmortem(doc) };
}

/** The meta every per-incident row (the home screen's index, the catalog) carries unchanged. */
export type IncidentHeadline = Pick<Incident, 'id' | 'title' | 'severity' | 'status' | 'timeZone' | 'createdAt' | 'resolvedAt'>;

/** The incident's headline: one projection, so the index row and the catalog row cannot name these fields differently. */
export function incidentHeadline(incident: Incident): IncidentHeadline {
  const { id, title, severity, status, timeZone, createdAt, resolvedAt } = incident;
  return { id, title, severity, status, timeZone, createdAt, resolvedAt };
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

