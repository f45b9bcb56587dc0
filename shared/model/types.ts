// Plain, serialisable views of an incident. The Y.Doc is the source of truth;
// these shapes are what readers produce (for the UI, the export and the archive).
// Every instant is an ISO-8601 UTC string with milliseconds, e.g. "2026-11-21T23:06:00.000Z",
// so lexical order equals chronological order.
import type { CoordinationState } from './coordinationTypes';
import type { Instant, Severity } from './scalars';
import type { Situation } from './situation';

// Instants and severities live in a leaf module so the coordination types can use them
// without importing this file back (this file imports them for IncidentSnapshot).
export { SEVERITIES } from './scalars';
export type { Instant, Severity } from './scalars';

export const STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export type IncidentStatus = (typeof STATUSES)[number];

export const ENTRY_KINDS = [
  'note',
  'event',
  'decision',
  'action',
  'comms',
  'status',
  'checklist',
  'terminal',
  'handoff',
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];


export interface Incident {
  id: string;
  title: string;
  severity: Severity;
  status: IncidentStatus;
  createdAt: Instant;
  detectedAt: Instant | null;
  impactStartedAt: Instant | null;
  mitigatedAt: Instant | null;
  resolvedAt: Instant | null;
  /** IANA zone name used for display, e.g. "America/Denver". */
  timeZone: string;
  summary: string;
  impact: string;
  commander: string;
  /** Services the incident touched, free text ("billing API"); for grouping in the catalog and the metrics. */
  services: string[];
  /** Free tags ("capacity", "vendor"). */
  tags: string[];
  /** Recorded after the fact ("Declare" a past incident): it never counts live time, reminds or alarms. */
  reconstructed?: boolean;
  /** Postmortem sections, written in the app. Markdown. */
  postmortem: PostmortemSections;
}

export interface PostmortemSections {
  rootCause: string;
  wentWell: string;
  wentWrong: string;
  gotLucky: string;
}

export interface Retraction {
  by: string;
  at: Instant;
  reason: string;
}

export type EditableEntryField = 'text' | 'occurredAt' | 'kind' | 'workstream' | 'key';

export interface EntryEdit {
  by: string;
  at: Instant;
  field: EditableEntryField;
  /** The value before this edit. */
  previous: string | boolean;
}

export interface TimelineEntry {
  id: string;
  occurredAt: Instant;
  recordedAt: Instant;
  author: string;
  kind: EntryKind;
  /** Markdown. */
  text: string;
  /** Free tag such as "restore-from-DR"; empty string when none. */
  workstream: string;
  key: boolean;
  retraction: Retraction | null;
  history: EntryEdit[];
  /** Where an imported entry came from; absent for entries written here. */
  provenance?: Provenance;
}

/** An imported entry's source: the file (or "pasted"), its line there, and that line as it was. */
export interface Provenance {
  source: string;
  line: number;
  original: string;
}

export interface IncidentSnapshot {
  incident: Incident;
  /** Sorted by occurredAt, then recordedAt, then id. */
  entries: TimelineEntry[];
  /** Decisions, checklists, actions, status updates, roles and handoffs. */
  coordination: CoordinationState;
  /** The leading hypothesis, the ones ruled out, and every change to the summary, impact and hypothesis. */
  situation: Situation;
}

/** What the home screen lists; maintained by the host from each document's meta. */
export interface IncidentSummary {
  id: string;
  title: string;
  severity: Severity;
  status: IncidentStatus;
  /** Impact start, else detection: where the incident's span starts. */
  startedAt: Instant | null;
  resolvedAt: Instant | null;
  createdAt: Instant;
  timeZone: string;
  entryCount: number;
  updatedAt: Instant;
}
