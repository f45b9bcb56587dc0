// Sharing at runtime: the share panel starts and stops the room listener on the interface the user
// chose, mints room tokens with ready-to-send links, and watches who is connected. `serve --listen`
// goes through the same object, so shareStatus() is true however sharing was started.
// Everything here is reached only through the local /rpc (the room listener never serves it).
import type { Hocuspocus } from '@hocuspocus/server';
import { createPrivateKey } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { createSecureContext } from 'node:tls';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NetworkInterfaceInfo, RoomConnection, ShareListening } from '../../../shared/protocol/api';
import { buildBrowserUrl, buildJoinLink, type RoomRole, type RoomTokenInfo } from '../../../shared/protocol/room';
import { HostError } from '../hostError';
import { certificateFingerprint, startRoomListener, type RoomListener } from './roomListener';
import type { RateLimitOptions } from './rateLimit';
import type { RoomTokens } from './roomTokens';

const WILDCARDS: ReadonlySet<string> = new Set(['0.0.0.0', '::', '[::]']);

export interface ShareControlDeps {
  hocuspocus: Hocuspocus;
  tokens: RoomTokens | null;
  staticDir: string | null;
  log: (line: string) => void;
  /** Whether the incident exists in the store. */
  hasIncident: (incidentId: string) => boolean;
  /** Pushed to local RPC clients as onRoomConnections. */
  onConnections: (incidentId: string, connections: RoomConnection[]) => void;
  /** Test hook; the listener's default otherwise. */
  rateLimit?: RateLimitOptions;
  /** Alert intake (POST /intake/<source>), served on the room listener too. */
  intake?: (req: IncomingMessage, res: ServerResponse) => void;
  /** Test hook: the machine's interfaces. */
  interfaces?: () => NetworkInterfaceInfo[];
}

export interface ListenRequest {
  hostname: string;
  port: number;
  tls?: { cert: string; key: string };
  rateLimit?: RateLimitOptions;
}

/** The machine's addresses, external ones first, loopback last (the panel's default is the first). */
export function listInterfaces(): NetworkInterfaceInfo[] {
  const out: NetworkInterfaceInfo[] = [];
  for (const [name, addrs] of Object.entries(os.networkInterfaces())) {
    for (const a of addrs ?? []) {
      if (a.family !== 'IPv4' && a.family !== 'IPv6') continue;
      // Link-local IPv6 needs a zone id that a join link cannot carry portably.
      if (a.family === 'IPv6' && a.address.toLowerCase().startsWith('fe80:')) continue;
      out.push({ name, address: a.address, family: a.family, internal: a.internal });
    }
  }
  const rank = (i: NetworkInterfaceInfo) => (i.internal ? 2 : 0) + (i.family === 'IPv6' ? 1 : 0);
  return out.sort((a, b) => rank(a) - rank(b));
}

async function readPem(file: string, what: string, field: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'there is no such file' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
    throw new HostError('bad-args', `Could not read the TLS ${what} ${file}: ${why}.`, field);
  }
}

/** Reads and checks the PEM pair, naming the file at fault. */
export async function loadTls(certPath: string, keyPath: string): Promise<{ cert: string; key: string }> {
  const cert = await readPem(certPath, 'certificate', 'tlsCertPath');
  const key = await readPem(keyPath, 'key', 'tlsKeyPath');
  try {
    certificateFingerprint(cert);
  } catch {
    throw new HostError('bad-args', `${certPath} is not a PEM certificate.`, 'tlsCertPath');
  }
  try {
    createPrivateKey(key);
  } catch {
    throw new HostError('bad-args', `${keyPath} is not a PEM private key (or it is encrypted).`, 'tlsKeyPath');
  }
  try {
    createSecureContext({ cert, key });
  } catch {
    throw new HostError('bad-args', `The key ${keyPath} does not belong to the certificate ${certPath}.`, 'tlsKeyPath');
  }
  return { cert, key };
}

function listenError(err: unknown, req: ListenRequest): HostError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return new HostError('bad-args', `Port ${req.port} is already in use on ${req.hostname}; choose another port.`, 'port');
  if (code === 'EACCES') return new HostError('bad-args', `Port ${req.port} needs administrator rights; choose one above 1023.`, 'port');
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new HostError('bad-args', `${req.hostname} is not an address of this machine.`, 'hostname');
  }
  return new HostError('bad-args', `Could not listen on ${req.hostname}:${req.port}: ${(err as Error).message}`);
}

export class ShareControl {
  private room: RoomListener | null = null;
  private hostname = '';
  private advertised: string | null = null;
  private starting: Promise<ShareListening> | null = null;

  constructor(private readonly deps: ShareControlDeps) {}

  interfaces(): NetworkInterfaceInfo[] {
    return (this.deps.interfaces ?? listInterfaces)();
  }

  status(): ShareListening | null {
    if (!this.room) return null;
    return {
      url: `${this.room.fingerprint ? 'https' : 'http'}://${hostForUrl(this.advertised ?? this.hostname)}:${this.room.port}`,
      port: this.room.port,
      hostname: this.hostname,
      advertisedHost: this.advertised,
      ...(this.room.fingerprint ? { fingerprint: this.room.fingerprint } : {}),
    };
  }

