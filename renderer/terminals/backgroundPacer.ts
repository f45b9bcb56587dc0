// Output for a terminal nobody is looking at is parsed at a slow, steady pace instead of at once.
// xterm parses on the page's one main thread; a hidden tab running `yes` or a 200 MB `cat`
// would otherwise keep it busy and delay the echo of every keystroke in the visible terminal.
// Because acknowledgements follow parsing, the host's flow control then pauses the hidden
// shell's pty: the flood is slowed at its source and nothing is dropped. Showing the terminal
// again writes everything queued at once.

/** Characters per second a hidden terminal parses: plenty for progress output, cheap for the page. */
export const BACKGROUND_CHARS_PER_SECOND = 1_000_000;
const MS_PER_SECOND = 1000;

export interface PacedWrite {
  data: string;
  parsed: () => void;
}

export type WriteNow = (data: string, parsed: () => void) => void;
export type Schedule = (fn: () => void, ms: number) => () => void;

/** setTimeout, cancellable through the returned function. */
export const defaultSchedule: Schedule = (fn, ms) => {
  const timer = setTimeout(fn, ms);
  return () => clearTimeout(timer);
};

export class BackgroundPacer {
  private queue: PacedWrite[] = [];
  private visible = true;
  private cancelTimer: (() => void) | null = null;

  constructor(
    private readonly writeNow: WriteNow,
    private readonly schedule: Schedule = defaultSchedule,
    private readonly charsPerSecond = BACKGROUND_CHARS_PER_SECOND,
  ) {}

  write(data: string, parsed: () => void): void {
    if (this.visible && this.queue.length === 0) return this.writeNow(data, parsed);
    this.queue.push({ data, parsed });
    this.pump();
  }

  setVisible(visible: boolean): void {
    if (visible === this.visible) return;
    this.visible = visible;
    if (!visible) return;
    this.cancelTimer?.();
    this.cancelTimer = null;
    for (const item of this.queue.splice(0)) this.writeNow(item.data, item.parsed);
  }

  /** Drops what is queued (the terminal was reset or closed). */
  clear(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
    this.queue = [];
  }

  get queuedChars(): number {
    return this.queue.reduce((sum, item) => sum + item.data.length, 0);
  }

  /** Writes one queued item, then waits as long as that many characters take at the background pace. */
  private pump(): void {
    if (this.cancelTimer || this.queue.length === 0) return;
    const item = this.queue.shift()!;
    this.writeNow(item.data, item.parsed);
    this.cancelTimer = this.schedule(() => {
      this.cancelTimer = null;
      this.pump();
    }, (item.data.length / this.charsPerSecond) * MS_PER_SECOND);
  }
}
