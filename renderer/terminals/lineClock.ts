// When did each line of a terminal's buffer appear? A pinned excerpt is timestamped with the
// moment its first line was printed, not the moment it was pinned. After each write we drop
// an xterm marker on the cursor's line (if it has none yet) with the time; markers move with
// the buffer as it scrolls and die with their lines when scrollback is trimmed, so nothing
// here grows without bound. Lines between two markers were printed by the write that placed
// the later one, so a line's time is that of the first marker at or below it.
//
// Under a flood a marker per write costs real time: xterm moves every live marker on every line
// that scrolls off, and a marker is added for every batch. With `pacing`, at most one marker is
// placed per interval; writes in between are covered by a trailing marker carrying the latest of
// their times, so a line is dated at most one interval late and never before it was printed.
import type { Instant } from '../../shared/model/types';

/** The part of an xterm marker we use (IMarker satisfies it). */
export interface LineMarker {
  readonly line: number;
  readonly isDisposed: boolean;
}

/** The part of an xterm Terminal we use. */
export interface MarkedBuffer {
  /** Absolute buffer line of the cursor (baseY + cursorY). */
  cursorLine(): number;
  /** A marker on the cursor's line, or undefined (e.g. in the alternate screen). */
  markCursorLine(): LineMarker | undefined;
}

interface Stamp {
  marker: LineMarker;
  at: Instant;
}

/** At most one marker per `intervalMs`; `now` is a monotonic clock in ms. */
export interface StampPacing {
  intervalMs: number;
  now(): number;
  schedule(fn: () => void, ms: number): () => void;
}

export class LineClock {
  private stamps: Stamp[] = [];
  private lastStampAt = Number.NEGATIVE_INFINITY;
  /** The latest write not yet covered by a marker, while the trailing marker waits. */
  private pendingAt: Instant | null = null;
  private cancelTrailing: (() => void) | null = null;

  constructor(
    private readonly buffer: MarkedBuffer,
    private readonly pacing: StampPacing | null = null,
  ) {}

  /** Call after each write has been parsed. */
  written(at: Instant): void {
    const pacing = this.pacing;
    if (!pacing) return this.stamp(at);
    const sinceStamp = pacing.now() - this.lastStampAt;
    if (sinceStamp >= pacing.intervalMs && this.cancelTrailing === null) {
      this.lastStampAt = pacing.now();
      return this.stamp(at);
    }
    this.pendingAt = at;
    this.cancelTrailing ??= pacing.schedule(() => {
      this.cancelTrailing = null;
      this.stampPending();
    }, Math.max(0, pacing.intervalMs - sinceStamp));
  }

  /** Stops the trailing marker's timer (the terminal is going away). */
  dispose(): void {
    this.cancelTrailing?.();
    this.cancelTrailing = null;
    this.pendingAt = null;
  }

  private stampPending(): void {
    const at = this.pendingAt;
    this.pendingAt = null;
    if (at === null) return;
    this.lastStampAt = this.pacing?.now() ?? this.lastStampAt;
    this.stamp(at);
  }

  private stamp(at: Instant): void {
    this.prune();
    const line = this.buffer.cursorLine();
    const index = this.firstAtOrBelow(line);
    if (this.stamps[index]?.marker.line === line) return;
    const marker = this.buffer.markCursorLine();
    // Usually appended; inserted when the cursor went back up (e.g. after `clear`).
    if (marker && !marker.isDisposed) this.stamps.splice(index, 0, { marker, at });
  }

  /** When `line` (absolute, 0-based) appeared; null when it was printed before the clock knew. */
  timeOfLine(line: number): Instant | null {
    // Lines printed since the last marker are dated now, not left to the trailing timer.
    if (this.cancelTrailing !== null) {
      this.cancelTrailing();
      this.cancelTrailing = null;
      this.stampPending();
    }
    this.prune();
    return this.stamps[this.firstAtOrBelow(line)]?.at ?? null;
  }

  /** Index of the first stamp whose marker is on `line` or below it (stamps are in line order). */
  private firstAtOrBelow(line: number): number {
    let low = 0;
    let high = this.stamps.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.stamps[mid]!.marker.line < line) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  get size(): number {
    return this.stamps.length;
  }

  private prune(): void {
    if (this.stamps.some((s) => s.marker.isDisposed)) this.stamps = this.stamps.filter((s) => !s.marker.isDisposed);
  }
}
