import type { DateOrder } from '../time/leadingTime';
import type { EntryKind, Instant } from '../model/types';

// What every import format produces: rows with a time, and the lines it could not read.

export const IMPORT_FORMATS = ['timeline', 'slack', 'bash', 'zsh', 'journald', 'log', 'syslog'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const IMPORT_FORMAT_LABELS: Readonly<Record<ImportFormat, string>> = {
  timeline: 'Postmortem timeline (text or Markdown)',
  slack: 'Slack channel export (JSON)',
  bash: 'bash history (HISTTIMEFORMAT)',
  zsh: 'zsh extended history',
  journald: 'journald JSON (journalctl -o json)',
  log: 'Log lines with ISO / RFC 3339 times',
  syslog: 'syslog (RFC 3164)',
};

/** A file larger than this is refused before it is read: a timeline, even a long log, is far smaller. */
export const MAX_IMPORT_BYTES = 32 * 1024 * 1024;
/** More rows than this are refused, never cut: nothing is half-imported. */
export const MAX_IMPORT_ROWS = 100_000;

export interface ImportRow {
  /** 1-based line (a message's position for JSON exports) in the source. */
  line: number;
  occurredAt: Instant;
  text: string;
  /** The source line as it was. */
  original: string;
  author?: string;
  kind?: EntryKind;
}

export interface ImportProblem {
  line: number;
  reason: string;
}

export interface ImportOptions {
  /** IANA zone for times that name none. */
  zone: string;
  /** Anchors times that leave the year or day open. */
  now: Instant;
  dateOrder: DateOrder;
  /** syslog (RFC 3164) lines carry no year. */
  year?: number;
}

export type ParsedImport =
  | { ok: true; format: ImportFormat; rows: ImportRow[]; problems: ImportProblem[]; zone: string; needsYear: boolean }
  | { ok: false; error: string };

/** A row whose time the format already read, as a UTC instant string. */
export function instantFromMillis(ms: number): Instant {
  return new Date(ms).toISOString();
}
