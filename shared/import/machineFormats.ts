import { DateTime } from 'luxon';
import { codeSpan } from '../terminal/entryText';
import { CANONICAL_INSTANT_LENGTH, isCanonicalInstantAt, isRealDay } from '../time/instant';
import { readLeadingTime } from '../time/leadingTime';
import { instantFromMillis, type ImportOptions, type ImportProblem, type ImportRow } from './importTypes';

// Formats written by machines: each carries its own time, as an epoch or a timestamp.
// Epochs and timestamps that name their zone are exact and read natively; a timestamp
// without a zone is read by leadingTime.ts in the import's zone.

export interface Parsed {
  rows: ImportRow[];
  problems: ImportProblem[];
}

const MS_PER_SECOND = 1000;
const US_PER_MS = 1000;
/** Epoch seconds from 2001 to 2286: anything else after "#" is a comment, not a time. */
const EPOCH_SECONDS = /^\d{10}$/;

/** bash with HISTTIMEFORMAT: "#1210745340" then the command on the next line(s). */
export function parseBashHistory(text: string): Parsed {
  const rows: ImportRow[] = [];
  const problems: ImportProblem[] = [];
  const lines = text.split('\n');
  let at: number | null = null;
  lines.forEach((line, index) => {
    const lineNo = index + 1;
    if (line.trim() === '') return;
    const stamp = line.startsWith('#') ? line.slice(1).trim() : null;
    if (stamp !== null && EPOCH_SECONDS.test(stamp)) {
      at = Number(stamp) * MS_PER_SECOND;
      return;
    }
    if (at === null) {
      problems.push({ line: lineNo, reason: 'A command with no "#<epoch>" time line before it.' });
      return;
    }
    rows.push({ line: lineNo, occurredAt: instantFromMillis(at), text: codeSpan(`$ ${line}`), original: line, kind: 'terminal' });
  });
  return { rows, problems };
}

const ZSH_EXTENDED = /^: (\d+):(\d+);(.*)$/;

/** zsh EXTENDED_HISTORY: ": 1210745340:0;command". */
export function parseZshHistory(text: string): Parsed {
  const rows: ImportRow[] = [];
  const problems: ImportProblem[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const match = ZSH_EXTENDED.exec(line);
    if (!match) {
      const previous = rows.at(-1);
      // zsh writes a multi-line command with a trailing backslash on each line but the last.
      if (previous?.original.endsWith('\\')) {
        previous.text += `\n${line}`;
        previous.original += `\n${line}`;
        return;
      }
      problems.push({ line: index + 1, reason: 'Not a zsh extended-history line (": <epoch>:<seconds>;command").' });
      return;
    }
    rows.push({ line: index + 1, occurredAt: instantFromMillis(Number(match[1]) * MS_PER_SECOND), text: codeSpan(`$ ${match[3] ?? ''}`), original: line, kind: 'terminal' });
  });
  return { rows, problems };
}

