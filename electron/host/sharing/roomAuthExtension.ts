// Host-enforced roles for shared-room connections (those the room listener admitted on a room
// token, marked by `context.room`). Loopback connections carrying the host token pass untouched.
//  - A room token opens exactly one document: its incident's.
//  - Observers are read-only twice over: Hocuspocus' connectionConfig.readOnly, and an explicit
//    check here that closes an observer whose update or sync step 2 would change the document
//    (readOnly handling in Hocuspocus has had bugs; this does not depend on it).
//  - Once established, a room connection is told the identity its token grants (roomWelcome.ts),
//    because its presence must carry exactly that identity.
// Presence is stamped earlier, in the room listener's frame gate (presenceStamp.ts), because that
// needs to rewrite awareness frames and Hocuspocus hooks can only refuse a frame.
import type { beforeHandleMessagePayload, connectedPayload, Extension, onAuthenticatePayload } from '@hocuspocus/server';
import type WebSocket from 'ws';
import { incidentDocName } from '../../../shared/protocol/api';
import { ROOM_CLOSE } from '../../../shared/protocol/room';
import { encodeRoomWelcome } from '../../../shared/protocol/roomWelcome';
import { SyncRefused } from '../extensions/authExtension';
import { inspectFrame, SyncType, updateChangesDoc } from './roomFrames';
import type { RoomGrant } from './roomTokens';

/** The Hocuspocus context of a room connection (set by the room listener). */
export interface RoomContext {
  room: RoomGrant;
}

export function roomOf(context: unknown): RoomGrant | null {
  const room = (context as Partial<RoomContext> | null)?.room;
  return room ?? null;
}

/** Thrown to stop Hocuspocus handling a frame after the socket was closed for it. */
export class RoomFrameRefused extends Error {
  constructor(readonly reason: string) {
    super(`room frame refused: ${reason}`);
  }
}

export class RoomAuthExtension implements Extension {
  readonly extensionName = 'war-room-room-auth';
  /** Right after AuthExtension (1000), before anything loads the document. */
  readonly priority = 900;

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
    const room = roomOf(context);
    if (!room) return;
    // The room listener has already checked the frame's structure and its update's validity.
    const frame = inspectFrame(update, { checkUpdates: false });
    if (frame.kind === 'sync' && room.role === 'observer' && frame.syncType !== SyncType.Step1 && updateChangesDoc(document, frame.payload)) {
      this.refuse(connection.webSocket, ROOM_CLOSE.observerReadOnly);
    }
  }

  private refuse(ws: WebSocket, close: { code: number; reason: string }): never {
    ws.close(close.code, close.reason);
    throw new RoomFrameRefused(close.reason);
  }
}
