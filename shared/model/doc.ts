import * as Y from 'yjs';
import { compareEntries } from './order';
import { ENTRY_KINDS, SEVERITIES, STATUSES } from './types';
import type {
  EntryEdit,
  EntryKind,
  Incident,
  IncidentSnapshot,
  IncidentStatus,
  Instant,
  PostmortemSections,
  Retraction,
  Severity,
  TimelineEntry,
} from './types';

// The incident document's layout and its readers. Writers live in commands.ts.
// Readers are tolerant: a field missing from a replica (older client, partial sync) reads
// as its empty value rather than throwing, so one odd entry never hides the timeline.

/** Bumped when the layout below changes incompatibly; stored in meta.schemaVersion. */
export const DOC_SCHEMA_VERSION = 1;

export const META = 'meta';
export const ENTRIES = 'entries';
export const POSTMORTEM = 'postmortem';

export const POSTMORTEM_SECTIONS = ['rootCause', 'wentWell', 'wentWrong', 'gotLucky'] as const satisfies readonly (keyof PostmortemSections)[];

export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(META);
}

export function entriesMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(ENTRIES);
}

export function postmortemMap(doc: Y.Doc): Y.Map<string> {
  return doc.getMap<string>(POSTMORTEM);
}

/** A damaged severity reads as the lowest one, so a bad value never raises an alarm. */
const UNKNOWN_SEVERITY: Severity = 'SEV4';

const severities: ReadonlySet<string> = new Set(SEVERITIES);
const statuses: ReadonlySet<string> = new Set(STATUSES);
const kinds: ReadonlySet<string> = new Set(ENTRY_KINDS);

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function instantOrNull(value: unknown): Instant | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function readPostmortem(doc: Y.Doc): PostmortemSections {
  const map = postmortemMap(doc);
  return {
    rootCause: str(map.get('rootCause')),
    wentWell: str(map.get('wentWell')),
    wentWrong: str(map.get('wentWrong')),
    gotLucky: str(map.get('gotLucky')),
  };
}

/** The incident's fields, or null while the document has no meta yet (not created, or not synced). */
export function readIncident(doc: Y.Doc): Incident | null {
  const meta = metaMap(doc);
  const id = meta.get('id');
  if (typeof id !== 'string' || id === '') return null;
  const severity = str(meta.get('severity'));
  const status = str(meta.get('status'));
  return {
    id,
    title: str(meta.get('title')),
    severity: severities.has(severity) ? (severity as Severity) : UNKNOWN_SEVERITY,
    status: statuses.has(status) ? (status as IncidentStatus) : STATUSES[0],
    createdAt: str(meta.get('createdAt')),
    detectedAt: instantOrNull(meta.get('detectedAt')),
    impactStartedAt: instantOrNull(meta.get('impactStartedAt')),
    mitigatedAt: instantOrNull(meta.get('mitigatedAt')),
    resolvedAt: instantOrNull(meta.get('resolvedAt')),
    timeZone: str(meta.get('timeZone')) || 'UTC',
    summary: str(meta.get('summary')),
    impact: str(meta.get('impact')),
    commander: str(meta.get('commander')),
    postmortem: readPostmortem(doc),
  };
}

function readRetraction(value: unknown): Retraction | null {
  if (value === null || typeof value !== 'object') return null;
  const r = value as Partial<Retraction>;
  return { by: str(r.by), at: str(r.at), reason: str(r.reason) };
}

function readHistory(value: unknown): EntryEdit[] {
  // Plain objects inside the Y.Array; copied so callers cannot mutate the document's values.
  if (!(value instanceof Y.Array) || value.length === 0) return [];
  return value.toArray().map((edit: EntryEdit) => ({ ...edit }));
}

/** One entry's plain view. */
export function readEntry(entry: Y.Map<unknown>): TimelineEntry {
  const kind = str(entry.get('kind'));
  return {
    id: str(entry.get('id')),
    occurredAt: str(entry.get('occurredAt')),
    recordedAt: str(entry.get('recordedAt')),
    author: str(entry.get('author')),
    kind: kinds.has(kind) ? (kind as EntryKind) : 'note',
    text: str(entry.get('text')),
    workstream: str(entry.get('workstream')),
    key: entry.get('key') === true,
    retraction: readRetraction(entry.get('retraction')),
    history: readHistory(entry.get('history')),
  };
}

/** Every entry, retracted ones included, in timeline order. One pass and one sort. */
export function readEntries(doc: Y.Doc): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  entriesMap(doc).forEach((entry, id) => {
    if (!(entry instanceof Y.Map)) return;
    const read = readEntry(entry);
    // The map key is authoritative: it is what commands look entries up by.
    if (read.id !== id) read.id = id;
    entries.push(read);
  });
  return entries.sort(compareEntries);
}

/** The incident and its ordered timeline, or null while there is no incident. */
export function readSnapshot(doc: Y.Doc): IncidentSnapshot | null {
  const incident = readIncident(doc);
  return incident ? { incident, entries: readEntries(doc) } : null;
}
