// How much terminal output the host lets travel unacknowledged, sized from how fast the renderer
// drains it. A fixed mark (VS Code's 100,000 characters, resumed below 5,000) empties the whole
// pipe on every pause: the renderer parses the last character, acknowledges, and then waits for the
// host to resume the pty, read, batch and send, while it has nothing to parse. On a machine where
// xterm parses 20 MB/s, 100k characters last 5 ms and that bubble costs most of the throughput.
// Here the window holds WINDOW_DRAIN_MS of the renderer's measured parse rate, and output resumes
// when half of it is still queued, so the renderer never runs dry during a flood. A renderer that
// parses slowly (a hidden terminal's background pace, a loaded machine) gets a small window, so
// what sits in flight — and Ctrl+C's wait behind it — stays about WINDOW_DRAIN_MS long.
import { HIGH_WATER_CHARS } from './protocol';

/** Never smaller than VS Code's fixed mark: a slow renderer still gets a few screens at once. */
export const MIN_WINDOW_CHARS = HIGH_WATER_CHARS;
/** What one terminal may hold in flight at most, however fast the renderer (bounds host memory). */
export const MAX_WINDOW_CHARS = 4_000_000;
/**
 * The window holds this long of the renderer's parsing. It must outlast one pause → ack → resume →
 * first new output cycle, or the window cannot grow past the bubble it is meant to remove; that
 * cycle includes the renderer's frames, measured at 45–120 ms on a loaded 2-core machine.
 */
export const WINDOW_DRAIN_MS = 250;
/** Output resumes while this fraction of the window is still unacknowledged (still queued to parse). */
export const RESUME_FRACTION = 0.5;
/** Weight of the newest sample in the drain rate's moving average. */
export const RATE_SMOOTHING = 0.5;
/**
 * One rate sample spans at least this long: a few frames, since xterm parses several queued writes
 * in one task and their acknowledgements come out together.
 */
export const RATE_SAMPLE_MS = 100;

export class FlowWindow {
  /** Characters per millisecond, smoothed; 0 until measured. */
  private rate = 0;
  /** Start of the stretch being measured, what was acknowledged in it, and whether the window was full. */
  private sampleStart: number | null = null;
  private sampleChars = 0;
  private limited = false;

  constructor(private readonly now: () => number) {}

  /** Pause the producer above this many unacknowledged characters. */
  get window(): number {
    return Math.round(Math.min(MAX_WINDOW_CHARS, Math.max(MIN_WINDOW_CHARS, this.rate * WINDOW_DRAIN_MS)));
  }

  /** Resume a paused producer at or below this many unacknowledged characters. */
  get resumeAt(): number {
    return Math.round(this.window * RESUME_FRACTION);
  }

  /** The measured drain rate in characters per millisecond (0 before the first sample). */
  get charsPerMs(): number {
    return this.rate;
  }

  /**
   * The producer filled the window and was paused. Only such stretches measure the renderer: in the
   * others the program printed less than the renderer could take, and the ack rate is the program's.
   * The window then grows by WINDOW_DRAIN_MS over the stretch each sample, until the renderer's own
   * parse speed, not the window, limits what it acknowledges.
   */
  filled(): void {
    this.limited = true;
  }

  /** `chars` were acknowledged. */
  acked(chars: number): void {
    const at = this.now();
    if (this.sampleStart === null) {
      this.sampleStart = at;
      this.sampleChars = 0;
      return;
    }
    this.sampleChars += chars;
    const elapsed = at - this.sampleStart;
    if (elapsed < RATE_SAMPLE_MS) return;
    if (this.limited) {
      const sample = this.sampleChars / elapsed;
      this.rate = this.rate === 0 ? sample : this.rate + RATE_SMOOTHING * (sample - this.rate);
    }
    this.sampleStart = at;
    this.sampleChars = 0;
    this.limited = false;
  }

  /** A new connection has a new renderer: measure it afresh. */
  reset(): void {
    this.rate = 0;
    this.sampleStart = null;
    this.sampleChars = 0;
    this.limited = false;
  }
}
