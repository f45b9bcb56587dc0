// What a person pastes into "Join": a `warroom://join?…` link, a browser room URL
// (`http(s)://H:P/#room=…&token=…`), or the short form `HOST:PORT ROOM CODE` read out over a call
// (room = the incident id, which a join code alone does not name). Uses the shared parsers.
import {
  IncidentIdSchema,
  normalizeJoinCode,
  parseBrowserHash,
  parseJoinLink,
  TlsFingerprintSchema,
  type JoinLink,
} from '../../../shared/protocol/room';
import { HostError } from '../hostError';
import { parseHostPort } from '../sharing/tokenCommands';

/** Like JoinLink, but the token may be a join code rather than the secret. */
export type JoinTarget = Omit<JoinLink, 'token'> & { token: string };

function fromBrowserUrl(text: string): JoinTarget | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const room = parseBrowserHash(url.hash);
  if (!room) return null;
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  // A browser URL carries no fingerprint; an https one cannot be pinned, so it is not accepted.
  if (url.protocol === 'https:') return null;
  return { host: url.hostname.replace(/^\[|\]$/g, ''), port, room: room.room, token: room.token };
}

function fromShortForm(text: string): JoinTarget | null {
  let address: { hostname: string; port: number } | null = null;
  let room: string | null = null;
  let code: string | null = null;
  let tls: string | undefined;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (IncidentIdSchema.safeParse(word).success) room = word;
    else if (TlsFingerprintSchema.safeParse(word.toLowerCase()).success) tls = word.toLowerCase();
    else if (normalizeJoinCode(word) && !word.includes(':')) code = normalizeJoinCode(word);
    else {
      try {
        address = parseHostPort(word, false);
      } catch {
        return null;
      }
    }
  }
  if (!address || !room || !code) return null;
  return { host: address.hostname, port: address.port, room, token: code, ...(tls ? { tls } : {}) };
}

export function parseJoinTarget(text: string): JoinTarget {
  const trimmed = text.trim();
  const target = parseJoinLink(trimmed) ?? fromBrowserUrl(trimmed) ?? fromShortForm(trimmed);
  if (!target) {
    throw new HostError('bad-args', 'Paste the warroom://join link, the room URL, or "HOST:PORT ROOM CODE" (the room id and the join code).', 'link');
  }
  return target;
}
