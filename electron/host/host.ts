// The host: one HTTP server on loopback serving the renderer, Yjs sync (Hocuspocus) on /sync and
// the typed RPC on /rpc, over the SQLite store. Tests, `warroom serve` and Electron's main process
// all start it through startHost(). Plain Node: never imports electron.
import { Hocuspocus } from '@hocuspocus/server';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WebSocket } from 'ws';
import pkg from '../../package.json';
import { DisposableStore, interval, MutableDisposable, type Disposable } from '../../shared/lifecycle/disposable';
import { Emitter } from '../../shared/lifecycle/emitter';
import { addEntry } from '../../shared/model/commands';
import { HostApi, incidentDocName, incidentIdFromDocName, TOKEN_CHECK_PATH, WS_PATHS, type StoreStatus } from '../../shared/protocol/api';
import { AuthExtension } from './extensions/authExtension';
import { IncidentIndexExtension } from './extensions/incidentIndexExtension';
import { createIntake } from './intake/intakeService';
import { OutboundExtension, type OutboundOptions } from './outbound/outboundExtension';
import { isIntakeRequest } from './intake/intakeEndpoint';
import type { IntakeTokens } from './intake/intakeTokens';
import { writeIncident, type IncidentWriterDeps } from './incidentWriter';
import { PersistenceExtension } from './extensions/persistenceExtension';
import { createHostApi } from './hostApi';
import { rebuildMissingRows } from './incidentIndex';
import { catchUpInBackground, openSearchIndex } from './search/searchIndex';
import { SearchIndexExtension } from './extensions/searchIndexExtension';
import { ReplicaGuardExtension } from './replica/replicaGuard';
import { ReplicaManager } from './replica/replicaManager';
import type { ReconnectDelays } from './replica/roomReplica';
import { RpcServer } from './rpcServer';
import { createConfSettings } from './settings';
import { serveStatic } from './staticFiles';
import { DB_FILE_NAME, IncidentStore, type StoreOptions } from './store';
import { describeUnreadableRow } from '../../shared/protocol/unreadableRows';
import { namingStoreFile } from './storeCheck';
import { isLoose, sqliteFiles, tightenDataDir } from './privateFiles';
import { TerminalService } from './terminals/terminalService';
import { LOOPBACK_FRAME_POLICY } from './sharing/frameGate';
import { ConnectionRateLimiter, type RateLimitOptions } from './sharing/rateLimit';
import { RoomAuthExtension } from './sharing/roomAuthExtension';
import type { RoomConnectionInfo } from './sharing/roomListener';
import { RoomTokens } from './sharing/roomTokens';
import { ShareControl } from './sharing/shareControl';
import { syncSocketServer, upgradeSync } from './sharing/syncAdmission';
import { generateToken } from './token';
import { hostOrigins, judgeUpgrade, refuseUpgrade, tokenCheckStatus } from './upgradeGate';

import type { SettingsBackend } from './settings';

export type { StoreStatus, SettingsBackend };

/** How often a failed store is re-tried; short enough that recovery feels prompt. */
export const STORE_PROBE_INTERVAL_MS = 5000;
/** Close code telling sync clients to reconnect now that the store accepts writes again. */
const STORE_RECOVERED_CLOSE_CODE = 4501;
/**
 * Upgrade attempts to the loopback /sync per address: the room listener's limiter, sized for one
 * machine. Every local client shares 127.0.0.1, and a desktop reopening its incidents after a
 * store recovery or a restart reconnects them all at once; a local flood is still bounded.
 */
export const LOOPBACK_SYNC_RATE_LIMIT: RateLimitOptions = { max: 200, windowMs: 10_000 };

