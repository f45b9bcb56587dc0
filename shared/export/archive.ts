// The JSON incident archive: every field of the incident, its timeline, its coordination
// (decisions, checklists, actions, status updates, roles) and its situation (the leading hypothesis,
// the ones ruled out, the history of the summary, impact and hypothesis), versioned, for export and
// import. Version 1 holds the incident and its timeline. Version 2 added the `response` field, which
// holds the coordination (the file format keeps that key so version 2 files stay readable). Version 3
// added the `situation` field. An older file still imports, with an empty coordination and situation.
// A new field gets a new version: the schemas are strict, so an older War Room given the new field
// says "Unsupported archive version" rather than something obscure about an unknown key.
// Import validates with zod (strict objects, so a typo'd or foreign field is an error rather than
// silently dropped) and reports the first problem with its field path, e.g.
// "entries[3].occurredAt: Invalid ISO datetime".
import { z } from 'zod';
import { compareEntries } from '../model/order';
import { EMPTY_COORDINATION } from '../model/coordination';
import type { CoordinationState } from '../model/coordinationTypes';
import { EDITABLE_ENTRY_FIELDS, ENTRY_EDIT_FIELDS, ENTRY_FIELDS, RETRACTION_FIELDS } from '../model/entryRecords';
import { archiveShape } from '../model/recordFields';
import { INCIDENT_FIELDS, POSTMORTEM_FIELDS } from '../model/incidentRecords';
import { incidentStart } from '../model/incidentStart';
import { emptySituation, type Situation } from '../model/situation';
import type { Incident, IncidentSnapshot, Instant, TimelineEntry } from '../model/types';
import { dayKey } from '../time/format';
import { nowInstant } from '../time/instant';
import { FALLBACK_ZONE, isValidZone } from '../time/zones';
import { InstantSchema } from './instantSchema';
import { CoordinationSchema } from './coordinationSchema';
import { SituationSchema } from './situationSchema';

export const ARCHIVE_FORMAT = 'war-room-incident';
/** The version toArchive writes. */
export const ARCHIVE_VERSION = 3;
/**
 * Versions parseArchive reads: 1 (the incident and its timeline), 2 (adds decisions, checklists,
 * actions, status updates and roles) and 3 (adds the hypotheses and the history of the summary,
 * impact and hypothesis).
 */
export const READABLE_ARCHIVE_VERSIONS = [1, 2, ARCHIVE_VERSION] as const;

export interface Archive {
  format: typeof ARCHIVE_FORMAT;
  version: typeof ARCHIVE_VERSION;
  exportedAt: Instant;
  incident: Incident;
  entries: TimelineEntry[];
  response: CoordinationState;
  situation: Situation;
}

/** A version 2 file: the same, without `situation`. */
export type ArchiveV2 = Omit<Archive, 'version' | 'situation'> & { version: 2 };

/** A version 1 file: a version 2 one without `response`. */
export type ArchiveV1 = Omit<ArchiveV2, 'version' | 'response'> & { version: 1 };

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

/** What every version holds: the envelope, the incident and its timeline. */
function baseShape<const V extends number>(version: V) {
  return { format: z.literal(ARCHIVE_FORMAT), version: z.literal(version), exportedAt: InstantSchema, incident: IncidentSchema, entries: EntriesSchema };
}

export const ArchiveSchema: z.ZodType<Archive> = z.strictObject({ ...baseShape(ARCHIVE_VERSION), response: CoordinationSchema, situation: SituationSchema });

export const ArchiveV2Schema: z.ZodType<ArchiveV2> = z.strictObject({ ...baseShape(2), response: CoordinationSchema });

export const ArchiveV1Schema: z.ZodType<ArchiveV1> = z.strictObject(baseShape(1));

const SCHEMA_OF_VERSION: Record<(typeof READABLE_ARCHIVE_VERSIONS)[number], z.ZodType<Archive | ArchiveV2 | ArchiveV1>> = {
  1: ArchiveV1Schema,
  2: ArchiveV2Schema,
  [ARCHIVE_VERSION]: ArchiveSchema,
};

/** A deep copy through JSON: every coordination and situation value is plain JSON data by construction. */
function copyJson<T extends CoordinationState | Situation>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
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
    response: copyJson(snapshot.coordination),
    situation: copyJson(snapshot.situation),
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
    const readable = `${READABLE_ARCHIVE_VERSIONS.slice(0, -1).join(', ')} and ${READABLE_ARCHIVE_VERSIONS.at(-1)}`;
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
  const version = (parsed.value as { version: (typeof READABLE_ARCHIVE_VERSIONS)[number] }).version;
  const result = SCHEMA_OF_VERSION[version].safeParse(parsed.value);
  if (!result.success) {
    const issue = result.error.issues[0];
    return fail(issue?.message ?? 'Invalid archive', issue ? fieldPath(issue.path) || null : null);
  }
  const { incident, entries } = result.data;
  // An older file predates what a later version added: it had none, so it gets an empty one (a copy, never a shared constant).
  const coordination = 'response' in result.data ? result.data.response : copyJson(EMPTY_COORDINATION);
  const situation = 'situation' in result.data ? result.data.situation : emptySituation();
  return { ok: true, snapshot: { incident, entries: [...entries].sort(compareEntries), coordination, situation } };
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
