import * as Y from 'yjs';
import { instantMillis } from '../time/instant';
import { CommandError, validate } from './commandError';
import {
  AddEntrySchema,
  CreateIncidentSchema,
  EntryPatchSchema,
  IdSchema,
  IncidentPatchSchema,
  ReasonSchema,
  SectionSchema,
  SeveritySchema,
  StatusSchema,
} from './commandSchemas';
import { entriesMap, writeIncidentMeta, entryEditsArray, metaMap, postmortemMap, readEntry } from './doc';
import { encodeEntryRecord, type EntryRecord } from './entryRecords';
import { newId } from './ids';
import { recordSituationEdit, SITUATION_FIELDS, type SituationField } from './situation';
import type {
  EditableEntryField,
  EntryKind,
  Incident,
  IncidentStatus,
  Instant,
  PostmortemSections,
  Retraction,
  Severity,
  TimelineEntry,
} from './types';
import { putKeyTimeEntry } from './keyTimes';
import { commandTime as stamp, requireIncident, runCommand as run, type CommandContext } from './commandContext';
import { storedText } from './storedFields';

// Every write to an incident document. Each command validates first, then makes all of
// its changes in one doc.transact so peers and the store see one update, never half.
// A command whose input changes nothing writes nothing.

export { CommandError } from './commandError';
export type { CommandErrorCode } from './commandError';

export { LOCAL_ORIGIN, type CommandContext } from './commandContext';

const INITIAL_STATUS: IncidentStatus = 'investigating';
/** A start in the minute being declared is the declaration itself (forms fill in the current minute), not an earlier impact. */
const STARTED_BEFORE_DECLARED_MS = 60_000;

function isSituationField(field: string): field is SituationField {
  return (SITUATION_FIELDS as readonly string[]).includes(field);
}




function requireEntry(doc: Y.Doc, id: string): TimelineEntry {
  requireIncident(doc);
  const entry = readEntry(doc, id);
  if (!entry) throw new CommandError('not-found', `No timeline entry “${id}”.`, 'id');
  return entry;
}

/** Writes an entry's creation record, once: it is never set again, edits go to the log. */
function putEntry(doc: Y.Doc, record: EntryRecord): void {
  entriesMap(doc).set(record.id, encodeEntryRecord(record));
}

function putStatusEntry(doc: Y.Doc, ctx: CommandContext, at: Instant, text: string, occurredAt: Instant = at): void {
  putEntry(doc, {
    id: newId(instantMillis(at)),
    occurredAt,
    recordedAt: at,
    author: ctx.author,
    kind: 'status',
    text,
    workstream: '',
    key: false,
  });
}

/**
 * Declares an incident. `startedAt` is when impact started. A live declaration is detected
 * when it is declared, unless a detection time is given; a past incident (`reconstructed`) is
 * detected, mitigated and resolved only at the times given, and each key time is a timeline row.
 */
export function createIncident(
  doc: Y.Doc,
  ctx: CommandContext,
  input: {
    id?: string;
    title: string;
    severity: Severity;
    startedAt: Instant;
    timeZone: string;
    commander?: string;
    reconstructed?: boolean;
    detectedAt?: Instant;
    mitigatedAt?: Instant;
    resolvedAt?: Instant;
  },
): string {
  const valid = validate(CreateIncidentSchema, input);
  const existing = metaMap(doc).get('id');
  if (typeof existing === 'string') throw new CommandError('invalid', `This document already holds incident “${existing}”.`, 'id');
  const at = stamp(ctx);
  const id = valid.id ?? newId(instantMillis(at));
  const past = valid.reconstructed === true;
  const detectedAt = valid.detectedAt ?? (past ? null : at);
  const mitigatedAt = valid.mitigatedAt ?? valid.resolvedAt ?? null;
  const resolvedAt = valid.resolvedAt ?? null;
  const status: IncidentStatus = resolvedAt ? 'resolved' : mitigatedAt ? 'monitoring' : INITIAL_STATUS;
  run(doc, ctx, () => {
    writeIncidentMeta(doc, {
      id,
      title: valid.title,
      severity: valid.severity,
      status,
      createdAt: at,
      detectedAt,
      impactStartedAt: valid.startedAt,
      mitigatedAt,
      resolvedAt,
      timeZone: valid.timeZone,
      summary: '',
      impact: '',
      commander: valid.commander ?? '',
      services: [],
      tags: [],
      ...(past && { reconstructed: true }),
    });
    if (past) {
      putKeyTimeEntry(doc, ctx.author, at, 'impactStarted', valid.startedAt, `: ${valid.severity}`);
      if (valid.detectedAt) putKeyTimeEntry(doc, ctx.author, at, 'detected', valid.detectedAt);
      if (valid.mitigatedAt) putKeyTimeEntry(doc, ctx.author, at, 'mitigated', valid.mitigatedAt);
      if (resolvedAt) putKeyTimeEntry(doc, ctx.author, at, 'resolved', resolvedAt);
      return;
    }
    // Impact that began before the declaration is a row of its own; the declaration is when it was seen.
    if (instantMillis(at) - instantMillis(valid.startedAt) > STARTED_BEFORE_DECLARED_MS) putKeyTimeEntry(doc, ctx.author, at, 'impactStarted', valid.startedAt);
    putStatusEntry(doc, ctx, at, `Incident opened: ${valid.severity}, ${status}`, detectedAt ?? at);
  });
  return id;
}

