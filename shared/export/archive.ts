// The JSON incident archive: every field of the incident, its timeline and its coordination
// (decisions, checklists, actions, status updates, roles), versioned, for export and
// import. Version 2 added the `response` field, which holds the coordination (the file format keeps
// that key so version 2 files stay readable); a version 1 file still imports, with none. Import validates with zod (strict objects, so a typo'd or
// foreign field is an error rather than silently dropped) and reports the first
// problem with its field path, e.g. "entries[3].occurredAt: Invalid ISO datetime".
import { z } from 'zod';
import { compareEntries } from '../model/order';
import { EMPTY_COORDINATION } from '../model/coordination';
import type { CoordinationState } from '../model/coordinationTypes';
import { EDITABLE_ENTRY_FIELDS, ENTRY_EDIT_FIELDS, ENTRY_FIELDS, RETRACTION_FIELDS } from '../model/entryRecords';
import { archiveShape } from '../model/recordFields';
import { INCIDENT_FIELDS, POSTMORTEM_FIELDS } from '../model/incidentRecords';
import { incidentStart } from '../model/incidentStart';
import type { Incident, IncidentSnapshot, Instant, TimelineEntry } from '../model/types';
import { dayKey } from '../time/format';
import { nowInstant } from '../time/instant';
import { FALLBACK_ZONE, isValidZone } from '../time/zones';
import { InstantSchema } from './instantSchema';
import { CoordinationSchema } from './coordinationSchema';

export const ARCHIVE_FORMAT = 'war-room-incident';
/** The version toArchive writes. */
export const ARCHIVE_VERSION = 2;
/** Versions parseArchive reads: 1 (the incident and its timeline only) and 2 (adds decisions, checklists, actions, status updates and roles)  */
export const READABLE_ARCHIVE_VERSIONS = [1, ARCHIVE_VERSION] as const;

export interface Archive {
  format: typeof ARCHIVE_FORMAT;
  version: typeof ARCHIVE_VERSION;
  exportedAt: Instant;
  incident: Incident;
  entries: TimelineEntry[];
  response: CoordinationState;
}

/** A version 1 file: the same, without `response`. */
export type ArchiveV1 = Omit<Archive, 'version' | 'response'> & { version: 1 };

const IncidentSchema = z.strictObject({ ...archiveShape(INCIDENT_FIELDS), postmortem: z.strictObject(archiveShape(POSTMORTEM_FIELDS)) });

const RetractionSchema = z.strictObject(archiveShape(RETRACTION_FIELDS));

const EntryEditSchema = z.strictObject({
  ...archiveShape(ENTRY_EDIT_FIELDS),
  field: z.enum(EDITABLE_ENTRY_FIELDS),
  previous: z.union([z.string(), z.boolean()]),
});

/** An entry's folded view: the creation record's fields (shared with the stored reader), its retraction, history and provenance. */
const EntrySchema = z.strictObject({
  ...archiveShape(ENTRY_FIELDS),
  retraction: RetractionSchema.nullable(),
  history: z.array(EntryEditSchema),
  provenance: z.strictObject({ source: z.string(), line: z.number().int().nonnegative(), original: z.string() }).optional(),
});

const EntriesSchema = z.array(EntrySchema).superRefine((entries, ctx) => {
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    if (seen.has(entry.id)) ctx.addIssue({ code: 'custom', message: `Duplicate entry id ${entry.id}`, path: [index, 'id'] });
    seen.add(entry.id);
  });
});

export const ArchiveSchema: z.ZodType<Archive> = z.strictObject({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.literal(ARCHIVE_VERSION),
  exportedAt: InstantSchema,
  incident: IncidentSchema,
  entries: EntriesSchema,
  response: CoordinationSchema,
});

export const ArchiveV1Schema: z.ZodType<ArchiveV1> = z.strictObject({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.literal(1),
  exportedAt: InstantSchema,
  incident: IncidentSchema,
  entries: EntriesSchema,
});

/** A deep copy through JSON: every coordination value is plain JSON data by construction. */
function copyCoordination(coordination: CoordinationState): CoordinationState {
  return JSON.parse(JSON.stringify(coordination)) as CoordinationState;
}

