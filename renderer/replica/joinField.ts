// The "Join a room" field: one box for whatever the inviter sent. The host has the final say
// (electron/host/replica/joinTarget.ts); this only catches what is plainly incomplete, so the
// message names the missing part instead of a round trip ending in a generic refusal.
import { IncidentIdSchema, normalizeJoinCode, parseBrowserHash, parseJoinLink, TlsFingerprintSchema } from '../../shared/protocol/room';

export type JoinFieldKind = 'link' | 'url' | 'code';
export type JoinFieldCheck = { ok: true; kind: JoinFieldKind } | { ok: false; message: string };

const HOST_PORT = /^(\[[0-9a-fA-F:.]+\]|[^\s:/?#@[\]]+):(\d{1,5})$/;

function checkUrl(text: string): JoinFieldCheck {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: 'This address is not complete: copy the whole room URL again.' };
  }
  if (!parseBrowserHash(url.hash)) return { ok: false, message: 'This address has no room in it: it should end with #room=…&token=….' };
  // Nothing pins an https URL's certificate; the warroom:// link carries the fingerprint.
  if (url.protocol === 'https:') return { ok: false, message: 'An https room URL cannot be verified here: ask for the warroom://join link instead.' };
  return { ok: true, kind: 'url' };
}

/** "HOST:PORT ROOM CODE" (any order), as read out over a call; a fingerprint may follow for TLS. */
function checkShortForm(text: string): JoinFieldCheck {
  let address = false;
  let room = false;
  let code = false;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const port = HOST_PORT.exec(word)?.[2];
    if (port !== undefined) {
      if (Number(port) < 1 || Number(port) > 65535) return { ok: false, message: `The port in "${word}" must be from 1 to 65535.` };
      address = true;
    } else if (IncidentIdSchema.safeParse(word).success) room = true;
    else if (TlsFingerprintSchema.safeParse(word.toLowerCase()).success) continue;
    else if (normalizeJoinCode(word)) code = true;
    else return { ok: false, message: `"${word}" is not an address, a room id or a join code.` };
  }
  if (!address) return { ok: false, message: 'Start with the host address and port, e.g. 192.168.1.20:7420.' };
  if (!room) return { ok: false, message: 'Add the room id (the 26-character incident id) after the address.' };
  if (!code) return { ok: false, message: 'Add the join code (XXXX-XXXX-XXXX) after the room id.' };
  return { ok: true, kind: 'code' };
}

export function checkJoinField(text: string): JoinFieldCheck {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, message: 'Paste the join link, or type HOST:PORT ROOM CODE.' };
  if (/^warroom:/i.test(trimmed)) {
    return parseJoinLink(trimmed) ? { ok: true, kind: 'link' } : { ok: false, message: 'This join link is incomplete: copy the whole warroom://join… link again.' };
  }
  if (/^https?:\/\//i.test(trimmed)) return checkUrl(trimmed);
  return checkShortForm(trimmed);
}

/** The host's refusal in the joiner's words (codes from electron/host/replica/replicaManager.ts). */
export function joinErrorMessage(error: { message: string; code?: string }): string {
  if (error.code === 'room-refused' && /\b40[13]\b|revoked|unknown token|invalid token/i.test(error.message)) {
    return `${error.message} The invitation may have been revoked: ask for a new one.`;
  }
  return error.message;
}
