// Shared live war room benchmarks (smaller with --quick), all through the room listener with room tokens, against
// plain Yjs in this process, measured in the same run:
//   - edit → visible on another client (two providers, one host, loopback), p50/p95;
//   - 20 clients × 5 edits/s for 60 s against a `warroom serve --listen` child: no lost entry, host CPU/RSS;
//   - initial sync of a 100k-entry incident for a new joiner: seconds and bytes on the wire.
// Every client is a real HocuspocusProvider over `ws`, as a headless joiner would be.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket, { type ClientOptions } from 'ws';
import * as Y from 'yjs';
import { startHost } from '../electron/host/host';
import { RoomTokens } from '../electron/host/sharing/roomTokens';
import { IncidentStore } from '../electron/host/store';
import { addEntry } from '../shared/model/commands';
import { ENTRIES } from '../shared/model/doc';
import { incidentDocName } from '../shared/protocol/api';
import type { BenchRow } from './report';
import { SCALE, thousands } from './scale';
import { importArchive, rssBytes } from './servedHost';
import { fmtMb, fmtMs, percentile } from './stats';

const LATENCY_EDITS = SCALE.latencyEdits;
const LATENCY_TARGET_MS = 50;
const LOAD_CLIENTS = SCALE.loadClients;
const LOAD_PERIOD_MS = 200;
const LOAD_MS = SCALE.loadMs;
const EDITS_PER_CLIENT = LOAD_MS / LOAD_PERIOD_MS;
const IDLE_MS = SCALE.loadIdleMs;
const BIG_ENTRIES = SCALE.syncEntries;
const SYNC_TIMEOUT_MS = 120_000;
/** Linux clock ticks per second for /proc/<pid>/stat utime+stime (getconf CLK_TCK). */
const CLK_TCK = 100;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const entriesOf = (doc: Y.Doc) => doc.getMap(ENTRIES);

async function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`bench: timed out waiting for ${what}`);
    await sleep(10);
  }
}

interface Joiner {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** Bytes of every message the socket received. */
  received(): number;
  synced(timeoutMs?: number): Promise<void>;
  destroy(): void;
}

/** A provider on the room listener. `localAddress` gives each simulated person its own loopback
 *  source address (127.0.0.x), as separate machines would have, so the per-address rate limit
 *  sees twenty people rather than one flooding address. */
function join(roomWs: string, secret: string, incidentId: string, localAddress?: string): Joiner {
  let bytes = 0;
  const wsOptions: ClientOptions = localAddress ? { localAddress } : {};
  class CountingSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, wsOptions);
      this.on('message', (data: Buffer | ArrayBuffer | Buffer[]) => {
        bytes += Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : data.byteLength;
      });
    }
  }
  const socket = new HocuspocusProviderWebsocket({ url: `${roomWs}/sync?token=${encodeURIComponent(secret)}`, WebSocketPolyfill: CountingSocket });
  const doc = new Y.Doc();
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: incidentDocName(incidentId), document: doc, token: secret });
  provider.attach();
  return {
    doc,
    provider,
    received: () => bytes,
    synced: (timeoutMs = SYNC_TIMEOUT_MS) => waitFor(() => provider.isSynced && provider.unsyncedChanges === 0, timeoutMs, 'provider sync'),
    destroy: () => {
      provider.destroy();
      socket.destroy();
    },
  };
}

/** Resolves when `doc`'s entries map gains `id`. */
function seen(doc: Y.Doc, id: () => string): Promise<void> {
  return new Promise((resolve) => {
    const map = entriesOf(doc);
    const check = () => {
      if (!map.has(id())) return;
      map.unobserve(check);
      resolve();
    };
    map.observe(check);
  });
}

