// The team server: one instance of `warroom serve --store postgres://… [--redis redis://…]`.
// Several instances on the same PostgreSQL and Redis serve the same incidents: each appends what
// its own clients send before acknowledging it (teamPersistence.ts), and Hocuspocus' Redis
// extension carries every change to the other instances (redisFanout.ts). It serves Yjs sync on
// /sync and its health on /healthz; the desktop host's RPC, terminals and files are not here (a
// team server holds incidents, not anybody's shell).
// Who may connect: the server token (operators, and desktop hosts that replicate incidents), or a
// room token (one incident, as responder or observer) from the store's room_tokens. A token
// revoked through any instance closes its holders' connections on every instance, through the
// store's revocation feed (PostgreSQL LISTEN/NOTIFY).
import { Hocuspocus, type Extension, type onAuthenticatePayload } from '@hocuspocus/server';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import { DisposableStore, interval, MutableDisposable } from '../../../shared/lifecycle/disposable';
import { incidentDocName, WS_PATHS } from '../../../shared/protocol/api';
import { ROOM_CLOSE } from '../../../shared/protocol/room';
import type { DocumentStore } from '../documentStore';
import { INCIDENT_DOC_NAME, SyncRefused } from '../extensions/authExtension';
import { gateFrames, LOOPBACK_FRAME_POLICY } from '../sharing/frameGate';
import type { RoomGrant } from '../sharing/roomTokens';
import { syncSocketServer } from '../sharing/syncAdmission';
import { generateToken, tokensEqual } from '../token';
import { refuseUpgrade } from '../upgradeGate';
import { RedisFanout } from './redisFanout';
import { TeamIndexExtension } from './teamIndex';
import { TeamPersistenceExtension } from './teamPersistence';

/** How often a store that failed is asked again whether it answers. */
export const TEAM_STORE_PROBE_MS = 1000;
/** On close, how long documents may take to unload (the fan-out delays it 200 ms), and how often to look. */
const UNLOAD_WAIT_MS = 2000;
const UNLOAD_POLL_MS = 20;
const HTTP_OK = 200;
const HTTP_UNAVAILABLE = 503;
const HTTP_UNAUTHORIZED = 401;
const HTTP_NOT_FOUND = 404;

export interface TeamServerOptions {
  store: DocumentStore;
  /** redis://host:port; without it this instance serves alone (no fan-out). */
  redis?: string;
  /** This instance's name in logs and Redis messages; default a random one. */
  instanceId?: string;
  port?: number;
  /** Default '127.0.0.1'; a team server behind a load balancer binds its private address. */
  hostname?: string;
  /** The server token; default 256 random bits. */
  token?: string;
  log?: (line: string) => void;
}

export interface RunningTeamServer {
  url: string;
  port: number;
  token: string;
  instanceId: string;
  /** Whether the last store call worked. */
  storeOk(): boolean;
  close(): Promise<void>;
}

type Grant = { kind: 'server' } | { kind: 'room'; room: RoomGrant };

