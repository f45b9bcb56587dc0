// The team server under load (smaller with --quick): N `warroom serve --store postgres://… --redis …`
// instances on one throwaway PostgreSQL cluster and redis-server, with clients spread over them,
// each adding an entry at a steady rate. Reported: entries acknowledged but not in PostgreSQL (lost),
// p95 from an edit to its arrival at a client on ANOTHER instance, and each instance's CPU and RSS.
// And the store's own cost: PgStore.append against a raw INSERT of the same bytes through the same pool.
// All clients run in this process (real HocuspocusProviders over `ws`), so at full size the
// measured latency includes this process's own queueing.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { createIncident } from '../shared/model/commands';
import { newId } from '../shared/model/ids';
import { ENTRIES } from '../shared/model/doc';
import { PgStore } from '../electron/host/postgres/pgStore';
import { startPostgres, startRedis } from '../electron/host/test/realServers';
import { killInstance, startInstance, storedTexts, teamClient, type TeamClient, type TeamInstance } from '../electron/host/team/test/teamHelpers';
import type { BenchRow } from './report';
import { QUICK } from './scale';
import { rssBytes } from './servedHost';
import { cpuSeconds } from './sharing';
import { fmtMb, fmtMs, percentile } from './stats';

const INSTANCES = 3;
/**
 * Full size is 200 clients for 60 s. Every client in this one process applies every other client's
 * update (200 × 200 a second), which a loaded 2-core machine cannot keep up with; these variables
 * shrink a full run to what the machine takes, and the row says what ran.
 */
const CLIENTS = QUICK ? 12 : Number(process.env.WARROOM_BENCH_SCALEOUT_CLIENTS ?? 200);
const EDIT_PERIOD_MS = 1000;
const LOAD_MS = QUICK ? 5000 : Number(process.env.WARROOM_BENCH_SCALEOUT_SECONDS ?? 60) * 1000;
const APPENDS = QUICK ? 200 : 2000;
const SETTLE_MS = 120_000;
const TOKEN = 'bench-scaleout-server-token-0123456789abcdefghij';
const LATENCY_TARGET_MS = 250;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`bench: timed out waiting for ${what}`);
    await sleep(20);
  }
}

export async function benchScaleout(root: string): Promise<BenchRow[]> {
  // The CLI as `npm run bench` built it.
  const cli = path.join(root, 'dist', 'cli.mjs');
  const [cluster, redis] = await Promise.all([startPostgres({ fsync: true }), startRedis()]);
  const url = cluster.createDatabase('bench');
  const instances: TeamInstance[] = [];
  const clients: TeamClient[] = [];
  try {
    for (let i = 0; i < INSTANCES; i += 1) instances.push(await startInstance(cli, { name: `i${i}`, store: url, redis: redis.url, token: TOKEN }));
    const rows = [await benchLoad(url, instances, clients), await benchAppend(url)];
    return rows;
  } finally {
    for (const c of clients) c.destroy();
    await Promise.all(instances.map(killInstance));
    await Promise.all([cluster.destroy(), redis.stop()]);
  }
}

