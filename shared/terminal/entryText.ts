// The Markdown of "terminal" timeline entries: a pinned excerpt and a logged command. The
// text is shown by the timeline (Markdown) and copied into the postmortem, so it is built to
// pass markdownlint: fences longer than any backtick run inside, a language on every fence,
// no control characters, no tabs (MD010) and no trailing spaces (MD009).
import { Duration } from 'luxon';
import { escapeInline } from '../export/escape';
import { instantMillis } from '../time/instant';
import type { CommandRecord } from './protocol';

const MIN_FENCE = 3;
const FALLBACK_NAME = 'terminal';
/** Terminals put tab stops every 8 columns; expanding keeps columns lined up. */
const TAB_WIDTH = 8;
const MS_PER_SECOND = 1000;

/** ANSI escape sequences (CSI, OSC, two-character ESC forms): dropped whole so no "[31m" residue is left. */
// eslint-disable-next-line no-control-regex
const ESCAPE_SEQUENCE = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?/g;
/** C0 and C1 controls except tab and newline (removed), and carriage returns (handled first). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;
const FENCE_LINE = /^ {0,3}(`{3,}|~{3,})/;

function longestRun(text: string, char: '`' | '~'): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}

/** A backtick fence longer than any backtick run in `text` (at least three). */
export function codeFence(text: string): string {
  return '`'.repeat(Math.max(MIN_FENCE, longestRun(text, '`') + 1));
}

function expandTabs(line: string): string {
  if (!line.includes('\t')) return line;
  let out = '';
  for (const c of line) out += c === '\t' ? ' '.repeat(TAB_WIDTH - (out.length % TAB_WIDTH)) : c;
  return out;
}

/** Terminal text as plain lines: escapes and controls gone, tabs expanded, trailing spaces trimmed, outer blank lines dropped. */
function cleanTerminalText(text: string): string[] {
  const lines = text
    .replace(ESCAPE_SEQUENCE, '')
    .replace(/\r\n/g, '\n')
    .replace(CONTROL, '')
    .split('\n')
    .map((line) => expandTabs(line).trimEnd());
  while (lines.length > 0 && lines[0] === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function boldName(name: string): string {
  return `**${escapeInline(name.replace(CONTROL, '').replace(/\s+/g, ' ')) || FALLBACK_NAME}**`;
}

function fenced(lines: readonly string[], language: string): string {
  const body = lines.join('\n');
  const fence = codeFence(body);
  return lines.length === 0 ? `${fence}${language}\n${fence}` : `${fence}${language}\n${body}\n${fence}`;
}

/** "Output from **db-1**:" and the excerpt in a `text` fence. */
export function pinEntryText(input: { terminalName: string; excerpt: string }): string {
  return `Output from ${boldName(input.terminalName)}:\n\n${fenced(cleanTerminalText(input.excerpt), 'text')}`;
}

/** "2 min 3 s", "1 h 5 min", "less than 1 s": short, because it sits inside one timeline line. */
export function shortDuration(ms: number): string {
  if (!(ms >= MS_PER_SECOND)) return 'less than 1 s';
  const parts = Duration.fromMillis(ms).shiftTo('days', 'hours', 'minutes', 'seconds');
  const words: string[] = [];
  if (parts.days > 0) words.push(`${parts.days} d`);
  if (parts.hours > 0) words.push(`${parts.hours} h`);
  if (parts.minutes > 0) words.push(`${parts.minutes} min`);
  const seconds = Math.floor(parts.seconds);
  if (seconds > 0 && parts.days === 0) words.push(`${seconds} s`);
  return words.join(' ');
}

function outcome(command: CommandRecord): string {
  if (command.endedAt === null) return 'still running';
  const took = shortDuration(instantMillis(command.endedAt) - instantMillis(command.startedAt));
  return command.exitCode === null ? `exit unknown after ${took}` : `exit ${command.exitCode} after ${took}`;
}

/** A code span holding `code`: delimited by a backtick run longer than any inside, padded when it starts or ends with one. */
export function codeSpan(code: string): string {
  const ticks = '`'.repeat(longestRun(code, '`') + 1);
  const pad = code.startsWith('`') || code.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${code}${pad}${ticks}`;
}

/** "`$ make deploy` → exit 0 after 2 min 3 s in **db-1**"; a multi-line command goes in an `sh` fence below the first line. */
export function commandEntryText(input: { terminalName: string; command: CommandRecord }): string {
  const lines = cleanTerminalText(input.command.line);
  const where = `in ${boldName(input.terminalName)}`;
  if (lines.length <= 1) {
    const line = (lines[0] ?? '').trim();
    return `${codeSpan(line === '' ? '$' : `$ ${line}`)} → ${outcome(input.command)} ${where}`;
  }
  return `Command ${where} → ${outcome(input.command)}:\n\n${fenced(lines, 'sh')}`;
}

/** The first non-blank line outside any fenced block, as plain text (our bold and escapes removed), for a table cell. */
export function excerptCaption(text: string): string {
  let fence: string | null = null;
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const opening = FENCE_LINE.exec(raw)?.[1];
    if (fence !== null) {
      if (opening && opening[0] === fence[0] && opening.length >= fence.length && raw.trim() === opening) fence = null;
      continue;
    }
    if (opening) {
      fence = opening;
      continue;
    }
    const line = raw.trim();
    if (line !== '') return plainText(line);
  }
  return '';
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>' };

/** Undoes what escapeInline and `**…**` added, so the table's own escaping is not applied twice. */
function plainText(line: string): string {
  // One left-to-right pass, so an escaped star next to a bold marker is told apart from it.
  return line
    .replace(/\\([!-/:-@[-`{-~])|\*\*/g, (match, escaped?: string) => escaped ?? '')
    .replace(/&(?:amp|lt|gt);/g, (entity) => ENTITIES[entity] ?? entity);
}
