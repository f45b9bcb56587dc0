// The DOM-free rules of one terminal stream, unit-tested without a browser:
// - decoding what the host sends (bare output frames, zod-checked JSON frames);
// - acknowledging output the way VS Code does: count characters only once xterm has parsed
//   them (its write callback) and acknowledge in blocks (larger while more is queued), so a
//   flooding program is paused by the host instead of piling up in the renderer;
// - deciding whether a dropped socket is worth re-attaching.
import { ACK_BLOCK_CHARS, BUSY_ACK_BLOCK_CHARS, HostTerminalFrame, OUTPUT_PREFIX } from '../../shared/terminal/protocol';

export type DecodedFrame =
  | { kind: 'output'; data: string }
  | { kind: 'frame'; frame: HostTerminalFrame }
  | { kind: 'invalid'; reason: string };

/** Reads one message from the host's /term socket. */
export function decodeHostMessage(message: unknown): DecodedFrame {
  if (typeof message !== 'string') return { kind: 'invalid', reason: 'The host sent a binary frame.' };
  if (message.startsWith(OUTPUT_PREFIX)) return { kind: 'output', data: message.slice(OUTPUT_PREFIX.length) };
  let json: unknown;
  try {
    json = JSON.parse(message);
  } catch {
    return { kind: 'invalid', reason: 'The host sent a frame that is not JSON.' };
  }
  const parsed = HostTerminalFrame.safeParse(json);
  if (!parsed.success) return { kind: 'invalid', reason: `The host sent an unexpected frame: ${parsed.error.issues[0]?.message ?? 'invalid'}` };
  return { kind: 'frame', frame: parsed.data };
}

/**
 * Counts parsed characters and says when a block is due to be acknowledged: every ACK_BLOCK_CHARS
 * once the renderer has caught up, every BUSY_ACK_BLOCK_CHARS while more writes are still queued.
 */
export class AckCounter {
  private unacked = 0;
  private queuedWrites = 0;

  constructor(
    private readonly blockChars: number = ACK_BLOCK_CHARS,
    private readonly busyBlockChars: number = BUSY_ACK_BLOCK_CHARS,
  ) {}

  /** Call when output is handed to xterm (before its write callback). */
  wrote(): void {
    this.queuedWrites += 1;
  }

  /** Call from xterm's write callback; returns the characters to acknowledge now, or 0. */
  parsed(chars: number): number {
    this.queuedWrites = Math.max(0, this.queuedWrites - 1);
    this.unacked += chars;
    if (this.unacked < (this.queuedWrites > 0 ? this.busyBlockChars : this.blockChars)) return 0;
    const due = this.unacked;
    this.unacked = 0;
    return due;
  }

  /** A new connection starts a new count on the host, so the old remainder is dropped. */
  reset(): void {
    this.unacked = 0;
    this.queuedWrites = 0;
  }

  get pending(): number {
    return this.unacked;
  }
}

export interface ReconnectState {
  /** We closed it (terminal closed, incident closed, page going away). */
  closedByUs: boolean;
  /** The shell has exited: nothing left to re-attach to. */
  exited: boolean;
  /** The host refused the session for good (e.g. the shell could not start). */
  fatal: boolean;
  /** Set once the host's `ready` frame named the session. */
  sessionId: string | null;
  /** Re-attach attempts since the last successful `ready`. */
  attempts: number;
}

/** First retry soon after a blip; the host keeps a detached shell for ORPHAN_GRACE_MS (60 s). */
export const RECONNECT_BASE_MS = 500;
export const RECONNECT_MAX_MS = 8_000;
/** 500 + 1000 + 2000 + 4000 + 8000 × 6 ≈ 55 s: about the host's grace period. */
export const MAX_RECONNECT_ATTEMPTS = 10;

/** Milliseconds to wait before re-attaching, or null when the socket should stay closed. */
export function reconnectDelay(state: ReconnectState): number | null {
  if (state.closedByUs || state.exited || state.fatal || state.sessionId === null) return null;
  if (state.attempts >= MAX_RECONNECT_ATTEMPTS) return null;
  return Math.min(RECONNECT_BASE_MS * 2 ** state.attempts, RECONNECT_MAX_MS);
}

/** The /term URL that opens a new terminal, or re-attaches one when `session` is given. */
export function terminalUrl(
  wsBase: string,
  path: string,
  params: { token: string; cols: number; rows: number } & ({ session: string } | { incident: string; name: string; author: string }),
): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) query.set(key, String(value));
  return `${wsBase}${path}?${query.toString()}`;
}