async function benchLoad(url: string, instances: TeamInstance[], clients: TeamClient[]): Promise<BenchRow> {
  const id = newId();
  const urls = instances.map((i) => i.url);
  for (let i = 0; i < CLIENTS; i += 1) clients.push(teamClient(urls, i % INSTANCES, TOKEN, id, `responder-${i}`));
  createIncident(clients[0]!.doc, { author: 'Priya' }, { id, title: 'Bench', severity: 'SEV1', startedAt: '2026-11-21T23:06:00.000Z', timeZone: 'UTC' });
  const base = clients[0]!.texts().length;
  await waitFor(() => clients.every((c) => c.settled() && c.count() === base), SETTLE_MS, 'clients to join');
  console.log(`bench: ${CLIENTS} clients joined`);

  // Latency: client 0 (instance 0) watches for entries written by clients on instances 1 and 2.
  const watcher = clients[0]!;
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  watcher.doc.getMap(ENTRIES).observe((event) => {
    const now = performance.now();
    for (const key of event.keysChanged) {
      const at = sentAt.get(key);
      if (at !== undefined) {
        latencies.push(now - at);
        sentAt.delete(key);
      }
    }
  });
  const pids = instances.map((i) => i.child.pid as number);
  const cpu0 = pids.map(cpuSeconds);
  const rssMax = pids.map(rssBytes);
  const sampler = setInterval(() => pids.forEach((pid, i) => (rssMax[i] = Math.max(rssMax[i] as number, rssBytes(pid)))), 1000);
  const t0 = Date.now();
  let written = 0;
  await Promise.all(
    clients.map(async (c, ci) => {
      const phase = Math.random() * EDIT_PERIOD_MS;
      for (let n = 0; n < LOAD_MS / EDIT_PERIOD_MS; n += 1) {
        await sleep(Math.max(0, t0 + phase + n * EDIT_PERIOD_MS - Date.now()));
        const sent = performance.now();
        const entryId = c.write(`load ${ci}.${n}`);
        written += 1;
        if (ci % INSTANCES !== 0) sentAt.set(entryId, sent);
      }
    }),
  );
  const seconds = (Date.now() - t0) / 1000;
  console.log(`bench: ${written} entries written in ${seconds.toFixed(0)} s; waiting for every client to hold them`);
  const cpu = pids.map((pid, i) => (cpuSeconds(pid) - (cpu0[i] as number)) / seconds);
  clearInterval(sampler);
  await waitFor(() => clients.every((c) => c.settled() && c.count() === base + written), SETTLE_MS, 'every client to hold every entry').catch(() => undefined);
  const complete = clients.filter((c) => c.count() === base + written).length;
  const stored = await storedTexts(url, id);
  const acknowledged = clients.flatMap((c) => c.acknowledged());
  const lost = acknowledged.filter((t) => !stored.has(t)).length;
  const p95 = percentile(latencies, 95);
  return {
    what: `${INSTANCES} instances × ${CLIENTS} clients × 1 edit/s for ${LOAD_MS / 1000} s (PostgreSQL + Redis)`,
    measured: `${lost} lost of ${acknowledged.length} acknowledged (${written} written, ${complete}/${CLIENTS} clients complete); edit → client on another instance p50 ${fmtMs(percentile(latencies, 50))}, p95 ${fmtMs(p95)}; instance CPU ${cpu.map((c) => `${(c * 100).toFixed(0)}%`).join('/')} of a core, RSS ${rssMax.map(fmtMb).join('/')}`,
    baseline: `${latencies.length} cross-instance arrivals timed`,
    ratio: Number.NaN,
    target: `no lost entry; p95 < ${LATENCY_TARGET_MS} ms`,
    pass: lost === 0 && complete === CLIENTS && p95 < LATENCY_TARGET_MS,
  };
}

async function benchAppend(url: string): Promise<BenchRow> {
  const store = await PgStore.open({ url });
  try {
    await store.pool.query('CREATE TABLE IF NOT EXISTS bench_raw(id BIGSERIAL PRIMARY KEY, data BYTEA NOT NULL)');
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < APPENDS; i += 1) doc.getMap('m').set(`k${i}`, `an entry of ordinary length, number ${i}`);
    const docName = `incident.${newId()}`;
    const timeEach = async (fn: (u: Uint8Array) => Promise<unknown>) => {
      const t = performance.now();
      for (const u of updates) await fn(u);
      return (performance.now() - t) / updates.length;
    };
    // Raw inserts before and after the appends, so neither side alone gets the cold server.
    const rawInsert = (u: Uint8Array) => store.pool.query('INSERT INTO bench_raw(data) VALUES ($1)', [u]);
    const rawBefore = await timeEach(rawInsert);
    const append = await timeEach((u) => store.append(docName, u));
    const raw = (rawBefore + (await timeEach(rawInsert))) / 2;
    return {
      what: `PostgreSQL append (${APPENDS} Yjs updates, one at a time, fsync on)`,
      measured: `${fmtMs(append)} per append`,
      baseline: `raw INSERT through the same pool: ${fmtMs(raw)}`,
      ratio: append / raw,
      target: '≤ 1.5× raw insert',
      pass: append <= raw * 1.5,
    };
  } finally {
    await store.close();
  }
}
