// The postmortem's timeline: one GFM table with a bold date row whenever the calendar
// day changes in the display zone. Written for 100k-entry incidents: rows are pushed to
// one array and joined once, and the zone work (luxon) is done once per distinct minute,
// because every entry in the same UTC minute has the same wall-clock time, day and zone
// abbreviation; elapsed labels are cached per whole elapsed minute.
import type { Instant, TimelineEntry } from '../model/types';
import { dayKey, elapsedLabel, formatDayHeading, formatTime, zoneAbbrev } from '../time/format';
import { excerptCaption } from '../terminal/entryText';
import { escapeTableCell } from './escape';

const HEADER = '| Time | T+ | Kind | Author | Workstream | What |';
const DELIMITER = '| --- | --- | --- | --- | --- | --- |';
/** The five cells after a date row's heading are left empty. */
const DATE_ROW_TAIL = ' | | | | | |';
/** "2026-11-21T23:06" — the UTC minute an instant falls in. */
const MINUTE_PREFIX_LENGTH = 16;
const MS_PER_MINUTE = 60_000;

interface WallClock {
  time: string;
  day: string;
  abbreviation: string;
}

/** Wall-clock facts of the display zone, computed through luxon once per UTC minute. */
class WallClockCache {
  private readonly minutes = new Map<string, WallClock>();
  constructor(private readonly zone: string) {}

  at(instant: Instant): WallClock {
    const minute = instant.slice(0, MINUTE_PREFIX_LENGTH);
    let clock = this.minutes.get(minute);
    if (!clock) {
      clock = { time: formatTime(instant, this.zone), day: dayKey(instant, this.zone), abbreviation: zoneAbbrev(instant, this.zone) };
      this.minutes.set(minute, clock);
    }
    return clock;
  }
}

/** "T+14:16" labels, cached per whole elapsed minute (elapsedLabel truncates to minutes). */
class ElapsedCache {
  private readonly labels = new Map<number, string>();
  private readonly startMs: number;
  constructor(private readonly start: Instant) {
    this.startMs = Date.parse(start);
  }

  at(instant: Instant): string {
    const minutes = Math.trunc((Date.parse(instant) - this.startMs) / MS_PER_MINUTE);
    let label = this.labels.get(minutes);
    if (label === undefined) {
      label = elapsedLabel(this.start, new Date(this.startMs + minutes * MS_PER_MINUTE).toISOString());
      this.labels.set(minutes, label);
    }
    return label;
  }
}

/** A terminal excerpt's row shows its caption; the excerpt itself is printed below the table. */
function excerptCell(entry: TimelineEntry, number: number): string {
  const caption = escapeTableCell(excerptCaption(entry.text));
  return `${caption === '' ? '' : `${caption} `}(excerpt ${number} below)`;
}

function whatCell(entry: TimelineEntry, excerptNumber: number | undefined): string {
  const text = excerptNumber === undefined ? escapeTableCell(entry.text) : excerptCell(entry, excerptNumber);
  if (!entry.retraction) return text;
  const struck = text === '' ? '' : `~~${text}~~ `;
  const { by, reason } = entry.retraction;
  const why = reason.trim() === '' ? '' : `: ${escapeTableCell(reason)}`;
  return `${struck}(retracted by ${escapeTableCell(by)}${why})`;
}

/** Escaping is the costly part per row; authors, kinds and workstreams repeat, so cache them. */
function memoized(escape: (text: string) => string): (text: string) => string {
  const cache = new Map<string, string>();
  return (text) => {
    let escaped = cache.get(text);
    if (escaped === undefined) {
      escaped = escape(text);
      cache.set(text, escaped);
    }
    return escaped;
  };
}

/** markdownlint's compact table style: one space inside each pipe, so an empty cell is `| |`. */
function row(cells: readonly string[]): string {
  let line = '|';
  for (const text of cells) line += text === '' ? ' |' : ` ${text} |`;
  return line;
}

export interface TimelineTableOptions {
  zone: string;
  /** Elapsed labels count from here (impact start, else detection, else creation). */
  elapsedFrom: Instant;
  /** Terminal entries printed in full under "Terminal excerpts", with their numbers (see terminalSection.ts). */
  excerptNumbers?: ReadonlyMap<TimelineEntry, number>;
}

/**
 * The timeline as Markdown lines (header, delimiter, rows), for entries already in
 * timeline order and already filtered. Returns no lines when there are no entries.
 */
export function renderTimelineTable(entries: readonly TimelineEntry[], opts: TimelineTableOptions): string[] {
  if (entries.length === 0) return [];
  const clocks = new WallClockCache(opts.zone);
  const elapsed = new ElapsedCache(opts.elapsedFrom);
  const cell = memoized(escapeTableCell);
  const lines: string[] = [HEADER, DELIMITER];
  let currentDay = '';
  let dayAbbreviation = '';
  const excerpts = opts.excerptNumbers;
  for (const entry of entries) {
    const clock = clocks.at(entry.occurredAt);
    if (clock.day !== currentDay) {
      currentDay = clock.day;
      dayAbbreviation = clock.abbreviation;
      lines.push(`| **${formatDayHeading(entry.occurredAt, opts.zone)} (${clock.abbreviation})**${DATE_ROW_TAIL}`);
    }
    // Name the zone on a row only when it differs from the date row's (a DST change that day).
    const time = clock.abbreviation === dayAbbreviation ? clock.time : `${clock.time} ${clock.abbreviation}`;
    lines.push(row([time, elapsed.at(entry.occurredAt), entry.kind, cell(entry.author), cell(entry.workstream), whatCell(entry, entry.kind === 'terminal' ? excerpts?.get(entry) : undefined)]));
  }
  return lines;
}