type IncidentPatch = Partial<
  Pick<Incident, 'title' | 'summary' | 'impact' | 'commander' | 'timeZone' | 'detectedAt' | 'impactStartedAt' | 'mitigatedAt' | 'resolvedAt'>
>;

export function updateIncident(doc: Y.Doc, ctx: CommandContext, patch: IncidentPatch): void {
  const valid = validate(IncidentPatchSchema, patch);
  const meta = requireIncident(doc);
  const changes = Object.entries(valid).filter(([field, value]) => value !== undefined && (meta.get(field) ?? null) !== value);
  if (changes.length === 0) return;
  const at = stamp(ctx);
  run(doc, ctx, () => {
    for (const [field, value] of changes) {
      // The summary and impact keep every version: the "Now" panel shows how the picture changed.
      if (isSituationField(field)) recordSituationEdit(doc, { field, previous: storedText(meta.get(field)), value: String(value), by: ctx.author, at });
      meta.set(field, value);
    }
  });
}

/**
 * Sets the status or the severity and says so on the timeline, with `alongside` written in the same
 * transaction; a value the incident already has changes nothing and logs nothing.
 */
function changeLoggedField(doc: Y.Doc, ctx: CommandContext, field: 'status' | 'severity', next: string, alongside?: (meta: Y.Map<unknown>, at: string) => void): void {
  const meta = requireIncident(doc);
  const previous = meta.get(field);
  if (previous === next) return;
  const at = stamp(ctx);
  const label = field === 'status' ? 'Status' : 'Severity';
  run(doc, ctx, () => {
    meta.set(field, next);
    alongside?.(meta, at);
    putStatusEntry(doc, ctx, at, `${label} changed: ${String(previous)} → ${next}`);
  });
}

export function setStatus(doc: Y.Doc, ctx: CommandContext, status: IncidentStatus): void {
  const next = validate(StatusSchema, status, 'status');
  changeLoggedField(doc, ctx, 'status', next, (meta, at) => {
    // Resolving implies mitigation; the first time a stage is reached is when it happened.
    if ((next === 'monitoring' || next === 'resolved') && !meta.get('mitigatedAt')) meta.set('mitigatedAt', at);
    if (next === 'resolved' && !meta.get('resolvedAt')) meta.set('resolvedAt', at);
  });
}

export function setSeverity(doc: Y.Doc, ctx: CommandContext, severity: Severity): void {
  changeLoggedField(doc, ctx, 'severity', validate(SeveritySchema, severity, 'severity'));
}

export function addEntry(
  doc: Y.Doc,
  ctx: CommandContext,
  input: { id?: string; occurredAt?: Instant; kind?: EntryKind; text: string; workstream?: string; key?: boolean },
): string {
  const valid = validate(AddEntrySchema, input);
  if (ctx.syncingIncident === undefined) requireIncident(doc);
  // A retried add (same id) must not duplicate the entry or overwrite later edits.
  if (valid.id !== undefined && entriesMap(doc).has(valid.id)) return valid.id;
  const at = stamp(ctx);
  const id = valid.id ?? newId(instantMillis(at));
  run(doc, ctx, () => {
    putEntry(doc, {
      id,
      occurredAt: valid.occurredAt ?? at,
      recordedAt: at,
      author: ctx.author,
      kind: valid.kind ?? 'note',
      text: valid.text,
      workstream: valid.workstream ?? '',
      key: valid.key ?? false,
    });
  });
  return id;
}

export function editEntry(
  doc: Y.Doc,
  ctx: CommandContext,
  id: string,
  patch: Partial<{ text: string; occurredAt: Instant; kind: EntryKind; workstream: string; key: boolean }>,
): void {
  validate(IdSchema, id, 'id');
  const valid = validate(EntryPatchSchema, patch);
  const entry = requireEntry(doc, id);
  if (entry.retraction) throw new CommandError('invalid', 'This entry was retracted and can no longer be edited.', 'id');
  const changes = (Object.entries(valid) as [EditableEntryField, string | boolean | undefined][]).filter(
    (change): change is [EditableEntryField, string | boolean] => change[1] !== undefined && entry[change[0]] !== change[1],
  );
  if (changes.length === 0) return;
  const at = stamp(ctx);
  run(doc, ctx, () => {
    entryEditsArray(doc).push(changes.map(([field, value]) => ({ entryId: id, by: ctx.author, at, field, value })));
  });
}

export function retractEntry(doc: Y.Doc, ctx: CommandContext, id: string, reason: string): void {
  validate(IdSchema, id, 'id');
  const why = validate(ReasonSchema, reason, 'reason');
  const entry = requireEntry(doc, id);
  if (entry.retraction) throw new CommandError('invalid', 'This entry is already retracted.', 'id');
  const retraction: Retraction = { by: ctx.author, at: stamp(ctx), reason: why };
  run(doc, ctx, () => {
    entryEditsArray(doc).push([{ entryId: id, by: retraction.by, at: retraction.at, field: 'retraction', value: retraction }]);
  });
}

export function setPostmortemSection(doc: Y.Doc, ctx: CommandContext, section: keyof PostmortemSections, markdown: string): void {
  const key = validate(SectionSchema, section, 'section');
  if (typeof markdown !== 'string') throw new CommandError('invalid', 'A postmortem section is Markdown text.', 'markdown');
  requireIncident(doc);
  const sections = postmortemMap(doc);
  if ((sections.get(key) ?? '') === markdown) return;
  run(doc, ctx, () => sections.set(key, markdown));
}
