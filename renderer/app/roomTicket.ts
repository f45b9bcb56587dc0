// Room mode's entry ticket: a page opened as `http(s)://H:P/#room=<incidentId>&token=<secret>`
// (the browser URL a share produces) joins that one incident over the room listener, without Home
// and without RPC. The fragment never reaches a server; we also wipe it from the address bar at
// once (a copied link must not leak the secret) and keep it in sessionStorage, so a reload of this
// tab rejoins while a new tab without the link does not.
import { parseBrowserHash } from '../../shared/protocol/room';

export interface RoomTicket {
  room: string;
  token: string;
}

export const ROOM_TICKET_STORAGE_KEY = 'warroom.roomTicket';

/** What to do at startup: which ticket (if any) and whether the address bar must be cleaned. */
export interface RoomTicketDecision {
  ticket: RoomTicket | null;
  /** The ticket came from the hash: store it and replace the address with `cleanHash`. */
  fromHash: boolean;
  cleanHash: string;
}

/** Pure: the hash wins over what this tab stored; a stored ticket is re-validated (it is input too). */
export function decideRoomTicket(hash: string, stored: string | null): RoomTicketDecision {
  const fromHash = parseBrowserHash(hash);
  if (fromHash) return { ticket: fromHash, fromHash: true, cleanHash: '' };
  return { ticket: stored === null ? null : parseStoredTicket(stored), fromHash: false, cleanHash: hash };
}

export function serializeTicket(ticket: RoomTicket): string {
  return new URLSearchParams({ room: ticket.room, token: ticket.token }).toString();
}

function parseStoredTicket(stored: string): RoomTicket | null {
  return parseBrowserHash(stored);
}

/** Reads (and cleans) this page's location; null when the page is not a room page. */
export function discoverRoomTicket(): RoomTicket | null {
  let stored: string | null = null;
  try {
    stored = sessionStorage.getItem(ROOM_TICKET_STORAGE_KEY);
  } catch {
    // Storage can be disabled; the hash alone still works until a reload.
  }
  const decision = decideRoomTicket(window.location.hash, stored);
  if (decision.ticket && decision.fromHash) {
    try {
      sessionStorage.setItem(ROOM_TICKET_STORAGE_KEY, serializeTicket(decision.ticket));
    } catch {
      // As above: no reload survival, but joining works.
    }
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}${decision.cleanHash}`);
  }
  return decision.ticket;
}
