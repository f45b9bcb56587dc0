// Decides whether a WebSocket upgrade may proceed: a known path, the host token in `?token=`,
// and, when the client sends an Origin (every browser does), one of the host's own origins.
// Node clients send no Origin and are admitted on the token alone. The same gate guards /term
// (terminals): only the host token opens it, so a shared-room token can never reach a shell.
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { TOKEN_CHECK_HEADER, WS_PATHS } from '../../shared/protocol/api';
import { tokensEqual } from './token';

export type Channel = keyof typeof WS_PATHS;
export type UpgradeVerdict = { ok: true; channel: Channel } | { ok: false; status: 401 | 403 | 404 };

const HTTP_UNAUTHORIZED = 401;
const HTTP_FORBIDDEN = 403;
const HTTP_NOT_FOUND = 404;

export function judgeUpgrade(req: IncomingMessage, token: string, allowedOrigins: ReadonlySet<string>): UpgradeVerdict {
  const url = new URL(req.url ?? '/', 'http://host.invalid');
  const channel = (Object.keys(WS_PATHS) as Channel[]).find((c) => WS_PATHS[c] === url.pathname);
  if (!channel) return { ok: false, status: HTTP_NOT_FOUND };
  if (!tokensEqual(url.searchParams.get('token'), token)) return { ok: false, status: HTTP_UNAUTHORIZED };
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedOrigins.has(origin)) return { ok: false, status: HTTP_FORBIDDEN };
  return { ok: true, channel };
}

/** Answers a refused upgrade with a bare HTTP status and drops the socket. */
export function refuseUpgrade(socket: Duplex, status: number): void {
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  }
  socket.destroy();
}

/** The origins a page served by this host can have. */
export function hostOrigins(port: number, extra: readonly string[] = []): Set<string> {
  return new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`, ...extra]);
}

const HTTP_NO_CONTENT = 204;

/**
 * Answers a token check: 204 when the `X-WarRoom-Token` header holds the host token, else 401.
 * A page whose socket keeps being refused asks this, so it can say "this link is stale" instead
 * of "connecting…" forever. It tells nothing the upgrade's own 401 does not.
 */
export function tokenCheckStatus(req: IncomingMessage, token: string): number {
  const held = req.headers[TOKEN_CHECK_HEADER.toLowerCase()];
  return tokensEqual(typeof held === 'string' ? held : null, token) ? HTTP_NO_CONTENT : HTTP_UNAUTHORIZED;
}
