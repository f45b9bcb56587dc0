// Replay timing, DOM-free: where each recorded event falls on the replay's own time axis
// (after the optional idle cap), and which events lie before a given position. The player
// (replayPlayer.ts) turns this into timers; the dialog only draws.
import { Duration } from 'luxon';

/** One asciicast v2 event as the replay needs it (AsciicastEvent is assignable to this). */
export type ReplayEvent = readonly [time: number, code: 'o' | 'r', data: string];

/** Playback speeds offered in the "Speed" select. */
export const REPLAY_SPEEDS = [0.5, 1, 2, 4, 8, 16] as const;
export type ReplaySpeed = (typeof REPLAY_SPEEDS)[number];

/**
 * "Skip idle time" caps every pause between two events at this many seconds, like
 * asciinema's idle_time_limit: a shell left alone for an hour replays in two seconds.
 */
export const IDLE_CAP_SECONDS = 2;

/** How far the ←/→ keys move the position, in seconds of replay time. */
export const SEEK_STEP_SECONDS = 5;

export interface ReplayTimeline {
  /** Replay time of each event, in seconds, never decreasing. */
  readonly times: readonly number[];
  /** Replay time of the last event: the end of the slider. */
  readonly duration: number;
}

/**
 * Replay times for `events`. With `idleCapSeconds`, every gap (including the one before
 * the first event) is shortened to at most that; recorded times that go backwards (a
 * hand-edited file) are treated as no gap rather than rewinding.
 */
export function buildTimeline(events: readonly ReplayEvent[], idleCapSeconds: number | null): ReplayTimeline {
  const times: number[] = [];
  let recordedBefore = 0;
  let replayBefore = 0;
  for (const [time] of events) {
    const gap = Math.max(0, time - recordedBefore);
    const replayGap = idleCapSeconds === null ? gap : Math.min(gap, idleCapSeconds);
    replayBefore += replayGap;
    recordedBefore = Math.max(recordedBefore, time);
    times.push(replayBefore);
  }
  return { times, duration: replayBefore };
}

/** How many events are due at `position`: those with a replay time at or before it. */
export function eventsDueAt(timeline: ReplayTimeline, position: number): number {
  // Binary search: a recording of a long outage holds hundreds of thousands of events.
  let low = 0;
  let high = timeline.times.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (timeline.times[mid]! <= position) low = mid + 1;
    else high = mid;
  }
  return low;
}

export function clampPosition(timeline: ReplayTimeline, position: number): number {
  if (!Number.isFinite(position)) return 0;
  return Math.min(Math.max(position, 0), timeline.duration);
}

/**
 * Where the same moment of the session lies on another timeline (the idle cap toggled):
 * the last event already shown stays the last one shown, plus whatever of the pause after
 * it the new timeline still has.
 */
export function mapPosition(from: ReplayTimeline, to: ReplayTimeline, position: number): number {
  const shown = eventsDueAt(from, position);
  if (shown === 0) return Math.min(position, to.times[0] ?? 0);
  const sinceLast = position - from.times[shown - 1]!;
  const nextGap = (to.times[shown] ?? to.duration) - to.times[shown - 1]!;
  return to.times[shown - 1]! + Math.min(sinceLast, nextGap);
}

/** Milliseconds of wall time until replay time `target`, playing at `speed`. */
export function wallDelayMs(position: number, target: number, speed: number): number {
  const MS_PER_SECOND = 1000;
  return Math.max(0, ((target - position) / speed) * MS_PER_SECOND);
}

const SECONDS_PER_HOUR = 3600;

/** "0:07", "12:34", "1:02:03": the elapsed and total time beside the slider. */
export function formatReplayTime(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  return Duration.fromObject({ seconds: whole }).toFormat(whole >= SECONDS_PER_HOUR ? 'h:mm:ss' : 'm:ss');
}

/** "120x40" → { cols: 120, rows: 40 }; null for anything else (the resize is skipped). */
export function parseResize(data: string): { cols: number; rows: number } | null {
  const match = /^(\d{1,4})x(\d{1,4})$/.exec(data.trim());
  if (!match) return null;
  const cols = Number(match[1]);
  const rows = Number(match[2]);
  return cols > 0 && rows > 0 ? { cols, rows } : null;
}