export interface HostOptions {
  dataDir: string;
  /** 0 or undefined = a free port. */
  port?: number;
  /** Default '127.0.0.1'. */
  hostname?: string;
  /** The built renderer; default dist/renderer next to the bundle; null = don't serve. */
  staticDir?: string | null;
  /** Default: conf-backed in dataDir. */
  settings?: SettingsBackend;
  /** Default: 256 random bits, base64url. */
  token?: string;
  log?: (line: string) => void;
  extraOrigins?: string[];
  /** Test-only: re-try interval of a failed store. */
  storeProbeIntervalMs?: number;
  /** Test-only simulation of a full disk: cap the database at this many pages. */
  maxPageCount?: number;
  /** Opens the store in the data dir (default IncidentStore.open); tests wrap it to fill the disk at will. */
  openStore?: (dataDir: string, opts: StoreOptions) => IncidentStore;
  /** Test-only: how soon joined rooms retry an unreachable host. */
  replicaReconnect?: ReconnectDelays;
  /** Test hook: requests per token on /intake (default DEFAULT_INTAKE_RATE_LIMIT). */
  intakeRateLimit?: RateLimitOptions;
  /** Where customer status updates are sent (outbound/statusWebhooks.ts); none by default. */
  outbound?: Omit<OutboundOptions, 'log'>;
  /** Test seam: the loopback /sync rate limit (default LOOPBACK_SYNC_RATE_LIMIT). */
  syncRateLimit?: RateLimitOptions;
  /** Sharing: also listen here for room-token holders (sharing/roomListener.ts). TLS is PEM text. */
  listen?: { hostname: string; port: number; tls?: { cert: string; key: string }; rateLimit?: RateLimitOptions };
}

export interface RunningHost {
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  token: string;
  /** `${url}/#token=${token}` */
  openUrl: string;
  storeStatus(): StoreStatus;
  /** Shells running in this host's terminals. */
  runningTerminals(): number;
  /** Incidents not yet resolved (investigating, identified, monitoring), from the incident index. */
  activeIncidents(): number;
  /** Called whenever the incident index changes (created, imported, status or title edited…), until disposed. */
  onIncidentsChanged(listener: () => void): Disposable;
  /** The shared-room listener while sharing is on (`listen`, or startSharing over RPC). */
  room?: { url: string; port: number; fingerprint?: string; connections(): RoomConnectionInfo[] };
  /** Room tokens in this store; null when the store is unusable. */
  tokens: RoomTokens | null;
  /** Alert intake tokens in this store; null when the store is unusable. */
  intakeTokens: IntakeTokens | null;
  /** The full-text index: pending writes now (tests), and the background catch-up on start (how many incidents it read). */
  searchIndex: { flush(): Promise<void>; caughtUp: Promise<number> };
  close(): Promise<void>;
}

function defaultStaticDir(): string | null {
  const here = path.dirname(fileURLToPath(import.meta.url));
  // dist/cli.mjs → dist/renderer; dist/electron/main.mjs → dist/renderer.
  const candidates = [path.join(here, 'renderer'), path.join(here, '..', 'renderer')];
  return candidates.find((dir) => existsSync(path.join(dir, 'index.html'))) ?? null;
}

