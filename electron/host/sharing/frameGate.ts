// Puts a room socket's frames through inspectFrame() before Hocuspocus sees them. Hocuspocus
// subscribes to the socket's 'message' event itself (and replays queued frames by re-emitting
// it), so the gate sits in the socket's emit: a frame that fails is never delivered to any
// listener, and the socket is closed with a clear reason. Pre-auth frames are covered too, which
// keeps a client from growing Hocuspocus' per-document pre-auth queues with other documents.
// Awareness frames are the one kind the gate may rewrite: presence is stamped (presenceStamp.ts),
// and Hocuspocus' hooks cannot change a frame, only refuse it.
import type WebSocket from 'ws';
import { ROOM_CLOSE } from '../../../shared/protocol/room';
import type { AwarenessView, PresenceStamp } from './presenceStamp';
import { encodeAwarenessFrame, inspectFrame, MalformedFrame } from './roomFrames';

/** ok with `data` null: drop the frame quietly (nothing left in it to deliver). */
export type FrameVerdict = { ok: true; data: Uint8Array | null } | { ok: false; close: { code: number; reason: string } };

export interface RoomFramePolicy {
  docName: string;
  presence: PresenceStamp;
  awareness(): AwarenessView;
}

/** Judges one frame for a room whose only document is `policy.docName`. */
export function judgeRoomFrame(data: Uint8Array, policy: RoomFramePolicy): FrameVerdict {
  try {
    const frame = inspectFrame(data);
    if (frame.docName !== policy.docName) return { ok: false, close: ROOM_CLOSE.wrongDocument };
    if (frame.kind === 'forbidden') return { ok: false, close: ROOM_CLOSE.forbiddenMessage };
    if (frame.kind !== 'awareness') return { ok: true, data };
    const presence = policy.presence.judge(frame.entries, policy.awareness());
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

/**
 * Installs the gate on `ws`. After the first refused frame nothing more is delivered: the frames
 * a client pipelined behind a bad one are dropped while the close handshake runs.
 */
export function gateFrames(ws: WebSocket, policy: RoomFramePolicy, onRefused: (reason: string) => void): void {
  const emit = ws.emit.bind(ws);
  let refused = false;
  ws.emit = ((event: string | symbol, ...args: unknown[]): boolean => {
    if (event !== 'message') return emit(event, ...args);
    if (refused) return false;
    const bytes = toBytes(args[0]);
    const verdict: FrameVerdict = bytes ? judgeRoomFrame(bytes, policy) : { ok: false, close: ROOM_CLOSE.malformedFrame };
    if (verdict.ok) return verdict.data === null ? false : emit(event, verdict.data === bytes ? args[0] : Buffer.from(verdict.data), ...args.slice(1));
    refused = true;
    onRefused(verdict.close.reason);
    ws.close(verdict.close.code, verdict.close.reason);
    return false;
  }) as typeof ws.emit;
}