/** The archive of a snapshot, entries in timeline order, sharing no objects with the snapshot. */
export function toArchive(snapshot: IncidentSnapshot, exportedAt: Instant = nowInstant()): Archive {
  const { incident } = snapshot;
  return {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    exportedAt,
    incident: { ...incident, postmortem: { ...incident.postmortem } },
    entries: [...snapshot.entries].sort(compareEntries).map((entry) => ({
      ...entry,
      retraction: entry.retraction ? { ...entry.retraction } : null,
      history: entry.history.map((edit) => ({ ...edit })),
    })),
    response: copyCoordination(snapshot.coordination),
  };
}

export type ParseArchiveResult = { ok: true; snapshot: IncidentSnapshot } | { ok: false; message: string; field: string | null };

/** "entries[3].occurredAt" from zod's path. */
function fieldPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) text += typeof key === 'number' ? `[${key}]` : `${text === '' ? '' : '.'}${String(key)}`;
  return text;
}

function fail(message: string, field: string | null): ParseArchiveResult {
  return { ok: false, message: field ? `${field}: ${message}` : message, field };
}

function parseJson(json: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(json) as unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    // "Unexpected end of JSON input" carries no position; the end is where it went wrong.
    const where = /position \d+/.test(reason) ? '' : ` (at position ${json.length})`;
    return { ok: false, message: `Invalid JSON: ${reason}${where}` };
  }
}

/** Format and version first, so a foreign or newer file gets a message about that, not its fields. */
function checkEnvelope(value: unknown): ParseArchiveResult | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail('Not a War Room incident archive: expected a JSON object', null);
  }
  const { format, version } = value as Record<string, unknown>;
  if (format !== ARCHIVE_FORMAT) {
    return fail(`Not a War Room incident archive: format must be "${ARCHIVE_FORMAT}", got ${JSON.stringify(format) ?? 'nothing'}`, 'format');
  }
  if (!(READABLE_ARCHIVE_VERSIONS as readonly unknown[]).includes(version)) {
    const readable = READABLE_ARCHIVE_VERSIONS.join(' and ');
    return fail(`Unsupported archive version ${JSON.stringify(version) ?? '(missing)'}; this War Room reads versions ${readable}`, 'version');
  }
  return null;
}

/** Validates an archive file's text; on success the snapshot's entries are in timeline order. */
export function parseArchive(json: string): ParseArchiveResult {
  const parsed = parseJson(json);
  if (!parsed.ok) return fail(parsed.message, null);
  const envelopeProblem = checkEnvelope(parsed.value);
  if (envelopeProblem) return envelopeProblem;
  const isV1 = (parsed.value as { version?: unknown }).version === 1;
  const result = (isV1 ? ArchiveV1Schema : ArchiveSchema).safeParse(parsed.value);
  if (!result.success) {
    const issue = result.error.issues[0];
    return fail(issue?.message ?? 'Invalid archive', issue ? fieldPath(issue.path) || null : null);
  }
  const { incident, entries } = result.data;
  // A version 1 file predates decisions, checklists and the rest: it had none, so it gets an empty one (a copy, never the shared constant).
  const coordination = 'response' in result.data ? result.data.response : copyCoordination(EMPTY_COORDINATION);
  return { ok: true, snapshot: { incident, entries: [...entries].sort(compareEntries), coordination } };
}

/** Longest title part of a file name; keeps names readable in file dialogs. */
const MAX_SLUG_LENGTH = 60;

function slug(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const short = words.slice(0, MAX_SLUG_LENGTH).replace(/-+$/, '');
  return short === '' ? 'incident' : short;
}

/** "2026-11-21-db-outage-postmortem.md" / "2026-11-21-db-outage-incident.json", dated in the incident's zone. */
export function exportFileName(incident: Incident, format: 'md' | 'json'): string {
  const start = incidentStart(incident);
  const zone = isValidZone(incident.timeZone) ? incident.timeZone : FALLBACK_ZONE;
  const suffix = format === 'md' ? 'postmortem.md' : 'incident.json';
  return `${dayKey(start, zone)}-${slug(incident.title)}-${suffix}`;
}
