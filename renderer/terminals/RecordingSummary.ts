// What the recordings table shows for each recording, DOM-free: size and length in words,
// and what to tell the user when a recording cannot be replayed or saved.
import type { Instant } from '../../shared/model/types';
import { MAX_REPLAY_BYTES, type RecordingInfo } from '../../shared/terminal/protocol';
import { dayKey, durationWords, formatTime } from '../../shared/time/format';
import { instantFromMillis, instantMillis } from '../../shared/time/instant';

const BYTES_PER_KIB = 1024;
const SIZE_UNITS = ['KB', 'MB', 'GB'] as const;
const SECONDS_PER_MINUTE = 60;
const MS_PER_SECOND = 1000;

/** "812 B", "14.2 KB", "3.0 MB" (binary multiples, as file managers on Linux show them). */
export function formatBytes(bytes: number): string {
  if (bytes < BYTES_PER_KIB) return `${bytes} B`;
  let value = bytes;
  let unit: string = SIZE_UNITS[0];
  for (const candidate of SIZE_UNITS) {
    value /= BYTES_PER_KIB;
    unit = candidate;
    if (value < BYTES_PER_KIB) break;
  }
  return `${value.toFixed(1)} ${unit}`;
}

/**
 * "42 s" under a minute (most recordings are short and durationWords would say "less than
 * a minute" for all of them), otherwise durationWords: "2 hours 5 minutes".
 */
export function recordingDurationText(recording: Pick<RecordingInfo, 'startedAt' | 'durationSeconds'>): string {
  if (recording.durationSeconds < SECONDS_PER_MINUTE) return `${Math.floor(recording.durationSeconds)} s`;
  const start = recording.startedAt as Instant;
  const end = instantFromMillis(instantMillis(start) + recording.durationSeconds * MS_PER_SECOND);
  return durationWords(start, end);
}

export function canReplay(recording: Pick<RecordingInfo, 'bytes'>): boolean {
  return recording.bytes <= MAX_REPLAY_BYTES;
}

export function tooLargeToReplayMessage(recording: Pick<RecordingInfo, 'title' | 'bytes'>): string {
  return `"${recording.title}" is too large to replay here (${formatBytes(recording.bytes)}, the limit is ${formatBytes(MAX_REPLAY_BYTES)}). Save it and play it with asciinema instead.`;
}

/** The recording's file name with the terminal's title in front, e.g. "db-restore-01JD….cast". */
export function suggestedFileName(recording: Pick<RecordingInfo, 'title' | 'fileName'>): string {
  const MAX_TITLE_CHARS = 40;
  const slug = recording.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_TITLE_CHARS);
  return slug ? `${slug}-${recording.fileName}` : recording.fileName;
}

/**
 * "14:25" for a recording started today in the incident zone, "2026-11-20 14:25" otherwise:
 * the side column is narrow, and most recordings of a running incident are from today.
 */
export function recordingStartedText(startedAt: Instant, zone: string, now: Instant): string {
  const time = formatTime(startedAt, zone);
  const day = dayKey(startedAt, zone);
  return day === dayKey(now, zone) ? time : `${day} ${time}`;
}
