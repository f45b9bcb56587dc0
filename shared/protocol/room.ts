// The shared-room protocol: roles, join links (app deep link and browser URL), the identity the
// host stamps on a room connection's presence, and the close codes a room client may be sent.
// Pure: the host (electron/host/sharing) and the renderer's join/share UI both use it.
import { z } from 'zod';

export const ROOM_ROLES = ['responder', 'observer'] as const;
export const RoomRoleSchema = z.enum(ROOM_ROLES);
export type RoomRole = z.infer<typeof RoomRoleSchema>;

/** ULID: Crockford base32, 26 characters (the incident id, which is also the room id). */
export const IncidentIdSchema = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'not an incident id');
/** A room secret: 256 bits, base64url (43 characters). */
export const RoomSecretSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'not a room token');
/** Short join code: 12 Crockford base32 characters (60 bits) grouped XXXX-XXXX-XXXX. */
export const JOIN_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;
/** SHA-256 of the listener's certificate (DER), lowercase hex without separators. */
export const TlsFingerprintSchema = z.string().regex(/^[0-9a-f]{64}$/, 'not a SHA-256 fingerprint');

/**
 * Canonical form of a typed join code: upper case, the Crockford look-alikes (I, L → 1; O → 0)
 * folded, separators dropped and re-grouped. Returns null when it cannot be a code.
 */
export function normalizeJoinCode(input: string): string | null {
  const raw = input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (!/^[0-9A-HJKMNP-TV-Z]{12}$/.test(raw)) return null;
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
}

const MAX_PORT = 65535;
export const JoinLinkSchema = z.object({
  host: z.string().min(1).max(253).regex(/^[^\s/?#@]+$/, 'not a host name or address'),
  port: z.number().int().min(1).max(MAX_PORT),
  room: IncidentIdSchema,
  token: RoomSecretSchema,
  /** Present when the listener speaks TLS: the joiner pins this certificate. */
  tls: TlsFingerprintSchema.optional(),
});
export type JoinLink = z.infer<typeof JoinLinkSchema>;

export const JOIN_LINK_PROTOCOL = 'warroom:';

/** `warroom://join?host=H&port=P&room=<incidentId>&token=<secret>[&tls=<fingerprint>]` */
export function buildJoinLink(link: JoinLink): string {
  const valid = JoinLinkSchema.parse(link);
  const params = new URLSearchParams({ host: valid.host, port: String(valid.port), room: valid.room, token: valid.token });
  if (valid.tls) params.set('tls', valid.tls);
  return `warroom://join?${params.toString()}`;
}

/** Parses a `warroom://join?…` link; null when it is not a valid one. */
export function parseJoinLink(text: string): JoinLink | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  // Non-special schemes put "join" in the host (warroom://join?) or the path (warroom:join?).
  const target = url.host || url.pathname.replace(/^\/+/, '');
  if (url.protocol !== JOIN_LINK_PROTOCOL || target !== 'join') return null;
  const p = url.searchParams;
  const parsed = JoinLinkSchema.safeParse({
    host: p.get('host') ?? undefined,
    port: Number(p.get('port')),
    room: p.get('room') ?? undefined,
    token: p.get('token') ?? undefined,
    tls: p.get('tls') ?? undefined,
  });
  return parsed.success ? parsed.data : null;
}

function hostForUrl(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/** `https?://H:P/#room=<incidentId>&token=<secret>`: the fragment never reaches a server log. */
export function buildBrowserUrl(link: JoinLink): string {
  const valid = JoinLinkSchema.parse(link);
  const scheme = valid.tls ? 'https' : 'http';
  return `${scheme}://${hostForUrl(valid.host)}:${valid.port}/#${new URLSearchParams({ room: valid.room, token: valid.token }).toString()}`;
}

/** What a browser page reads from its own location hash; null when it is not a room URL. */
export function parseBrowserHash(hash: string): { room: string; token: string } | null {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const room = IncidentIdSchema.safeParse(p.get('room'));
  const token = RoomSecretSchema.safeParse(p.get('token'));
  return room.success && token.success ? { room: room.data, token: token.data } : null;
}

/**
 * The presence identity the host stamps on a room connection. A room client's awareness `user`
 * field must carry exactly this `roomRole`, and this `name` when the token was issued to a person;
 * anything else closes the connection (ROOM_CLOSE.forgedPresence).
 */
export const RoomIdentitySchema = z.object({
  name: z.string().min(1).max(100),
  roomRole: RoomRoleSchema,
});
export type RoomIdentity = z.infer<typeof RoomIdentitySchema>;

/** The token record a room client may see (never the secret or its hash). */
export const RoomTokenInfoSchema = z.object({
  id: z.string(),
  role: RoomRoleSchema,
  incidentId: IncidentIdSchema,
  name: z.string().nullable(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
export type RoomTokenInfo = z.infer<typeof RoomTokenInfoSchema>;

/**
 * Close codes (4000–4999 are the application's) and reasons a room connection can be sent.
 * A client should not reconnect on any of them except `rateLimited` (after a pause).
 */
export const ROOM_CLOSE = {
  tokenRevoked: { code: 4401, reason: 'token-revoked' },
  observerReadOnly: { code: 4403, reason: 'observer-read-only' },
  forgedPresence: { code: 4403, reason: 'forged-presence' },
  /** An update adding a record (entry, edit, decision, action, checklist tick) under another person's name. */
  forgedAuthor: { code: 4403, reason: 'forged-author' },
  wrongDocument: { code: 4404, reason: 'wrong-document' },
  malformedFrame: { code: 4400, reason: 'malformed-frame' },
  forbiddenMessage: { code: 4405, reason: 'message-not-allowed' },
  tooLarge: { code: 1009, reason: 'message-too-large' },
} as const;
export type RoomCloseReason = (typeof ROOM_CLOSE)[keyof typeof ROOM_CLOSE]['reason'];