export async function startHost(opts: HostOptions): Promise<RunningHost> {
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const dataDir = path.resolve(opts.dataDir);
  const hostname = opts.hostname ?? '127.0.0.1';
  const token = opts.token ?? generateToken();
  const staticDir = opts.staticDir === undefined ? defaultStaticDir() : opts.staticDir;
  const storeWasLoose = sqliteFiles(path.join(dataDir, DB_FILE_NAME)).some(isLoose);
  let tightened = 0;
  try {
    tightened = tightenDataDir(dataDir);
  } catch (err) {
    log(`data dir ${dataDir} could not be made private: ${(err as Error).message}`);
  }
  const store = (opts.openStore ?? IncidentStore.open)(dataDir, opts.maxPageCount === undefined ? {} : { maxPageCount: opts.maxPageCount });
  // Said once: after this the modes are right and there is nothing left to say.
  if (tightened > 0 || (storeWasLoose && store.status.ok)) {
    log(`data dir ${dataDir}: made private to this user (folders 0700, files 0600); it was readable by other local users`);
  }
  if (!store.status.ok) log(`store unusable: ${store.status.reason}`);
  else {
    try {
      const added = rebuildMissingRows(store);
      if (added > 0) log(`incident index: rebuilt ${added} missing rows`);
    } catch (err) {
      log(`incident index not rebuilt: ${(err as Error).message}`);
    }
    for (const row of store.status.ok ? (store.status.unreadableRows ?? []) : []) log(`store: ${describeUnreadableRow(row)}`);
  }
  const settings: SettingsBackend = opts.settings ?? createConfSettings(dataDir);

  let rpc: RpcServer<typeof HostApi> | null = null;
  // Rooms this host joined (desktop join): created once Hocuspocus exists, asked by its guard before.
  let replicas: ReplicaManager | null = null;
  // What the host holds besides its servers and sockets: its subscriptions, its listeners and the
  // store probe. Freed first on close, so nothing the host subscribed to calls into a host that is
  // shutting down, and a store failure reported meanwhile starts no probe that would outlive it.
  const lifetime = new DisposableStore();
  const incidentsChangedEvent = lifetime.add(new Emitter());
  const incidentsChanged = () => {
    rpc?.broadcast('onIncidentsChanged', {});
    incidentsChangedEvent.fire();
  };
  const index = new IncidentIndexExtension({ store, onChanged: incidentsChanged, log });
  const searchIndex = openSearchIndex(store, log);
  const search = new SearchIndexExtension({ store, index: () => searchIndex, log });
  const hocuspocus = new Hocuspocus({
    quiet: true,
    // Nothing is stored through onStoreDocument (see PersistenceExtension), so there is nothing to
    // debounce; 0 also lets a document unload as soon as its last client leaves.
    debounce: 0,
    maxDebounce: 0,
    extensions: [
      new AuthExtension({ token, store }),
      new RoomAuthExtension({ tokens: () => tokens }),
      new ReplicaGuardExtension((incidentId) => replicas?.isObserved(incidentId) ?? false),
      new PersistenceExtension({ store, log }),
      index,
      search,
      ...(opts.outbound ? [new OutboundExtension({ ...opts.outbound, log })] : []),
      {
        // A joiner's name arrives in its awareness, after its socket: the share panel follows it.
        async onAwarenessUpdate({ documentName }: { documentName: string }) {
          const incidentId = incidentIdFromDocName(documentName);
          if (incidentId) share.presenceChanged(incidentId);
        },
      },
    ],
  });
  const writer: IncidentWriterDeps = {
    hocuspocus,
    refreshIndex: (doc) => index.refresh(doc),
    isObserved: (incidentId) => replicas?.isObserved(incidentId) ?? false,
  };
  const terminals = new TerminalService({
    dataDir,
    settings: () => settings.get().terminal,
    log,
    hostToken: token,
    // Through Hocuspocus, like createIncident, so open timelines show logged commands at once.
    writeEntry: (incidentId, author, entry) => writeIncident(writer, incidentId, author, (doc, ctx) => void addEntry(doc, ctx, entry)),
  });
  // Sharing: a second listener, on the interface the user chose, for room-token holders only.
  const tokens = store.status.ok ? new RoomTokens(store) : null;
  const intake = createIntake({ store, writer, log, ...(opts.intakeRateLimit ? { rateLimit: opts.intakeRateLimit } : {}), onOpened: (incident) => rpc?.broadcast('onAlertOpenedIncident', incident) });
  const share = new ShareControl({
    hocuspocus,
    intake: intake.endpoint,
    tokens,
    staticDir,
    log,
    hasIncident: (id) => store.status.ok && store.hasDoc(incidentDocName(id)),
    onConnections: (incidentId, connections) => rpc?.broadcast('onRoomConnections', { incidentId, connections }),
  });
  replicas = new ReplicaManager({
    store,
    hocuspocus,
    sharing: share,
    log,
    onStatus: (rooms) => rpc?.broadcast('onRoomStatus', { rooms }),
    // A joined incident appears in the local list as soon as its first sync lands.
    onSynced: (doc) => index.refresh(doc),
    ...(opts.replicaReconnect ? { reconnect: opts.replicaReconnect } : {}),
  });
  const api = createHostApi({ version: pkg.version, dataDir, store, hocuspocus, index, settings, incidentsChanged, terminals, share, replicas, searchIndex, statusTargetCount: () => opts.outbound?.targets().length ?? 0, intakeTokens: intake.tokens });
  rpc = new RpcServer(HostApi, namingStoreFile(api, store.file), log);

  const syncSockets = new Set<WebSocket>();
  // Re-tries a failed store while it stays failed.
  const probe = lifetime.add(new MutableDisposable());
  lifetime.add(
    store.onStatus((status) => {
      rpc?.broadcast('onStoreStatus', status);
      if (!status.ok) {
        log(`store error: ${status.reason}`);
        probe.value ??= interval(() => store.probe(), opts.storeProbeIntervalMs ?? STORE_PROBE_INTERVAL_MS);
        return;
      }
      log('store writable again');
      probe.clear();
      // Read-only connections reconnect as writable ones and re-send their unsynced changes.
      for (const ws of syncSockets) ws.close(STORE_RECOVERED_CLOSE_CODE, 'store-recovered');
    }),
  );

  let port = 0;
  const server = createServer((req, res) => {
    if (req.url === '/healthz') {
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
      return void res.end('ok');
    }
    if (req.url === TOKEN_CHECK_PATH) {
      res.writeHead(tokenCheckStatus(req, token), { 'Cache-Control': 'no-store' });
      return void res.end();
    }
    if (isIntakeRequest(req.url ?? '/')) return intake.endpoint(req, res);
    serveStatic(req, res, staticDir, port).catch((err: Error) => {
      log(`static: ${err.message}`);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  const wss = syncSocketServer();
  let origins = new Set<string>();
  // The host owner's own clients get the same /sync limits as room clients (sharing/syncAdmission.ts).
  const loopbackSync = {
    wss,
    hocuspocus,
    limiter: new ConnectionRateLimiter(opts.syncRateLimit ?? LOOPBACK_SYNC_RATE_LIMIT),
    log,
    judge: (req: IncomingMessage) => {
      const verdict = judgeUpgrade(req, token, origins);
      return verdict.ok ? { ok: true as const, grant: verdict.channel } : verdict;
    },
    admitted: (ws: WebSocket, _channel: string, address: string) => {
      syncSockets.add(ws);
      ws.on('close', () => syncSockets.delete(ws));
      return { policy: LOOPBACK_FRAME_POLICY, context: {}, label: `sync connection from ${address}` };
    },
  };
  server.on('upgrade', (req, socket, head) => {
    if (new URL(req.url ?? '/', 'http://host.invalid').pathname === WS_PATHS.sync) return upgradeSync(loopbackSync, req, socket, head);
    socket.on('error', () => socket.destroy());
    const verdict = judgeUpgrade(req, token, origins);
    if (!verdict.ok) return refuseUpgrade(socket, verdict.status);
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on('error', (err) => log(`socket error: ${err.message}`));
      if (verdict.channel === 'rpc') return rpc?.handle(ws);
      terminals.handleConnection(ws, new URL(req.url ?? '/', 'http://host.invalid').searchParams);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, hostname, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  origins = hostOrigins(port, opts.extraOrigins);
  const url = `http://${hostname.includes(':') ? `[${hostname}]` : hostname}:${port}`;
  if (opts.listen) {
    try {
      if (!tokens) throw new Error(`sharing needs a usable store: ${store.status.ok ? store.file : store.status.reason}`);
      await share.start(opts.listen);
    } catch (err) {
      lifetime.dispose();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      store.close();
      throw err;
    }
  }
  // Joined rooms sync again after a restart; in the background, so an unreachable room delays nothing.
  const resuming = replicas.resume();
  let closing = false;
  const searchCaughtUp = catchUpInBackground(store, searchIndex, log, () => closing);

  return {
    url,
    port,
    token,
    openUrl: `${url}/#token=${token}`,
    storeStatus: () => store.status,
    runningTerminals: () => terminals.count(),
    activeIncidents: () => (store.status.ok ? store.listSummaries().filter((summary) => summary.status !== 'resolved').length : 0),
    onIncidentsChanged: incidentsChangedEvent.event,
    get room() {
      const room = share.listener();
      return room ? { url: room.url, port: room.port, fingerprint: room.fingerprint, connections: room.connections } : undefined;
    },
    tokens,
    intakeTokens: intake.tokens,
    searchIndex: { flush: () => search.flushAll(), caughtUp: searchCaughtUp },
    async close() {
      lifetime.dispose();
      closing = true;
      await resuming;
      await searchCaughtUp;
      await replicas.close();
      await share.stop();
      // Shells first: their recordings flush and no logged command is written to a closed store.
      await terminals.closeAll();
      await intake.close();
      rpc?.closeAll();
      hocuspocus.closeConnections();
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // What the open documents changed in the last moments is indexed before the store closes.
      await search.flushAll();
      searchIndex?.close();
      store.close();
    },
  };
}
