import { DateTime } from 'luxon';
import { marked, type Tokens } from 'marked';
import { readLeadingTime, readZone } from '../time/leadingTime';
import type { ImportOptions, ImportProblem, ImportRow } from './importTypes';

// Timelines as postmortems write them: date headings or date rows, then rows that start
// with a time ("0009 text", "00:09 - text", "00:09:30 text", "- **00:09** text"), or
// Markdown tables whose first cells hold the time. A zone stated once ("All times MST",
// "(UTC)") applies to every row after it. Every time is read by leadingTime.ts: a row's
// clock is read together with the date above it.

/** "All times MST", "Times are in America/Denver", "(UTC)" on a line of its own. */
const ZONE_STATEMENT = /^\W*(?:all\s+)?times?\s+(?:are\s+|shown\s+|given\s+|listed\s+)?(?:in\s+)?([A-Z]{1,5}|[A-Za-z_]+\/[A-Za-z_/+-]+|UTC[+-]\d{1,2}(?::?\d{2})?)\b.*$/i;
const ZONE_ALONE = /^\W*\(\s*([A-Z]{1,5}|[A-Za-z_]+\/[A-Za-z_/+-]+)\s*\)\W*$/;
/** Markdown decoration before a row's time: list bullets, bold, table pipes, heading marks. */
const DECORATION = /^(?:[-*+>#|]\s*|\*\*|__)+/;
const BOLD_CLOSE = /^(\S+?)(?:\*\*|__)(?=\s|$)/;
/** What separates the time from the text: "00:09 - text", "00:09: text", "00:09 | text". */
const SEPARATOR = /^\s*(?:[-–—:|]\s+|[-–—|]$)?/;
/** A clock that runs back by more than this under one date has passed midnight. */
const MIDNIGHT_ROLLBACK_MINUTES = 12 * 60;
/** A clock alone at the start, so the date above it applies. */
const BARE_CLOCK_START = /^\d{1,2}(?::\d{2}){0,2}(?:\s*[ap]\.?m\.?)?\b|^\d{4}\b/i;

interface State {
  zone: string;
  date: DateTime | null;
  lastMinuteOfDay: number | null;
}

function undecorated(line: string): string {
  const stripped = line.trim().replace(DECORATION, '');
  return stripped.replace(BOLD_CLOSE, '$1').trim();
}

function statedZone(line: string): string | null {
  const match = ZONE_STATEMENT.exec(line.trim()) ?? ZONE_ALONE.exec(line.trim());
  const word = match?.[1];
  if (!word) return null;
  const zone = readZone(word);
  if (!zone) return null;
  if (zone.type !== 'fixed') return zone.name;
  // "MST" names an offset; as an IANA name (Etc/GMT+7 is UTC-7, the sign is POSIX's) it displays everywhere.
  const minutes = zone.offset(0);
  if (minutes === 0) return 'UTC';
  return minutes % 60 === 0 ? `Etc/GMT${minutes > 0 ? '-' : '+'}${Math.abs(minutes) / 60}` : zone.name;
}

/** A line that is a date and nothing else ("## Wednesday, May 14, 2008", "2008-05-14"): the day the rows below it fall on. */
function dateRow(line: string, now: DateTime, opts: ImportOptions): DateTime | null {
  const text = undecorated(line).replace(/[*_:]+$/, '').trim();
  if (text === '' || !/\d/.test(text)) return null;
  const read = readLeadingTime(`${text} 12:00`, now, opts.dateOrder);
  if (!read.found || !('occurredAt' in read) || read.rest.trim() !== '') return null;
  return DateTime.fromISO(read.occurredAt, { zone: now.zone }).startOf('day');
}

function readRow(text: string, state: State, now: DateTime, opts: ImportOptions): { at: string; rest: string } | { error: string } | null {
  const bare = BARE_CLOCK_START.test(text);
  if (bare && state.date) {
    const read = readLeadingTime(`${state.date.toFormat('yyyy-MM-dd')} ${text}`, now, opts.dateOrder);
    if (read.found && 'occurredAt' in read) {
      let at = DateTime.fromISO(read.occurredAt, { zone: now.zone });
      const minute = at.hour * 60 + at.minute;
      if (state.lastMinuteOfDay !== null && state.lastMinuteOfDay - minute > MIDNIGHT_ROLLBACK_MINUTES) {
        // 23:50 then 00:10 under one date row: the later row is the next day.
        state.date = state.date.plus({ days: 1 });
        at = at.plus({ days: 1 });
      }
      state.lastMinuteOfDay = minute;
      return { at: at.toUTC().toISO() as string, rest: read.rest };
    }
  }
  const read = readLeadingTime(text, now, opts.dateOrder);
  if (!read.found) return null;
  if ('error' in read) return { error: read.error };
  const at = DateTime.fromISO(read.occurredAt, { zone: now.zone });
  if (!bare) {
    state.date = at.startOf('day');
    state.lastMinuteOfDay = at.hour * 60 + at.minute;
  }
  return { at: read.occurredAt, rest: read.rest };
}

/** Top-level Markdown blocks with the line each starts on; tables keep their rows' lines. */
function blocks(text: string): { line: number; raw: string; table?: Tokens.Table }[] {
  const tokens = marked.lexer(text);
  if (tokens.map((t) => t.raw).join('') !== text) return [{ line: 1, raw: text }];
  const out: { line: number; raw: string; table?: Tokens.Table }[] = [];
  let line = 1;
  for (const token of tokens) {
    out.push(token.type === 'table' ? { line, raw: token.raw, table: token as Tokens.Table } : { line, raw: token.raw });
    line += token.raw.split('\n').length - 1;
  }
  return out;
}

export function parseTextTimeline(text: string, opts: ImportOptions): { rows: ImportRow[]; problems: ImportProblem[]; zone: string } {
  const rows: ImportRow[] = [];
  const problems: ImportProblem[] = [];
  const state: State = { zone: opts.zone, date: null, lastMinuteOfDay: null };
  const nowIn = () => DateTime.fromISO(opts.now, { zone: state.zone });
  const lines = text.split('\n');

  const takeLine = (lineNo: number, content: string, original: string) => {
    if (content.trim() === '' || /^\s*\|?\s*:?-{3,}/.test(content)) return;
    const zone = statedZone(content);
    if (zone) {
      state.zone = zone;
      return;
    }
    const now = nowIn();
    const day = dateRow(content, now, opts);
    if (day) {
      state.date = day;
      state.lastMinuteOfDay = null;
      return;
    }
    // An indented line without a time continues the row above it.
    const previous = rows.at(-1);
    const body = undecorated(content);
    const row = readRow(body, state, now, opts);
    if (row === null) {
      if (previous && /^\s+\S/.test(original) && previous.line >= lineNo - 1) {
        previous.text += ` ${body}`;
        return;
      }
      if (/^\s*#/.test(original)) return; // a heading such as "## Timeline"
      problems.push({ line: lineNo, reason: 'No time at the start of the line.' });
      return;
    }
    if ('error' in row) {
      problems.push({ line: lineNo, reason: row.error });
      return;
    }
    const rest = row.rest.replace(SEPARATOR, '').replace(/\s*\|\s*$/, '').trim();
    if (rest === '') {
      problems.push({ line: lineNo, reason: 'A time with nothing after it.' });
      return;
    }
    rows.push({ line: lineNo, occurredAt: row.at, text: rest, original: original.trim() });
  };

  for (const block of blocks(text)) {
    if (block.table) {
      // Header, delimiter, then one line per row; the cells read as one line, time first.
      block.table.rows.forEach((cells, index) => {
        const lineNo = block.line + 2 + index;
        const parts = cells.map((c) => c.text.trim()).filter((c) => c !== '');
        takeLine(lineNo, parts.join(' '), lines[lineNo - 1] ?? '');
      });
      continue;
    }
    block.raw.split('\n').forEach((raw, index) => takeLine(block.line + index, raw, raw));
  }
  return { rows, problems, zone: state.zone };
}
