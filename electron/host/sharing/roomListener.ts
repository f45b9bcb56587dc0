// The shared room's network listener: a second HTTP(S) server, on the interface the user chose,
// that serves the web UI and the /sync WebSocket to holders of ROOM tokens — nothing else. The
// host token means nothing here, and /rpc and /term (local files, settings, shells) answer 404,
// so terminals and the local RPC are unreachable from a shared room by construction.
// Every upgrade passes the per-address rate limit, a room token, and (when a browser sends one)
// an Origin equal to this listener's own; every frame then passes the frame gate.
import type { Hocuspocus } from '@hocuspocus/server';
import { X509Certificate } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import { DisposableStore, toDisposable } from '../../../shared/lifecycle/disposable';
import { incidentDocName, WS_PATHS } from '../../../shared/protocol/api';
import { ROOM_CLOSE } from '../../../shared/protocol/room';
import { isIntakeRequest } from '../intake/intakeEndpoint';
import { serveStatic } from '../staticFiles';
import { refuseSocket, roomFramePolicy } from './frameGate';
import { PresenceStamp, socketPresenceName, type AwarenessView } from './presenceStamp';
import type { RoomContext } from './roomAuthExtension';
import { ConnectionRateLimiter, DEFAULT_ROOM_RATE_LIMIT, type RateLimitOptions } from './rateLimit';
import type { RoomGrant, RoomTokens } from './roomTokens';
import { syncSocketServer, upgradeSync, type SyncJudgement } from './syncAdmission';

/**
 * How often the store is asked whether another process (`warroom token revoke`) committed
 * anything. The question is SQLite's `PRAGMA data_version` on the host's own connection: a few
 * microseconds, and it changes only when another connection commits, so the revocation query
 * itself runs only then. (Watching the -wal file instead would fire on every write this host
 * makes, and stop firing when a checkpoint or the last connection removes the file.) 20 ms keeps
 * a revocation well inside 100 ms on a loaded machine at a cost of 50 pragma reads a second.
 */
export const REVOCATION_CHECK_MS = 20;
const HTTP_UNAUTHORIZED = 401;
const HTTP_FORBIDDEN = 403;
const HTTP_NOT_FOUND = 404;

export interface RoomListenerOptions {
  hostname: string;
  /** 0 = a free port. */
  port: number;
  /** PEM text of the certificate and its key; when given the listener speaks HTTPS/WSS only. */
  tls?: { cert: string; key: string };
  hocuspocus: Hocuspocus;
  tokens: RoomTokens;
  staticDir: string | null;
  log: (line: string) => void;
  rateLimit?: RateLimitOptions;
  /** Alert intake: POST /intake/<source> with an intake token (the room token means nothing there). */
  intake?: (req: IncomingMessage, res: ServerResponse) => void;
  /** Told the incident whose room gained or lost a connection (the share panel's live list). */
  onConnectionsChanged?: (incidentId: string) => void;
}

/** One live room connection, for the share panel's "who is connected". */
export interface RoomConnectionInfo extends RoomGrant {
  address: string;
  connectedAt: string;
  /** The (stamped) awareness name the joiner gave, once its presence arrived. */
  presenceName?: string | null;
}

export interface RoomListener {
  /** http(s)://HOST:PORT */
  url: string;
  port: number;
  /** SHA-256 of the certificate, lowercase hex, when TLS is on (goes into join links). */
  fingerprint?: string;
  connections(): RoomConnectionInfo[];
  close(): Promise<void>;
}

/** The certificate's SHA-256 fingerprint as join links carry it. */
export function certificateFingerprint(certPem: string): string {
  return new X509Certificate(certPem).fingerprint256.replace(/:/g, '').toLowerCase();
}

function statusLine(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
  res.end(text);
}

/** Closed paths answer 404 on this listener, also as plain HTTP (no app shell for them). */
const CLOSED_PATHS: ReadonlySet<string> = new Set([WS_PATHS.rpc, WS_PATHS.term]);

/** The host's presence for a document, as one socket's PresenceStamp needs to see it. */
function awarenessView(hocuspocus: Hocuspocus, docName: string, ws: WebSocket): AwarenessView {
  const document = hocuspocus.documents.get(docName);
  return {
    stateOf: (clientId) => document?.awareness.getStates().get(clientId),
    ownedElsewhere: (clientId) => document?.getConnections().some((c) => c.webSocket !== ws && document.getClients(c.webSocket).has(clientId)) ?? false,
  };
}

/** The name in the socket's own awareness state; the stamp guarantees it matches a named token. */
function presenceName(hocuspocus: Hocuspocus, docName: string, ws: WebSocket): string | null {
  const document = hocuspocus.documents.get(docName);
  return document ? socketPresenceName(document, ws) : null;
}

