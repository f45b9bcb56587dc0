// The most recent output of a session, bounded, sent as `replay` when a renderer re-attaches
// (after a reload) so the screen is not blank. Kept as the batches themselves: no copying on push.
/** About a full screen of scrollback-worth of output without letting a detached `yes` grow memory. */
export const REPLAY_RING_CHARS = 256 * 1024;

export class ReplayRing {
  private chunks: string[] = [];
  private chars = 0;

  constructor(private readonly capacity = REPLAY_RING_CHARS) {}

  push(text: string): void {
    this.chunks.push(text);
    this.chars += text.length;
    while (this.chars > this.capacity && this.chunks.length > 0) {
      const first = this.chunks[0] as string;
      const excess = this.chars - this.capacity;
      if (first.length <= excess) {
        this.chunks.shift();
        this.chars -= first.length;
      } else {
        this.chunks[0] = first.slice(excess);
        this.chars -= excess;
      }
    }
  }

  text(): string {
    const joined = this.chunks.join('');
    this.chunks = joined ? [joined] : [];
    return joined;
  }
}
