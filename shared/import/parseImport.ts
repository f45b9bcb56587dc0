import { isValidZone } from '../time/zones';
import { IMPORT_FORMAT_LABELS, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, type ImportFormat, type ImportOptions, type ParsedImport } from './importTypes';
import { parseBashHistory, parseIsoLog, parseJournald, parseSlack, parseSyslog, parseZshHistory, type Parsed } from './machineFormats';
import { parseTextTimeline } from './textTimeline';

// One entry point for every import: refuses what is too big or not text, picks the format
// (or takes the one given), and reads every row. Nothing is written here.

/** Lines looked at to recognise a format. */
const SNIFF_LINES = 20;
/** Share of control characters or U+FFFD above which input is taken for binary. */
const BINARY_SHARE = 0.01;
/** bash history spends two lines a row; beyond this many lines the row cap is surely passed. */
const MAX_LINES = MAX_IMPORT_ROWS * 4;

/** C0 controls other than tab, newlines and form feed, and the replacement character a failed decode leaves. */
function isOddCharacter(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) || code === 0xfffd;
}

const NON_ASCII = /[\u0080-\uffff]/;

/**
 * The UTF-8 size of `text`, counted without encoding it (a 30 MB import would otherwise be
 * copied once just to be measured). A lone surrogate counts as the 3 bytes of U+FFFD, as the
 * encoder writes it.
 */
function utf8Bytes(text: string): number {
  // Most logs are ASCII, one byte a character: one regex scan tells, far faster than a loop.
  if (!NON_ASCII.test(text)) return text.length;
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) bytes += 1;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 2;
      i++;
    } else bytes += 2;
  }
  return bytes;
}

/** Why `text` is not importable as text, or null. */
function binaryReason(text: string): string | null {
  if (text.includes('\u0000')) return 'This is binary data (it holds NUL bytes), not text; import a text, Markdown, JSON or log file.';
  const sample = text.slice(0, 64 * 1024);
  let odd = 0;
  for (let i = 0; i < sample.length; i++) if (isOddCharacter(sample.charCodeAt(i))) odd++;
  if (sample.length > 0 && odd / sample.length > BINARY_SHARE) return 'This looks like binary data, not text; import a text, Markdown, JSON or log file.';
  return null;
}

function firstLines(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n', SNIFF_LINES * 4)) {
    if (line.trim() !== '') out.push(line);
    if (out.length === SNIFF_LINES) break;
  }
  return out;
}

const share = (lines: string[], test: (line: string) => boolean) => (lines.length === 0 ? 0 : lines.filter(test).length / lines.length);

/** The format `text` is most likely in. */
export function detectFormat(text: string): ImportFormat {
  const trimmed = text.trimStart();
  const lines = firstLines(text);
  if (trimmed.startsWith('[') && /"ts"\s*:/.test(trimmed.slice(0, 4096))) return 'slack';
  if (trimmed.startsWith('{') && /"__REALTIME_TIMESTAMP"/.test(lines[0] ?? '')) return 'journald';
  if (share(lines, (l) => /^: \d+:\d+;/.test(l)) > 0.5) return 'zsh';
  if (lines.some((l) => /^#\d{10}$/.test(l.trim()))) return 'bash';
  if (share(lines, (l) => /^\[?\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(l)) > 0.5) return 'log';
  if (share(lines, (l) => /^(?:<\d{1,3}>)?[A-Z][a-z]{2} {1,2}\d{1,2} \d{2}:\d{2}:\d{2} /.test(l)) > 0.5) return 'syslog';
  return 'timeline';
}

/** Reads `text` (named `source`) in `format`, or the detected one; refuses oversized, binary or overlong input whole. */
export function parseImport(text: string, opts: ImportOptions & { format?: ImportFormat | 'auto'; source: string }): ParsedImport {
  // A UTF-16 unit is at most 3 bytes of UTF-8: most inputs are plainly under the cap without counting.
  const bytes = text.length * 3 <= MAX_IMPORT_BYTES ? 0 : utf8Bytes(text);
  if (bytes > MAX_IMPORT_BYTES) {
    return { ok: false, error: `${opts.source} is ${(bytes / 1024 / 1024).toFixed(1)} MB; imports are capped at ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Split it and import the parts.` };
  }
  const binary = binaryReason(text);
  if (binary) return { ok: false, error: `${opts.source}: ${binary}` };
  if (!isValidZone(opts.zone)) return { ok: false, error: `“${opts.zone}” is not a time zone; use an IANA name such as America/Denver.` };
  const normalised = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  let lineCount = 1;
  for (let i = normalised.indexOf('\n'); i >= 0 && lineCount <= MAX_LINES; i = normalised.indexOf('\n', i + 1)) lineCount++;
  if (lineCount > MAX_LINES) return { ok: false, error: tooMany(opts.source, `over ${MAX_LINES.toLocaleString('en-US')} lines`) };
  const format = opts.format === undefined || opts.format === 'auto' ? detectFormat(normalised) : opts.format;
  let parsed: Parsed;
  let zone = opts.zone;
  let needsYear = false;
  switch (format) {
    case 'timeline': {
      const timeline = parseTextTimeline(normalised, opts);
      parsed = timeline;
      zone = timeline.zone;
      break;
    }
    case 'slack':
      parsed = parseSlack(normalised);
      break;
    case 'bash':
      parsed = parseBashHistory(normalised);
      break;
    case 'zsh':
      parsed = parseZshHistory(normalised);
      break;
    case 'journald':
      parsed = parseJournald(normalised);
      break;
    case 'log':
      parsed = parseIsoLog(normalised, opts);
      break;
    case 'syslog': {
      const syslog = parseSyslog(normalised, opts);
      parsed = syslog;
      needsYear = syslog.needsYear;
      break;
    }
  }
  if (parsed.rows.length > MAX_IMPORT_ROWS) return { ok: false, error: tooMany(opts.source, `${parsed.rows.length.toLocaleString('en-US')} rows`) };
  return { ok: true, format, rows: parsed.rows, problems: parsed.problems, zone, needsYear };
}

function tooMany(source: string, what: string): string {
  return `${source} has ${what}; an import takes at most ${MAX_IMPORT_ROWS.toLocaleString('en-US')} rows. Split it and import the parts; nothing was imported.`;
}

export { IMPORT_FORMAT_LABELS };