export async function startRoomListener(opts: RoomListenerOptions): Promise<RoomListener> {
  const { hocuspocus, tokens, log } = opts;
  const scheme = opts.tls ? 'https' : 'http';
  const limiter = new ConnectionRateLimiter(opts.rateLimit ?? DEFAULT_ROOM_RATE_LIMIT);
  const byToken = new Map<string, Set<WebSocket>>();
  const info = new Map<WebSocket, RoomConnectionInfo>();
  let port = 0;

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    const pathname = new URL(req.url ?? '/', 'http://host.invalid').pathname;
    if (CLOSED_PATHS.has(pathname)) return statusLine(res, HTTP_NOT_FOUND, 'not found');
    if (opts.intake && isIntakeRequest(pathname)) return opts.intake(req, res);
    serveStatic(req, res, opts.staticDir, port).catch((err: Error) => {
      log(`room static: ${err.message}`);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  };
  const server: Server = opts.tls ? createHttpsServer({ cert: opts.tls.cert, key: opts.tls.key }, onRequest) : createHttpServer(onRequest);
  const wss = syncSocketServer();

  /** Same-origin for whatever name the joiner used to reach us: Origin must match the Host header. */
  const originAllowed = (req: IncomingMessage): boolean => {
    const origin = req.headers.origin;
    if (origin === undefined) return true;
    const host = req.headers.host;
    return host !== undefined && origin.toLowerCase() === `${scheme}://${host}`.toLowerCase();
  };

  const judge = (req: IncomingMessage): SyncJudgement<RoomGrant> => {
    const url = new URL(req.url ?? '/', 'http://host.invalid');
    if (url.pathname !== WS_PATHS.sync) return { ok: false, status: HTTP_NOT_FOUND };
    const grant = tokens.verify(url.searchParams.get('token'));
    if (!grant) return { ok: false, status: HTTP_UNAUTHORIZED };
    if (!originAllowed(req)) return { ok: false, status: HTTP_FORBIDDEN };
    return { ok: true, grant };
  };

  const track = (ws: WebSocket, grant: RoomGrant, address: string) => {
    const set = byToken.get(grant.tokenId) ?? new Set<WebSocket>();
    byToken.set(grant.tokenId, set);
    set.add(ws);
    info.set(ws, { ...grant, address, connectedAt: new Date().toISOString() });
    opts.onConnectionsChanged?.(grant.incidentId);
    ws.once('close', () => {
      set.delete(ws);
      if (set.size === 0) byToken.delete(grant.tokenId);
      info.delete(ws);
      opts.onConnectionsChanged?.(grant.incidentId);
    });
  };

  const disconnectToken = (tokenId: string) => {
    const sockets = byToken.get(tokenId);
    if (!sockets) return;
    log(`room token ${tokenId} revoked: closing ${sockets.size} connection(s)`);
    for (const ws of sockets) refuseSocket(ws, ROOM_CLOSE.tokenRevoked);
  };
  // The revoke listener and the revocation watch: freed on close, or when the port cannot be had.
  const lifetime = new DisposableStore();
  lifetime.add(tokens.onRevoke(disconnectToken));
  let checkFailing = false;
  const revocationWatch = setInterval(() => {
    try {
      if (byToken.size > 0 && tokens.changedElsewhere()) tokens.revokedAmong([...byToken.keys()]).forEach(disconnectToken);
      checkFailing = false;
    } catch (err) {
      // Once per outage, not fifty lines a second.
      if (!checkFailing) log(`room token check failed: ${(err as Error).message}`);
      checkFailing = true;
    }
  }, REVOCATION_CHECK_MS);
  revocationWatch.unref();
  lifetime.add(toDisposable(() => clearInterval(revocationWatch)));

  const rules = {
    wss,
    hocuspocus,
    limiter,
    log,
    judge,
    admitted: (ws: WebSocket, grant: RoomGrant, address: string) => {
      track(ws, grant, address);
      const docName = incidentDocName(grant.incidentId);
      const context: RoomContext = { room: grant, presence: new PresenceStamp(grant) };
      return {
        policy: roomFramePolicy(docName, context.presence, () => awarenessView(hocuspocus, docName, ws)),
        context: { ...context },
        label: `room connection ${grant.tokenId} from ${address}`,
      };
    },
  };
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => upgradeSync(rules, req, socket, head));

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port, opts.hostname, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    // A port in use must not leave the watch and the revoke listener behind (the user retries).
    lifetime.dispose();
    throw err;
  }
  server.on('error', (err) => log(`room listener error: ${err.message}`));
  // TLS handshakes that fail (plain HTTP to an HTTPS port, scanners) are not the room's business.
  server.on('tlsClientError', () => {});
  port = (server.address() as AddressInfo).port;
  const hostForUrl = opts.hostname.includes(':') ? `[${opts.hostname}]` : opts.hostname;

  return {
    url: `${scheme}://${hostForUrl}:${port}`,
    port,
    ...(opts.tls ? { fingerprint: certificateFingerprint(opts.tls.cert) } : {}),
    connections: () => [...info].map(([ws, c]) => ({ ...c, presenceName: presenceName(hocuspocus, incidentDocName(c.incidentId), ws) })),
    async close() {
      lifetime.dispose();
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