/** Row 1: in-process host with a room listener; A adds, B sees; baseline is Y.applyUpdate between two docs. */
async function benchLatency(root: string): Promise<BenchRow> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'warroom-bench-share-'));
  const incidentId = importArchive(root, dataDir, 10);
  const host = await startHost({ dataDir, staticDir: null, log: () => {}, listen: { hostname: '127.0.0.1', port: 0 } });
  const roomWs = host.room!.url.replace(/^http/, 'ws');
  const a = join(roomWs, host.tokens!.create({ role: 'responder', incidentId, name: 'A' }).secret, incidentId);
  const b = join(roomWs, host.tokens!.create({ role: 'responder', incidentId, name: 'B' }).secret, incidentId);
  try {
    await Promise.all([a.synced(), b.synced()]);
    const times: number[] = [];
    for (let i = 0; i < LATENCY_EDITS; i++) {
      let id = '';
      const arrived = seen(b.doc, () => id);
      const t0 = performance.now();
      id = addEntry(a.doc, { author: 'A' }, { text: `latency ${i}` });
      await arrived;
      times.push(performance.now() - t0);
    }
    // Baseline: the same command on doc A, its update applied straight to doc B.
    const state = Y.encodeStateAsUpdate(a.doc);
    const docA = new Y.Doc();
    const docB = new Y.Doc();
    Y.applyUpdate(docA, state);
    Y.applyUpdate(docB, state);
    docA.on('update', (u: Uint8Array) => Y.applyUpdate(docB, u));
    const direct: number[] = [];
    for (let i = 0; i < LATENCY_EDITS; i++) {
      const t0 = performance.now();
      const id = addEntry(docA, { author: 'A' }, { text: `direct ${i}` });
      if (!entriesOf(docB).has(id)) throw new Error('bench: direct update not applied');
      direct.push(performance.now() - t0);
    }
    const p50 = percentile(times, 50);
    const p95 = percentile(times, 95);
    const base = percentile(direct, 95);
    return {
      what: `Edit → visible on another client via the room listener, ${LATENCY_EDITS} edits`,
      measured: `p50 ${fmtMs(p50)}, p95 ${fmtMs(p95)}`,
      baseline: `Y.applyUpdate between two in-process docs, p95 ${fmtMs(base)}`,
      ratio: p95 / base,
      target: `p95 < ${LATENCY_TARGET_MS} ms`,
      pass: p95 < LATENCY_TARGET_MS,
    };
  } finally {
    a.destroy();
    b.destroy();
    await host.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

interface RoomServe {
  child: ChildProcess;
  roomWs: string;
}

function serveListening(root: string, dataDir: string): Promise<RoomServe> {
  const args = [path.join(root, 'bin', 'warroom.mjs'), 'serve', '--data-dir', dataDir, '--port', '0', '--listen', '127.0.0.1:0'];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (c: string) => {
      out += c;
      const m = /Room listener at (\S+)/.exec(out);
      if (m) resolve({ child, roomWs: m[1]!.replace(/^http/, 'ws') });
    });
    child.once('exit', (code) => reject(new Error(`serve --listen exited ${code}`)));
  });
}

/** Seconds of CPU (user + system) the process has used so far. */
export function cpuSeconds(pid: number): number {
  // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
}

/** Tokens minted straight in the store before `serve` starts, as `warroom token create` does. */
function mintTokens(dataDir: string, incidentId: string, count: number): string[] {
  const store = IncidentStore.open(dataDir);
  try {
    const tokens = new RoomTokens(store);
    return Array.from({ length: count }, (_, i) => tokens.create({ role: 'responder', incidentId, name: `Responder ${i}` }).secret);
  } finally {
    store.close();
  }
}

