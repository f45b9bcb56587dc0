// Real clients for host tests: a Hocuspocus provider over `ws`, and a raw /rpc client.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { openDatabase } from '../sqlite';
import { IncidentStore } from '../store';
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket, { type ClientOptions } from 'ws';
import * as Y from 'yjs';
import { addEntry, createIncident } from '../../../shared/model/commands';
import { readEntries } from '../../../shared/model/doc';
import { newId } from '../../../shared/model/ids';
import type { EventFrame, MethodName, ResultFrame } from '../../../shared/protocol/api';
import { incidentDocName } from '../../../shared/protocol/api';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** Reconnect quickly in tests; production clients back off further. */
const TEST_RECONNECT_MS = 100;

export function tempDir(prefix = 'warroom-host-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function waitFor(check: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A TCP port that was free a moment ago, for a child process that must come back on the same port. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface SyncClient {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
  failures: string[];
  synced(): Promise<void>;
  destroy(): void;
}

/** A Hocuspocus provider on /sync that reconnects quickly; `webSocket` is the socket class (the room's tests pin TLS with it). */
export function connectSync(wsBase: string, token: string, incidentId: string, doc = new Y.Doc(), providerToken = token, webSocket: new (url: string, protocols?: string | string[]) => WebSocket = WebSocket): SyncClient {
  const socket = new HocuspocusProviderWebsocket({
    url: `${wsBase}/sync?token=${encodeURIComponent(token)}`,
    WebSocketPolyfill: webSocket,
    delay: TEST_RECONNECT_MS,
    minDelay: TEST_RECONNECT_MS,
    maxDelay: TEST_RECONNECT_MS,
    factor: 1,
  });
  const failures: string[] = [];
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: incidentDocName(incidentId),
    document: doc,
    token: providerToken,
    onAuthenticationFailed: ({ reason }) => failures.push(reason),
  });
  provider.attach();
  return {
    doc,
    provider,
    socket,
    failures,
    synced: () => waitFor(() => provider.isSynced && provider.unsyncedChanges === 0, 10_000, 'provider sync'),
    destroy: () => {
      provider.destroy();
      socket.destroy();
    },
  };
}

export class RpcClient {
  readonly events: EventFrame[] = [];
  private nextId = 1;
  private readonly pending = new Map<number, (frame: ResultFrame) => void>();
  readonly strays: ResultFrame[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as ResultFrame | EventFrame;
      if (frame.t === 'event') return void this.events.push(frame);
      const resolve = this.pending.get(frame.id);
      if (resolve) {
        this.pending.delete(frame.id);
        resolve(frame);
      } else this.strays.push(frame);
    });
  }

  static connect(wsBase: string, token: string): Promise<RpcClient> {
    const ws = new WebSocket(`${wsBase}/rpc?token=${encodeURIComponent(token)}`);
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new RpcClient(ws)));
      ws.once('error', reject);
    });
  }

  call(method: MethodName | string, args: unknown = {}): Promise<ResultFrame> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.ws.send(JSON.stringify({ t: 'call', id, method, args }));
    });
  }

  /** Calls and returns the value, failing the test on an error reply. */
  async value<T = unknown>(method: MethodName, args: unknown = {}): Promise<T> {
    const frame = await this.call(method, args);
    if (!frame.ok) throw new Error(`${method} failed: ${frame.error.code}: ${frame.error.message}`);
    return frame.value as T;
  }

  close(): void {
    this.ws.close();
  }
}

export function wsBase(url: string): string {
  return url.replace(/^http/, 'ws');
}

/** Bundles the CLI like scripts/build.mjs does, beside node_modules so the native modules resolve. */
export function buildCli(): Promise<string> {
  return bundleForNode(path.join(REPO_ROOT, 'electron', 'cli.ts'), 'cli');
}

/** Bundles a TypeScript entry for a child `node` process, as the CLI is bundled. */
export async function bundleForNode(entry: string, name: string): Promise<string> {
  const outfile = path.join(REPO_ROOT, 'node_modules', '.cache', 'war-room-host-test', `${name}-${process.pid}.mjs`);
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    external: ['@photostructure/sqlite', 'node-pty', 'electron'],
    logLevel: 'error',
    banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" },
  });
  return outfile;
}

/** Runs the built CLI (see buildCli) with its own empty XDG_DATA_HOME. */
export function runCli(cli: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const res = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, XDG_DATA_HOME: tempDir() } });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

/** A store written through IncidentStore in `dir`, holding one incident with 40 entries; returns its id. */
export function seedStore(dir: string): string {
  const store = IncidentStore.open(dir);
  const doc = new Y.Doc();
  const id = newId();
  doc.on('update', (u: Uint8Array) => store.append(incidentDocName(id), u));
  createIncident(doc, { author: 'Priya' }, { id, title: 'Replica lag', severity: 'SEV2', startedAt: '2026-11-21T23:06:00.000Z', timeZone: 'UTC' });
  for (let i = 0; i < 40; i += 1) addEntry(doc, { author: 'Priya' }, { text: `step ${i} ${'x'.repeat(200)}` });
  store.close();
  return id;
}

/** Entry texts stored for a document, read straight from the database file by a separate, read-only connection. */
export function entryTextsOnDisk(dbFile: string, docName: string): string[] {
  const db = openDatabase(dbFile, { readOnly: true });
  try {
    const rows = db.prepare('SELECT data FROM snapshots WHERE doc = ? UNION ALL SELECT data FROM updates WHERE doc = ?').all(docName, docName) as Array<{ data: Uint8Array }>;
    const doc = new Y.Doc();
    for (const r of rows) {
      try {
        Y.applyUpdate(doc, new Uint8Array(r.data));
      } catch {
        // A row that does not decode (unreadableRows.test.ts damages one on purpose) holds no entries.
      }
    }
    return readEntries(doc).map((e) => e.text);
  } finally {
    db.close();
  }
}

/** The HTTP status an upgrade gets (101 when it opens). */
export function upgradeStatus(url: string, opts: ClientOptions = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, opts);
    ws.once('open', () => {
      ws.close();
      resolve(101);
    });
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', (err) => {
      if (!/Unexpected server response/.test(err.message)) reject(err);
    });
  });
}

/** The incident most host tests create: "Primary database lost", SEV1, in Denver's zone. */
export const TEST_INCIDENT = {
  title: 'Primary database lost',
  severity: 'SEV1',
  startedAt: '2026-11-21T23:06:00.000Z',
  timeZone: 'America/Denver',
  author: 'Priya',
} as const;
