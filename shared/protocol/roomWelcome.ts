// The one message the host sends a room connection on its own: the identity its token grants.
// A room client cannot guess it (the role and, for a token issued to a person, the name are the
// host's), yet its presence must carry exactly that identity or the host closes it
// (ROOM_CLOSE.forgedPresence). So the host says it once, as a Hocuspocus stateless message, right
// after the connection is established; the client waits for it before stamping its presence.
import { z } from 'zod';
import { RoomRoleSchema, type RoomRole } from './room';
import { parseStatelessMessage } from './statelessMessage';

export const ROOM_WELCOME_TYPE = 'room-welcome';

export const RoomWelcomeSchema = z.object({
  type: z.literal(ROOM_WELCOME_TYPE),
  roomRole: RoomRoleSchema,
  /** The person the token was issued to; null when the joiner names themselves. */
  name: z.string().min(1).max(100).nullable(),
});
export type RoomWelcome = z.infer<typeof RoomWelcomeSchema>;

export function encodeRoomWelcome(grant: { roomRole: RoomRole; name: string | null }): string {
  return JSON.stringify(RoomWelcomeSchema.parse({ type: ROOM_WELCOME_TYPE, ...grant }));
}

/** The welcome in a stateless payload; null for anything else (other stateless traffic, junk). */
export function parseRoomWelcome(payload: string): RoomWelcome | null {
  return parseStatelessMessage(RoomWelcomeSchema, payload);
}
