// Host-enforced rules for shared-room connections (those the room listener admitted on a room
// token, marked by `context.room`). Loopback connections carrying the host token are the host
// owner's own and pass untouched, once the frame gate has found their frames well-formed.
//  - A room token opens exactly one document: its incident's.
//  - A token revoked by any process writes nothing more: each update is checked against the
//    store's token table before it is applied, not only at connect.
//  - Observers are read-only twice over: Hocuspocus' connectionConfig.readOnly, and an explicit
//    check here that refuses an observer whose update or sync step 2 would change the document
//    (readOnly handling in Hocuspocus has had bugs; this does not depend on it).
//  - A responder adds entries, edits, decisions, actions and checklist ticks only under the
//    identity its token grants: the granted name, or for an unnamed token the name its stamped
//    presence carries (authorship.ts).
//  - Once established, a room connection is told the identity its token grants (roomWelcome.ts),
//    because its presence must carry exactly that identity.
// Presence is stamped earlier, in the frame gate (presenceStamp.ts), because that needs to
// rewrite awareness frames and Hocuspocus hooks can only refuse a frame.
import type { beforeHandleMessagePayload, connectedPayload, Extension, onAuthenticatePayload } from '@hocuspocus/server';
import { incidentDocName } from '../../../shared/protocol/api';
import { ROOM_CLOSE } from '../../../shared/protocol/room';
import { encodeRoomWelcome } from '../../../shared/protocol/roomWelcome';
import { SyncRefused } from '../extensions/authExtension';
import type WebSocket from 'ws';
import { isRefused, refuseSocket } from './frameGate';
import { inspectFrame, SyncType, updateChangesDoc } from './roomFrames';
import type { PresenceStamp } from './presenceStamp';
import type { RoomGrant, RoomTokens } from './roomTokens';
import { RoomWrites } from './roomWrites';

/** The Hocuspocus context of a room connection (set by the room listener). */
export interface RoomContext {
  room: RoomGrant;
  /** The socket's stamped presence, which names an unnamed token's writer. */
  presence: PresenceStamp;
}

export function roomOf(context: unknown): RoomGrant | null {
  const room = (context as Partial<RoomContext> | null)?.room;
  return room ?? null;
}

/**
 * Hocuspocus applies a frame once beforeHandleMessage settles, and prints a stack trace when it
 * rejects. A refused frame's hook never settles instead: the frame is dropped, and the refusal
 * is the frame gate's one log line. A fresh promise each time, so nothing keeps it alive.
 */
function dropFrame(): Promise<never> {
  return new Promise<never>(() => {});
}

export class RoomAuthExtension implements Extension {
  readonly extensionName = 'war-room-room-auth';
  /** Right after AuthExtension (1000), before anything loads the document. */
  readonly priority = 900;

  private readonly writes = new WeakMap<WebSocket, RoomWrites>();

  /** `tokens`: the store's room tokens (null while the store is unusable, when no room is open). */
  constructor(private readonly opts: { tokens: () => RoomTokens | null }) {}

  async onAuthenticate(data: onAuthenticatePayload): Promise<void> {
    const room = roomOf(data.context);
    if (!room) return;
    if (data.documentName !== incidentDocName(room.incidentId)) throw new SyncRefused(ROOM_CLOSE.wrongDocument.reason);
    if (room.role === 'observer') data.connectionConfig.readOnly = true;
  }

  async connected({ context, connection }: connectedPayload): Promise<void> {
    const room = roomOf(context);
    if (room) connection.sendStateless(encodeRoomWelcome({ roomRole: room.role, name: room.name }));
  }

  async beforeHandleMessage({ context, connection, document, update }: beforeHandleMessagePayload): Promise<void> {
    const ws = connection.webSocket;
    // Frames that were already on their way when the socket was refused are never applied.
    if (isRefused(ws)) return dropFrame();
    const room = roomOf(context);
    if (!room) return;
    // The frame gate has already checked the frame's structure and its update's validity.
    const frame = inspectFrame(update, { checkUpdates: false });
    if (frame.kind !== 'sync' || frame.syncType === SyncType.Step1) return;
    if (room.role === 'observer') {
      if (!updateChangesDoc(document, frame.payload)) return;
      refuseSocket(ws, ROOM_CLOSE.observerReadOnly);
      return dropFrame();
    }
    let writes = this.writes.get(ws);
    if (!writes) {
      const { presence } = context as RoomContext;
      this.writes.set(ws, (writes = new RoomWrites(ws, room, presence, this.opts.tokens)));
    }
    const verdict = await writes.judge(document, frame.payload);
    // A refusal of an earlier frame (or a revocation) may have come while this one waited.
    if (verdict.ok && !isRefused(ws)) return;
    if (!verdict.ok) refuseSocket(ws, verdict.close, verdict.detail);
    return dropFrame();
  }
}
