// Puts every /sync socket's frames through inspectFrame() before Hocuspocus sees them: the room
// listener's and the loopback's alike, so a host-token client's garbage is refused as a room
// client's is. Hocuspocus subscribes to the socket's 'message' event itself (and replays queued
// frames by re-emitting it), so the gate sits in the socket's emit: a frame that fails is never
// delivered to any listener, and the socket is closed with a clear reason. Pre-auth frames are
// covered too, which keeps a client from growing Hocuspocus' per-document pre-auth queues with
// other documents. Awareness frames are the one kind the gate may rewrite: a room socket's
// presence is stamped (presenceStamp.ts), and Hocuspocus' hooks cannot change a frame, only refuse it.
// A refusal is one log line for the connection; the frames it pipelined behind are dropped unread.
import type WebSocket from 'ws';
import { ROOM_CLOSE } from '../../../shared/protocol/room';
import type { AwarenessView, PresenceStamp } from './presenceStamp';
import { encodeAwarenessFrame, inspectFrame, MalformedFrame } from './roomFrames';

/** ok with `data` null: drop the frame quietly (nothing left in it to deliver). */
export type FrameVerdict = { ok: true; data: Uint8Array | null } | { ok: false; close: { code: number; reason: string } };

export interface FramePolicy {
  /** Whether the socket may speak about this document at all. */
  allowsDocument(docName: string): boolean;
  /** A room socket's presence rules; null for the host owner's own clients, whose awareness passes as sent. */
  presence: { stamp: PresenceStamp; view(): AwarenessView } | null;
}

/** A room socket: one document, host-stamped presence. */
export function roomFramePolicy(docName: string, stamp: PresenceStamp, view: () => AwarenessView): FramePolicy {
  return { allowsDocument: (name) => name === docName, presence: { stamp, view } };
}

/**
 * A loopback socket (host token): any document, over the one connection the provider multiplexes.
 * AuthExtension answers a name that is not an incident with a clear permission-denied.
 */
export const LOOPBACK_FRAME_POLICY: FramePolicy = { allowsDocument: () => true, presence: null };

/** Judges one frame under `policy`. */
export function judgeFrame(data: Uint8Array, policy: FramePolicy): FrameVerdict {
  try {
    const frame = inspectFrame(data);
    if (!policy.allowsDocument(frame.docName)) return { ok: false, close: ROOM_CLOSE.wrongDocument };
    if (frame.kind === 'forbidden') return { ok: false, close: ROOM_CLOSE.forbiddenMessage };
    if (frame.kind !== 'awareness' || policy.presence === null) return { ok: true, data };
    const presence = policy.presence.stamp.judge(frame.entries, policy.presence.view());
    if (!presence.ok) return { ok: false, close: ROOM_CLOSE.forgedPresence };
    if (presence.keep.length === 0) return { ok: true, data: null };
    return { ok: true, data: presence.keep.length === frame.entries.length ? data : encodeAwarenessFrame(frame.docName, presence.keep) };
  } catch (err) {
    if (err instanceof MalformedFrame) return { ok: false, close: ROOM_CLOSE.malformedFrame };
    throw err;
  }
}

function toBytes(data: unknown): Uint8Array | null {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (Array.isArray(data) && data.every((d) => d instanceof Uint8Array)) return Buffer.concat(data);
  return null;
}

/** Closes a gated socket once: the first reason is logged and sent, everything after is dropped. */
type Refuse = (close: { code: number; reason: string }, detail?: string) => void;
const gates = new WeakMap<WebSocket, Refuse>();

/**
 * Refuses `ws` for `close` from outside the gate (a Hocuspocus hook, a revocation): one log line,
 * and no further frame from it reaches Hocuspocus, not even those already received.
 */
export function refuseSocket(ws: WebSocket, close: { code: number; reason: string }, detail?: string): void {
  const refuse = gates.get(ws);
  if (refuse) refuse(close, detail);
  else ws.close(close.code, close.reason);
}

/** Whether `ws` was refused (by its gate or through refuseSocket); frames judged after that are void. */
export function isRefused(ws: WebSocket): boolean {
  return refusedSockets.has(ws);
}
const refusedSockets = new WeakSet<WebSocket>();

/**
 * Installs the gate on `ws`. After the first refused frame nothing more is delivered: the frames
 * a client pipelined behind a bad one are dropped while the close handshake runs.
 */
export function gateFrames(ws: WebSocket, policy: FramePolicy, onRefused: (reason: string) => void): void {
  const emit = ws.emit.bind(ws);
  const refuse: Refuse = (close, detail) => {
    if (refusedSockets.has(ws)) return;
    refusedSockets.add(ws);
    onRefused(detail === undefined ? close.reason : `${close.reason}: ${detail}`);
    ws.close(close.code, close.reason);
  };
  gates.set(ws, refuse);
  ws.emit = ((event: string | symbol, ...args: unknown[]): boolean => {
    if (event !== 'message') return emit(event, ...args);
    if (refusedSockets.has(ws)) return false;
    const bytes = toBytes(args[0]);
    const verdict: FrameVerdict = bytes ? judgeFrame(bytes, policy) : { ok: false, close: ROOM_CLOSE.malformedFrame };
    if (verdict.ok) return verdict.data === null ? false : emit(event, verdict.data === bytes ? args[0] : Buffer.from(verdict.data), ...args.slice(1));
    refuse(verdict.close);
    return false;
  }) as typeof ws.emit;
}