  /** The live listener, for RunningHost.room. */
  listener(): RoomListener | null {
    return this.room;
  }

  /** From the panel: reads the PEM files itself. */
  async startFromPaths(args: { hostname: string; port: number; tlsCertPath?: string; tlsKeyPath?: string }): Promise<ShareListening> {
    const cert = args.tlsCertPath || undefined;
    const key = args.tlsKeyPath || undefined;
    if ((cert === undefined) !== (key === undefined)) {
      throw new HostError('bad-args', 'TLS needs both a certificate file and its key file.', cert === undefined ? 'tlsCertPath' : 'tlsKeyPath');
    }
    const tls = cert && key ? await loadTls(cert, key) : undefined;
    return this.start({ hostname: args.hostname, port: args.port, ...(tls ? { tls } : {}) });
  }

  async start(req: ListenRequest): Promise<ShareListening> {
    if (this.room || this.starting) throw new HostError('already-sharing', 'Sharing is already on; stop it first to change the address.');
    const tokens = this.deps.tokens;
    if (!tokens) throw new HostError('store', 'Sharing needs a usable store, and this one is not.');
    this.starting = (async () => {
      try {
        const rateLimit = req.rateLimit ?? this.deps.rateLimit;
        this.room = await startRoomListener({
          hostname: req.hostname,
          port: req.port,
          ...(req.tls ? { tls: req.tls } : {}),
          ...(rateLimit ? { rateLimit } : {}),
          hocuspocus: this.deps.hocuspocus,
          tokens,
          ...(this.deps.intake ? { intake: this.deps.intake } : {}),
          staticDir: this.deps.staticDir,
          log: this.deps.log,
          onConnectionsChanged: (incidentId) => this.announce(incidentId),
        });
      } catch (err) {
        throw listenError(err, req);
      }
      this.hostname = req.hostname;
      this.advertised = this.advertisedHost(req.hostname);
      this.deps.log(`sharing on ${this.room.url}${this.advertised && this.advertised !== req.hostname ? ` (links use ${this.advertised})` : ''}`);
      return this.status() as ShareListening;
    })();
    try {
      return await this.starting;
    } finally {
      this.starting = null;
    }
  }

  async stop(): Promise<void> {
    const room = this.room;
    this.room = null;
    if (!room) return;
    await room.close();
    this.deps.log('sharing stopped');
  }

  createToken(args: { incidentId: string; role: RoomRole; name?: string | undefined }) {
    const listening = this.status();
    if (!listening || !this.deps.tokens) throw new HostError('not-sharing', 'Start sharing first: a link needs an address to point at.');
    if (!listening.advertisedHost) {
      throw new HostError('no-address', `Sharing listens on ${listening.hostname}, but this machine has no network address a joiner could reach; share on a specific interface.`);
    }
    if (!this.deps.hasIncident(args.incidentId)) throw new HostError('not-found', `There is no incident with id ${args.incidentId}.`, 'incidentId');
    const name = args.name?.trim() || undefined;
    const created = this.deps.tokens.create({ role: args.role, incidentId: args.incidentId, ...(name ? { name } : {}) });
    const link = {
      host: listening.advertisedHost,
      port: listening.port,
      room: args.incidentId,
      token: created.secret,
      ...(listening.fingerprint ? { tls: listening.fingerprint } : {}),
    };
    return { ...created, joinLink: buildJoinLink(link), browserUrl: buildBrowserUrl(link) };
  }

  listTokens(incidentId: string): RoomTokenInfo[] {
    return this.deps.tokens?.list(incidentId) ?? [];
  }

  revokeToken(id: string): boolean {
    if (!this.deps.tokens) throw new HostError('store', 'The store is not usable, so no token can be revoked.');
    return this.deps.tokens.revoke(id);
  }

  connections(incidentId: string): RoomConnection[] {
    if (!this.room) return [];
    return this.room
      .connections()
      .filter((c) => c.incidentId === incidentId)
      .map((c) => ({ tokenId: c.tokenId, name: c.name ?? c.presenceName ?? null, roomRole: c.role, connectedAt: c.connectedAt, address: c.address }));
  }

  /**
   * A joiner's awareness (and so its name) arrives after its socket: the host calls this from
   * Hocuspocus's awareness hook, so "Connected now" shows the name as soon as it is known.
   */
  presenceChanged(incidentId: string): void {
    if (this.room?.connections().some((c) => c.incidentId === incidentId)) this.announce(incidentId);
  }

  private announce(incidentId: string): void {
    this.deps.onConnections(incidentId, this.connections(incidentId));
  }

  /** What a joiner should dial: the address itself, or for a wildcard the first external one. */
  private advertisedHost(hostname: string): string | null {
    if (!WILDCARDS.has(hostname)) return hostname;
    const wantV4 = hostname === '0.0.0.0';
    const pick = this.interfaces().find((i) => !i.internal && (!wantV4 || i.family === 'IPv4'));
    return pick?.address ?? null;
  }
}

function hostForUrl(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}
