// When did each line of a terminal's buffer appear? A pinned excerpt is timestamped with the
// moment its first line was printed, not the moment it was pinned. After each write we drop
// an xterm marker on the cursor's line (if it has none yet) with the time; markers move with
// the buffer as it scrolls and die with their lines when scrollback is trimmed, so nothing
// here grows without bound. Lines between two markers were printed by the write that placed
// the later one, so a line's time is that of the first marker at or below it.
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

export class LineClock {
  private stamps: Stamp[] = [];

  constructor(private readonly buffer: MarkedBuffer) {}

  /** Call after each write has been parsed. */
  written(at: Instant): void {
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