/** Row 2: 20 providers each adding an entry every ~200 ms for 60 s; every replica and a fresh joiner must hold all of them. */
async function benchLoad(served: RoomServe, secrets: string[], incidentId: string): Promise<BenchRow> {
  const pid = served.child.pid!;
  const idleCpu0 = cpuSeconds(pid);
  await sleep(IDLE_MS);
  const idleCpu = (cpuSeconds(pid) - idleCpu0) / (IDLE_MS / 1000);
  const idleRss = rssBytes(pid);

  const clients = secrets.map((s, i) => join(served.roomWs, s, incidentId, `127.0.0.${10 + i}`));
  const written = new Set<string>();
  let rssMax = idleRss;
  try {
    await Promise.all(clients.map((c) => c.synced()));
    const cpu0 = cpuSeconds(pid);
    const t0 = Date.now();
    const sampler = setInterval(() => (rssMax = Math.max(rssMax, rssBytes(pid))), 1000);
    await Promise.all(
      clients.map(async (c, ci) => {
        // Edit i is due at a random phase + i × 200 ms ± 40 %: jittered, so the clients never fire in
        // lock-step, yet on a fixed schedule, so timer drift under load cannot shrink the total.
        const phase = Math.random() * LOAD_PERIOD_MS;
        for (let i = 0; i < EDITS_PER_CLIENT; i++) {
          const due = t0 + phase + LOAD_PERIOD_MS * (i + (Math.random() - 0.5) * 0.8);
          await sleep(Math.max(0, due - Date.now()));
          written.add(addEntry(c.doc, { author: `Responder ${ci}` }, { text: `load ${ci}.${i}` }));
        }
      }),
    );
    const loadCpu = (cpuSeconds(pid) - cpu0) / ((Date.now() - t0) / 1000);
    clearInterval(sampler);
    rssMax = Math.max(rssMax, rssBytes(pid));

    const holds = (doc: Y.Doc) => {
      const map = entriesOf(doc);
      for (const id of written) if (!map.has(id)) return false;
      return true;
    };
    await waitFor(() => clients.every((c) => holds(c.doc)), 30_000, 'every client to hold every entry').catch(() => {});
    const complete = clients.filter((c) => holds(c.doc)).length;
    // The host's stored copy, as a newcomer receives it.
    const fresh = join(served.roomWs, secrets[0]!, incidentId, '127.0.0.9');
    await fresh.synced();
    const freshMap = entriesOf(fresh.doc);
    const onHost = [...written].filter((id) => freshMap.has(id)).length;
    fresh.destroy();
    const ok = written.size === LOAD_CLIENTS * EDITS_PER_CLIENT && complete === clients.length && onHost === written.size;
    return {
      what: `${LOAD_CLIENTS} clients × 5 edits/s for ${LOAD_MS / 1000} s through \`serve --listen\``,
      measured: `${onHost}/${LOAD_CLIENTS * EDITS_PER_CLIENT} entries on the host, ${complete}/${clients.length} clients complete; host CPU ${(loadCpu * 100).toFixed(0)}% of a core, RSS ${fmtMb(rssMax)}`,
      baseline: `idle host: CPU ${(idleCpu * 100).toFixed(1)}%, RSS ${fmtMb(idleRss)}`,
      ratio: rssMax / idleRss,
      target: 'no lost entry',
      pass: ok,
    };
  } finally {
    clients.forEach((c) => c.destroy());
  }
}

/** Row 3: a fresh joiner on a 100k-entry incident; baseline is encodeStateAsUpdate + applyUpdate in-process. */
async function benchInitialSync(served: RoomServe, secret: string, incidentId: string): Promise<BenchRow> {
  const t0 = performance.now();
  const joiner = join(served.roomWs, secret, incidentId);
  try {
    await joiner.synced();
    await waitFor(() => entriesOf(joiner.doc).size >= BIG_ENTRIES, SYNC_TIMEOUT_MS, '100k entries');
    const seconds = (performance.now() - t0) / 1000;
    const bytes = joiner.received();
    const update = Y.encodeStateAsUpdate(joiner.doc);
    const a0 = performance.now();
    Y.applyUpdate(new Y.Doc(), update);
    const applyMs = performance.now() - a0;
    return {
      what: `Initial sync of a ${thousands(BIG_ENTRIES)}-entry incident for a new joiner`,
      measured: `${seconds.toFixed(2)} s, ${fmtMb(bytes)} received (${bytes} B)`,
      baseline: `encodeStateAsUpdate ${fmtMb(update.byteLength)} (${update.byteLength} B), applyUpdate ${fmtMs(applyMs)}`,
      ratio: seconds / (applyMs / 1000),
      target: 'report',
      pass: null,
    };
  } finally {
    joiner.destroy();
  }
}

export async function benchSharing(root: string): Promise<BenchRow[]> {
  console.log('bench:   edit → other client latency (in-process host, room listener)…');
  const rows: BenchRow[] = [await benchLatency(root)];
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'warroom-bench-room-'));
  console.log(`bench:   importing a small and a ${thousands(BIG_ENTRIES)}-entry incident…`);
  const small = importArchive(root, dataDir, 10);
  const big = importArchive(root, dataDir, BIG_ENTRIES);
  const secrets = mintTokens(dataDir, small, LOAD_CLIENTS);
  const [bigSecret] = mintTokens(dataDir, big, 1);
  const served = await serveListening(root, dataDir);
  try {
    console.log(`bench:   ${LOAD_CLIENTS} clients × 5 edits/s for ${LOAD_MS / 1000} s…`);
    rows.push(await benchLoad(served, secrets, small));
    console.log(`bench:   initial sync of ${thousands(BIG_ENTRIES)} entries…`);
    rows.push(await benchInitialSync(served, bigSecret!, big));
    return rows;
  } finally {
    served.child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}