export async function startTeamServer(opts: TeamServerOptions): Promise<RunningTeamServer> {
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const { store } = opts;
  const token = opts.token ?? generateToken();
  const instanceId = opts.instanceId ?? `instance-${generateToken().slice(0, 8)}`;

  // The server's timers and subscriptions, freed first on close: a failure reported while the
  // server shuts down starts no probe that would outlive it.
  const lifetime = new DisposableStore();
  // Store health: reported once when it fails and once when it answers again; probed meanwhile.
  let storeOk = true;
  const probe = lifetime.add(new MutableDisposable());
  const storeWorked = () => {
    if (storeOk) return;
    storeOk = true;
    probe.clear();
    log(`store writable again: ${store.location}`);
  };
  const storeFailed = (err: Error) => {
    if (!storeOk) return;
    storeOk = false;
    log(`store error: ${store.location}: ${err.message}; retrying every ${TEAM_STORE_PROBE_MS} ms`);
    probe.value = interval(() => void store.ping().then(storeWorked, () => undefined), TEAM_STORE_PROBE_MS);
  };

  // Revocations heard from any instance: remembered, and every holder here is disconnected.
  const revoked = new Set<string>();
  const holders = new Map<string, Set<WebSocket>>();
  lifetime.add(
    store.onRoomTokenRevoked((tokenId) => {
      revoked.add(tokenId);
      for (const ws of holders.get(tokenId) ?? []) ws.close(ROOM_CLOSE.tokenRevoked.code, ROOM_CLOSE.tokenRevoked.reason);
    }),
  );

  const auth: Extension = {
    extensionName: 'war-room-team-auth',
    priority: 1000,
    async onAuthenticate(data: onAuthenticatePayload) {
      const grant = (data.context as { grant?: Grant }).grant;
      if (!INCIDENT_DOC_NAME.test(data.documentName)) throw new SyncRefused('unknown-document');
      if (grant?.kind === 'room') {
        if (data.documentName !== incidentDocName(grant.room.incidentId)) throw new SyncRefused(ROOM_CLOSE.wrongDocument.reason);
        if (revoked.has(grant.room.tokenId)) throw new SyncRefused(ROOM_CLOSE.tokenRevoked.reason);
        if (grant.room.role === 'observer') data.connectionConfig.readOnly = true;
        return;
      }
      if (!tokensEqual(data.token, token)) throw new SyncRefused('bad-token');
    },
  };
  const fanout = opts.redis ? new RedisFanout({ url: opts.redis, identifier: instanceId, log }) : null;
  const hocuspocus = new Hocuspocus({
    name: instanceId,
    quiet: true,
    // Every update is appended before it is applied; nothing waits for a debounced store.
    debounce: 0,
    maxDebounce: 0,
    extensions: [
      auth,
      new TeamPersistenceExtension({ store, log, storeFailed, storeWorked, isRevoked: (id) => revoked.has(id) }),
      new TeamIndexExtension({ store, log, storeFailed }),
      ...(fanout ? [fanout] : []),
    ],
  });

  const wss = syncSocketServer();
  const admit = async (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://host.invalid');
    if (url.pathname !== WS_PATHS.sync) return refuseUpgrade(socket, HTTP_NOT_FOUND);
    const presented = url.searchParams.get('token');
    let grant: Grant | null = null;
    if (tokensEqual(presented, token)) grant = { kind: 'server' };
    else {
      try {
        const room = await store.roomTokens.verify(presented);
        storeWorked();
        if (room && !revoked.has(room.tokenId)) grant = { kind: 'room', room };
      } catch (err) {
        storeFailed(err as Error);
        return refuseUpgrade(socket, HTTP_UNAVAILABLE);
      }
    }
    if (!grant) return refuseUpgrade(socket, HTTP_UNAUTHORIZED);
    const admitted = grant;
    wss.handleUpgrade(req, socket, head, (ws) => {
      const address = req.socket.remoteAddress ?? 'unknown';
      ws.on('error', (err) => log(`sync connection from ${address}: ${err.message}`));
      gateFrames(ws, LOOPBACK_FRAME_POLICY, (reason) => log(`sync connection from ${address} closed: ${reason}`));
      if (admitted.kind === 'room') {
        const { tokenId } = admitted.room;
        const set = holders.get(tokenId) ?? new Set<WebSocket>();
        holders.set(tokenId, set.add(ws));
        ws.once('close', () => {
          set.delete(ws);
          if (set.size === 0) holders.delete(tokenId);
        });
      }
      hocuspocus.handleConnection(ws, req, admitted.kind === 'room' ? { grant: admitted, room: admitted.room } : { grant: admitted });
    });
  };

  const server = createServer((req, res) => {
    if (req.url === '/healthz') {
      const body = { instance: instanceId, store: storeOk ? 'ok' : 'unavailable', redis: fanout ? (fanout.isConnected ? 'ok' : 'unavailable') : 'off' };
      res.writeHead(storeOk ? HTTP_OK : HTTP_UNAVAILABLE, { 'Content-Type': 'application/json' });
      return void res.end(JSON.stringify(body));
    }
    res.writeHead(HTTP_NOT_FOUND, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('not found');
  });
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    void admit(req, socket, head);
  });
  const hostname = opts.hostname ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, hostname, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://${hostname.includes(':') ? `[${hostname}]` : hostname}:${port}`,
    port,
    token,
    instanceId,
    storeOk: () => storeOk,
    async close() {
      lifetime.dispose();
      hocuspocus.closeConnections();
      for (const ws of wss.clients) ws.terminate();
      // Documents unload once their last connection is gone (after the fan-out's short delay).
      const unloadBy = Date.now() + UNLOAD_WAIT_MS;
      while (hocuspocus.documents.size > 0 && Date.now() < unloadBy) await new Promise((resolve) => setTimeout(resolve, UNLOAD_POLL_MS));
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await fanout?.onDestroy();
    },
  };
}
