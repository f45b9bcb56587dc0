// What a room client tells its user when the host closes the room connection on purpose
// (ROOM_CLOSE in shared/protocol/room.ts). These closes are final: reconnecting would only be
// refused again, so the connection stops retrying and the page says why.
import { ROOM_CLOSE } from '../../shared/protocol/room';

const MESSAGES: Record<string, string> = {
  [ROOM_CLOSE.tokenRevoked.reason]: 'Your access to this room was revoked. Ask the incident commander for a new link.',
  [ROOM_CLOSE.observerReadOnly.reason]: 'You joined as an observer: the room refused a change from this page.',
  [ROOM_CLOSE.forgedPresence.reason]: 'The room refused this page’s presence (it did not match your invitation).',
  [ROOM_CLOSE.forgedAuthor.reason]: 'The room refused a change written under another name than your invitation’s.',
  [ROOM_CLOSE.wrongDocument.reason]: 'This link opens a different incident.',
  [ROOM_CLOSE.malformedFrame.reason]: 'The room closed the connection after a message it could not read.',
  [ROOM_CLOSE.forbiddenMessage.reason]: 'The room closed the connection after a message it does not allow.',
  [ROOM_CLOSE.tooLarge.reason]: 'The room closed the connection after a message over its size limit.',
};

const FINAL_CODES: ReadonlySet<number> = new Set(Object.values(ROOM_CLOSE).map((c) => c.code));

/** A message for a final close; null for an ordinary drop (network, host restart) worth retrying. */
export function roomCloseMessage(code: number, reason: string): string | null {
  if (!FINAL_CODES.has(code)) return null;
  return MESSAGES[reason] ?? `The room closed the connection (${code}${reason ? ` ${reason}` : ''}).`;
}
