// Output for a terminal nobody is looking at is parsed at a slow, steady pace instead of at once.
// xterm parses on the page's one main thread; a hidden tab running `yes` or a 200 MB `cat`
// would otherwise keep it busy and delay the echo of every keystroke in the visible terminal.
// Because acknowledgements follow parsing, the host's flow control then pauses the hidden
// shell's pty: the flood is slowed at its source and nothing is dropped. Showing the terminal
// again writes what is queued at once.
//
// A visible terminal also hands xterm at most MAX_PARSER_BACKLOG_CHARS at a time and keeps the rest
// here. The host's window may hold seconds' worth of a flood (flowWindow.ts); what xterm already has
// cannot be paced any more, so when the flooding terminal is hidden, the page would otherwise spend
// those seconds parsing it and every keystroke in the terminal now shown would wait behind it.

/** Characters per second a hidden terminal parses: plenty for progress output, cheap for the page. */
export const BACKGROUND_CHARS_PER_SECOND = 1_000_000;
const MS_PER_SECOND = 1000;
/** What a visible terminal's xterm may have queued: a few frames of parsing on a slow machine. */
export const MAX_PARSER_BACKLOG_CHARS = 256 * 1024;

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
  /** Characters handed to xterm whose write callback has not come yet. */
  private inParser = 0;
  /** Bumped by clear(): callbacks of writes from before it no longer count. */
  private generation = 0;
  private pumping = false;

  constructor(
    private readonly writeNow: WriteNow,
    private readonly schedule: Schedule = defaultSchedule,
    private readonly charsPerSecond = BACKGROUND_CHARS_PER_SECOND,
    private readonly maxParserBacklog = MAX_PARSER_BACKLOG_CHARS,
  ) {}

  write(data: string, parsed: () => void): void {
    this.queue.push({ data, parsed });
    this.pump();
  }

  setVisible(visible: boolean): void {
    if (visible === this.visible) return;
    this.visible = visible;
    if (!visible) return;
    this.cancelTimer?.();
    this.cancelTimer = null;
    this.pump();
  }

  /** Drops what is queued (the terminal was reset or closed). */
  clear(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
    this.queue = [];
    this.inParser = 0;
    this.generation += 1;
  }

  get queuedChars(): number {
    return this.queue.reduce((sum, item) => sum + item.data.length, 0);
  }

  private pump(): void {
    if (this.pumping) return;
    this.pumping = true;
    try {
      if (this.visible) {
        // An empty parser always takes the next write, however large, so a big chunk is never stuck.
        while (this.queue.length > 0 && this.inParser < this.maxParserBacklog) this.writeItem(this.queue.shift()!);
      } else this.pace();
    } finally {
      this.pumping = false;
    }
  }

  private writeItem(item: PacedWrite): void {
    const generation = this.generation;
    this.inParser += item.data.length;
    this.writeNow(item.data, () => {
      if (generation === this.generation) this.inParser -= item.data.length;
      item.parsed();
      if (this.queue.length > 0) this.pump();
    });
  }

  /** Writes one queued item, then waits as long as that many characters take at the background pace. */
  private pace(): void {
    if (this.cancelTimer || this.queue.length === 0) return;
    const item = this.queue.shift()!;
    this.writeItem(item);
    this.cancelTimer = this.schedule(() => {
      this.cancelTimer = null;
      this.pump();
    }, (item.data.length / this.charsPerSecond) * MS_PER_SECOND);
  }
}