function stringField(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** journalctl -o json: one object a line, __REALTIME_TIMESTAMP in microseconds. */
export function parseJournald(text: string): Parsed {
  const rows: ImportRow[] = [];
  const problems: ImportProblem[] = [];
  text.split('\n').forEach((line, index) => {
    const lineNo = index + 1;
    if (line.trim() === '') return;
    let record: Record<string, unknown>;
    try {
      record = JSON.parse(line) as Record<string, unknown>;
    } catch {
      problems.push({ line: lineNo, reason: 'Not a JSON object.' });
      return;
    }
    const micros = stringField(record.__REALTIME_TIMESTAMP);
    const message = stringField(record.MESSAGE);
    if (micros === null || !/^\d+$/.test(micros)) return void problems.push({ line: lineNo, reason: 'No __REALTIME_TIMESTAMP.' });
    if (message === null) return void problems.push({ line: lineNo, reason: 'No MESSAGE text (binary messages are not imported).' });
    const unit = stringField(record.SYSLOG_IDENTIFIER) ?? stringField(record._COMM) ?? stringField(record._SYSTEMD_UNIT);
    const host = stringField(record._HOSTNAME);
    const who = [host, unit].filter((part) => part !== null).join(' ');
    rows.push({
      line: lineNo,
      occurredAt: instantFromMillis(Math.floor(Number(micros) / US_PER_MS)),
      text: who === '' ? message : `${who}: ${message}`,
      original: line,
      kind: 'event',
    });
  });
  return { rows, problems };
}

interface SlackMessage {
  ts?: unknown;
  text?: unknown;
  user?: unknown;
  user_name?: unknown;
  username?: unknown;
  user_profile?: { real_name?: unknown; display_name?: unknown };
  subtype?: unknown;
}

/** A Slack channel export: one day's JSON array of messages, each with ts, user and text. */
export function parseSlack(text: string): Parsed {
  const rows: ImportRow[] = [];
  const problems: ImportProblem[] = [];
  let messages: unknown;
  try {
    messages = JSON.parse(text);
  } catch (error) {
    return { rows, problems: [{ line: 1, reason: `Not JSON: ${(error as Error).message}` }] };
  }
  if (!Array.isArray(messages)) return { rows, problems: [{ line: 1, reason: 'A Slack export is a JSON array of messages.' }] };
  messages.forEach((value, index) => {
    const message = value as SlackMessage;
    const position = index + 1;
    const ts = typeof message?.ts === 'string' ? Number(message.ts) : NaN;
    const body = typeof message?.text === 'string' ? message.text.trim() : '';
    if (!Number.isFinite(ts)) return void problems.push({ line: position, reason: 'Message has no ts.' });
    if (body === '') return void problems.push({ line: position, reason: 'Message has no text.' });
    const profile = message.user_profile;
    const author = [profile?.real_name, profile?.display_name, message.user_name, message.username, message.user].find((name) => typeof name === 'string' && name !== '') as string | undefined;
    rows.push({ line: position, occurredAt: instantFromMillis(Math.round(ts * MS_PER_SECOND)), text: body, original: JSON.stringify(value), ...(author && { author }), kind: 'comms' });
  });
  return { rows, problems };
}

/** "2008-05-14T07:09:00Z", "2008-05-14 07:09:00.123+00:00", "[2008-05-14 07:09:00,123]" at the start of a line. */
const CLOSING_BRACKET = 0x5d;
const ISO_STAMP = /^\[?(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(?:[.,](\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?\]?\s*/i;

/** Whether a `YYYY-MM-DD` date is on the calendar. */
function realDay(date: string): boolean {
  return isRealDay(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

const NON_BLANK = /\S/;
const SPACE = 0x20;
const TAB = 0x09;

/** The entry's text: what follows the timestamp, or the whole line when nothing does. */
function afterStamp(line: string, stampEnd: number): string {
  // The usual separator is stepped over before slicing, so that a line costs one slice, not a slice and its trimmed copy.
  let start = stampEnd;
  while (start < line.length && (line.charCodeAt(start) === SPACE || line.charCodeAt(start) === TAB)) start++;
  const rest = line.slice(start).trim();
  return rest === '' ? line.trim() : rest;
}

/** Log lines that start with an ISO 8601 / RFC 3339 timestamp. */
export function parseIsoLog(text: string, opts: ImportOptions): Parsed {
  const rows: ImportRow[] = [];
  const problems: ImportProblem[] = [];
  const now = DateTime.fromISO(opts.now, { zone: opts.zone });
  let index = 0;
  let lineNo = 0;
  while (index <= text.length) {
    const end = text.indexOf('\n', index);
    const line = end < 0 ? text.slice(index) : text.slice(index, end);
    index = end < 0 ? text.length + 1 : end + 1;
    lineNo++;
    if (!NON_BLANK.test(line)) continue;
    if (isCanonicalInstantAt(line)) {
      // Already the stored form (2008-05-14T07:09:00.123Z), as most logs write it: checked where it
      // stands, without a match, a date or a rebuilt string per line.
      const closing = line.charCodeAt(CANONICAL_INSTANT_LENGTH) === CLOSING_BRACKET ? 1 : 0;
      rows.push({ line: lineNo, occurredAt: line.slice(0, CANONICAL_INSTANT_LENGTH), text: afterStamp(line, CANONICAL_INSTANT_LENGTH + closing), original: line, kind: 'event' });
      continue;
    }
    const match = ISO_STAMP.exec(line);
    if (!match) {
      problems.push({ line: lineNo, reason: 'No ISO 8601 timestamp at the start of the line.' });
      continue;
    }
    const [stamp, date, clock, fraction, offset] = match;
    let ms: number;
    if (offset === 'Z' && fraction?.length === 3 && clock?.length === 8) {
      // Already the stored form (2008-05-14T07:09:00.123Z): checked, not rebuilt.
      const canonical = `${date}T${clock}.${fraction}Z`;
      if (isCanonicalInstantAt(canonical)) {
        rows.push({ line: lineNo, occurredAt: canonical, text: afterStamp(line, stamp.length), original: line, kind: 'event' });
        continue;
      }
      ms = NaN;
    } else if (offset) {
      // A timestamp that names its offset is exact: the platform's ISO reader is enough, and fast.
      ms = !realDay(date ?? '') ? NaN : Date.parse(`${date}T${clock?.length === 5 ? `${clock}:00` : clock}.${(fraction ?? '0').padEnd(3, '0').slice(0, 3)}${offset.toUpperCase()}`);
    } else {
      const read = readLeadingTime(`${date}T${clock}`, now, opts.dateOrder);
      ms = read.found && 'occurredAt' in read ? Date.parse(read.occurredAt) + Number(`0.${fraction ?? '0'}`) * MS_PER_SECOND : NaN;
    }
    if (Number.isNaN(ms)) {
      problems.push({ line: lineNo, reason: `Can't read the timestamp “${stamp.trim()}”.` });
      continue;
    }
    rows.push({ line: lineNo, occurredAt: instantFromMillis(Math.floor(ms)), text: afterStamp(line, stamp.length), original: line, kind: 'event' });
  }
  return { rows, problems };
}

/** RFC 3164: "May 14 00:09:30 db-1 mysqld[812]: message", with no year. */
const SYSLOG = /^(?:<\d{1,3}>)?([A-Z][a-z]{2}) {1,2}(\d{1,2}) (\d{2}:\d{2}:\d{2}) (.*)$/;

const MONTH_ABBREVIATIONS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** A month this far before the previous line's is the next year's (December, then January). */
const YEAR_END_MONTHS = 6;

export function parseSyslog(text: string, opts: ImportOptions): Parsed & { needsYear: boolean } {
  const rows: ImportRow[] = [];
  const problems: ImportProblem[] = [];
  if (opts.year === undefined) return { rows, problems, needsYear: true };
  const now = DateTime.fromISO(opts.now, { zone: opts.zone });
  // The year given is the first line's; a log read in order that goes from December to January moves on a year.
  let year = opts.year;
  let lastMonth = 0;
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const match = SYSLOG.exec(line);
    if (!match) return void problems.push({ line: index + 1, reason: 'Not an RFC 3164 syslog line ("May 14 00:09:30 host app: text").' });
    const [, month, day, clock, rest] = match;
    const monthNumber = MONTH_ABBREVIATIONS.indexOf(month ?? '') + 1;
    if (monthNumber > 0 && monthNumber < lastMonth - YEAR_END_MONTHS) year++;
    if (monthNumber > 0) lastMonth = monthNumber;
    const read = readLeadingTime(`${day} ${month} ${year} ${clock} ${rest}`, now, opts.dateOrder);
    if (!read.found || !('occurredAt' in read)) return void problems.push({ line: index + 1, reason: `No ${month} ${day} in ${year}.` });
    rows.push({ line: index + 1, occurredAt: read.occurredAt, text: (rest ?? '').trim(), original: line, kind: 'event' });
  });
  return { rows, problems, needsYear: false };
}
