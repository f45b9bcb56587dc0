// The postmortem's terminal sections. "Terminal excerpts": every shown timeline entry
// of kind "terminal" whose text holds a fenced block (pinned output, a multi-line command) is
// printed in full here, numbered; its table row says "(excerpt N below)". "Terminal
// recordings": one list item per asciicast file, linked relative to the exported postmortem.
import type { Instant, TimelineEntry } from '../model/types';
import type { RecordingInfo } from '../terminal/protocol';
import { durationWords, formatDateTime } from '../time/format';
import { instantFromMillis, instantMillis } from '../time/instant';
import { escapeInline } from './escape';
import { sanitizeProse } from './prose';

/** A fence opening a line: what makes a terminal entry an excerpt rather than a one-line row. */
const FENCED_BLOCK = /^ {0,3}(?:`{3,}|~{3,})/m;
/** markdownlint MD026 refuses headings ending in these; an author's trailing punctuation is dropped. */
const HEADING_TRAILING_PUNCTUATION = '.,;:!。，；：！';
/** An entity escapeInline wrote ends in ";" too, and must stay whole. */
const TRAILING_ENTITY = /&(?:amp|lt|gt);$/;
/** Exported recordings sit in this folder next to the postmortem file. */
export const RECORDINGS_FOLDER = 'recordings';
const MS_PER_SECOND = 1000;

/** True for a terminal entry printed as an excerpt; the kind is checked first so other entries cost nothing. */
export function isTerminalExcerpt(entry: TimelineEntry): boolean {
  return entry.kind === 'terminal' && FENCED_BLOCK.test(entry.text);
}

/** Excerpt numbers (1, 2, 3… in timeline order) of the entries the timeline table shows. */
export function numberExcerpts(shown: readonly TimelineEntry[]): Map<TimelineEntry, number> {
  const numbers = new Map<TimelineEntry, number>();
  for (const entry of shown) if (isTerminalExcerpt(entry)) numbers.set(entry, numbers.size + 1);
  return numbers;
}

function withoutTrailingPunctuation(text: string): string {
  let end = text.length;
  while (end > 0 && HEADING_TRAILING_PUNCTUATION.includes(text[end - 1] ?? '') && !TRAILING_ENTITY.test(text.slice(0, end))) end--;
  return text.slice(0, end);
}

function heading(number: number, entry: TimelineEntry, zone: string): string {
  const author = withoutTrailingPunctuation(escapeInline(entry.author));
  const when = formatDateTime(entry.occurredAt, zone);
  return `### ${number}. ${when}${author === '' ? '' : ` — ${author}`}`;
}

function retractionNote(entry: TimelineEntry): string[] {
  if (!entry.retraction) return [];
  const { by, reason } = entry.retraction;
  const why = reason.trim() === '' ? '' : `: ${escapeInline(reason)}`;
  return [`**Retracted** by ${escapeInline(by) || 'someone'}${why}`, ''];
}

/** The "Terminal excerpts" section's lines; [] when there are none (the caller writes the placeholder). */
export function renderTerminalExcerpts(numbers: ReadonlyMap<TimelineEntry, number>, zone: string): string[] {
  const lines: string[] = [];
  for (const [entry, number] of numbers) {
    if (lines.length > 0) lines.push('');
    lines.push(heading(number, entry, zone), '', ...retractionNote(entry), sanitizeProse(entry.text));
  }
  return lines;
}

function endOf(recording: RecordingInfo): Instant {
  return instantFromMillis(instantMillis(recording.startedAt) + recording.durationSeconds * MS_PER_SECOND);
}

function byStart(a: RecordingInfo, b: RecordingInfo): number {
  return a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The link target: our file names are ids, but a hostile one still cannot leave the folder or break the link. */
export function recordingHref(fileName: string): string {
  // encodeURIComponent leaves ( ) ! ' * alone; an unbalanced parenthesis would end the link early.
  const encoded = encodeURIComponent(fileName).replace(/[()!'*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${RECORDINGS_FOLDER}/${encoded}`;
}

/** The "Terminal recordings" section's lines; [] when there are none. */
export function renderRecordings(recordings: readonly RecordingInfo[], zone: string): string[] {
  return [...recordings].sort(byStart).map((recording) => {
    const title = escapeInline(recording.title) || 'Untitled terminal';
    const started = formatDateTime(recording.startedAt, zone);
    const duration = durationWords(recording.startedAt, endOf(recording));
    const link = `[${escapeInline(recording.fileName) || 'recording'}](${recordingHref(recording.fileName)})`;
    return `- **${title}** — started ${started}, ${duration}, ${recording.width}x${recording.height}: ${link}`;
  });
}
