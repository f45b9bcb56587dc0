// Plays a recording against a sink: play, pause, speed, idle skipping and seeking. DOM-free
// (the clock and timers are injected) so it runs under vitest with fake time. Events that
// fall due together go out as one batch; seeking backwards starts over from a reset
// terminal, because a terminal's screen cannot be rewound.
import {
  buildTimeline,
  clampPosition,
  eventsDueAt,
  IDLE_CAP_SECONDS,
  mapPosition,
  wallDelayMs,
  type ReplayEvent,
  type ReplayTimeline,
} from './replayClock';

/**
 * Never wake sooner than one frame: a burst of output (thousands of events a second)
 * then goes out as a few batches instead of one timer per event.
 */
const MIN_TIMER_MS = 16;
const MS_PER_SECOND = 1000;

export interface ReplaySink {
  /** `reset`: clear the terminal first. `events` are in order and may be empty. */
  write(events: readonly ReplayEvent[], reset: boolean): void;
}

export interface ReplayClockSource {
  now(): number;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

const realClock: ReplayClockSource = {
  now: () => performance.now(),
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface ReplayState {
  playing: boolean;
  /** Seconds of replay time. */
  position: number;
  duration: number;
  speed: number;
  skipIdle: boolean;
}

export class ReplayPlayer {
  private timeline: ReplayTimeline;
  private shown = 0;
  private playing = false;
  private speed = 1;
  private skipIdle = false;
  /** While paused: the position. While playing: the position at `anchorWall`. */
  private anchorPosition = 0;
  private anchorWall = 0;
  private timer: unknown = null;
  private readonly listeners = new Set<(state: ReplayState) => void>();

  constructor(
    private readonly events: readonly ReplayEvent[],
    private readonly sink: ReplaySink,
    private readonly clock: ReplayClockSource = realClock,
  ) {
    this.timeline = buildTimeline(events, null);
  }

  /** Called on every play, pause, seek, speed change and at the end; returns the unsubscribe. */
  subscribe(listener: (state: ReplayState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  state(): ReplayState {
    return { playing: this.playing, position: this.position(), duration: this.timeline.duration, speed: this.speed, skipIdle: this.skipIdle };
  }

  position(): number {
    if (!this.playing) return this.anchorPosition;
    const elapsed = ((this.clock.now() - this.anchorWall) / MS_PER_SECOND) * this.speed;
    return clampPosition(this.timeline, this.anchorPosition + elapsed);
  }

  play(): void {
    if (this.playing) return;
    // Play at the end starts over, as media players do.
    if (this.anchorPosition >= this.timeline.duration && this.shown >= this.events.length) this.seek(0);
    this.anchorWall = this.clock.now();
    this.playing = true;
    this.tick();
  }

  pause(): void {
    if (!this.playing) return;
    this.anchorPosition = this.position();
    this.playing = false;
    this.cancelTimer();
    this.emit();
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  setSpeed(speed: number): void {
    if (!(speed > 0) || speed === this.speed) return;
    this.reanchor();
    this.speed = speed;
    this.reschedule();
  }

  setSkipIdle(on: boolean): void {
    if (on === this.skipIdle) return;
    const next = buildTimeline(this.events, on ? IDLE_CAP_SECONDS : null);
    this.anchorPosition = mapPosition(this.timeline, next, this.position());
    this.anchorWall = this.clock.now();
    this.timeline = next;
    this.skipIdle = on;
    this.reschedule();
  }

  /** Moves to `position` seconds; forward writes what lies between, backward replays from a reset. */
  seek(position: number): void {
    const target = clampPosition(this.timeline, position);
    const due = eventsDueAt(this.timeline, target);
    if (due < this.shown) {
      this.sink.write(this.events.slice(0, due), true);
    } else if (due > this.shown) {
      this.sink.write(this.events.slice(this.shown, due), false);
    }
    this.shown = due;
    this.anchorPosition = target;
    this.anchorWall = this.clock.now();
    this.reschedule();
  }

  seekBy(seconds: number): void {
    this.seek(this.position() + seconds);
  }

  dispose(): void {
    this.cancelTimer();
    this.playing = false;
    this.listeners.clear();
  }

  private reanchor(): void {
    this.anchorPosition = this.position();
    this.anchorWall = this.clock.now();
  }

  private reschedule(): void {
    this.cancelTimer();
    if (this.playing) this.tick();
    else this.emit();
  }

  /** Writes what is due, then sleeps until the next event (or stops at the end). */
  private tick(): void {
    this.timer = null;
    const position = this.position();
    const due = eventsDueAt(this.timeline, position);
    if (due > this.shown) {
      this.sink.write(this.events.slice(this.shown, due), false);
      this.shown = due;
    }
    if (this.shown >= this.events.length && position >= this.timeline.duration) {
      this.anchorPosition = this.timeline.duration;
      this.playing = false;
      this.emit();
      return;
    }
    const next = this.timeline.times[this.shown] ?? this.timeline.duration;
    const delay = Math.max(MIN_TIMER_MS, wallDelayMs(position, next, this.speed));
    this.timer = this.clock.setTimer(() => this.tick(), delay);
    this.emit();
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.clock.clearTimer(this.timer);
    this.timer = null;
  }

  private emit(): void {
    const state = this.state();
    for (const listener of this.listeners) listener(state);
  }
}
