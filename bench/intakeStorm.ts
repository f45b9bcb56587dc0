// Alert storm: 1,000 alerts a second (Alertmanager batches of 50, 20 a second) posted to a real
// `warroom serve` for SCALE.stormSeconds, all of one group, while a local UI client calls
// listIncidents every 50 ms. Measured against the same RPC with no storm, in this run.
// Checked: every alert answered 200 and counted (entries + grouped = sent), one incident, and
// after the host stops, one entry per minute of the alerts' time whose counts add up to the alerts sent.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { readEntries } from '../shared/model/doc';
import { incidentDocName } from '../shared/protocol/api';
import { IncidentStore } from '../electron/host/store';
import type { BenchRow } from './report';
import { SCALE } from './scale';
import { serve } from './servedHost';
import { fmtMs, percentile } from './stats';

const BATCH = 50;
const BATCH_EVERY_MS = 50;
const RPC_EVERY_MS = 50;
const RPC_TARGET_MS = 50;

interface Rpc {
  call(method: string): Promise<number>;
  close(): void;
}

function connectRpc(origin: string, token: string): Promise<Rpc> {
  const ws = new WebSocket(`${origin.replace(/^http/, 'ws')}/rpc?token=${encodeURIComponent(token)}`);
  const pending = new Map<number, () => void>();
  let next = 1;
  ws.on('message', (data) => {
    const frame = JSON.parse(data.toString()) as { t: string; id?: number };
    if (frame.t === 'result' && frame.id !== undefined) pending.get(frame.id)?.();
  });
  return new Promise((resolve, reject) => {
    ws.once('error', reject);
    ws.once('open', () =>
      resolve({
        call(method) {
          const id = next++;
          const t0 = performance.now();
          return new Promise((done) => {
            pending.set(id, () => {
              pending.delete(id);
              done(performance.now() - t0);
            });
            ws.send(JSON.stringify({ t: 'call', id, method, args: {} }));
          });
        },
        close: () => ws.close(),
      }),
    );
  });
}

/** Calls listIncidents every RPC_EVERY_MS until stop() and returns each round trip. */
function pollRpc(rpc: Rpc): { stop(): Promise<number[]> } {
  const times: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      times.push(await rpc.call('listIncidents'));
      await new Promise((r) => setTimeout(r, Math.max(0, RPC_EVERY_MS - (performance.now() - started))));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return times;
    },
  };
}

function payload(from: number, startsAt: string) {
  return JSON.stringify({
    version: '4',
    status: 'firing',
    groupKey: '{}:{alertname="NodeDown"}',
    alerts: Array.from({ length: BATCH }, (_, i) => ({
      status: 'firing',
      labels: { alertname: 'NodeDown', service: 'fleet', severity: 'critical', instance: `node-${from + i}` },
      annotations: { summary: `node-${from + i} stopped answering` },
      startsAt,
      fingerprint: `storm-${from + i}`,
    })),
  });
}

export async function benchIntakeStorm(root: string): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'warroom-bench-storm-'));
  const cli = path.join(root, 'bin', 'warroom.mjs');
  const created = execFileSync(process.execPath, [cli, 'intake', 'token', 'create', '--source', 'alertmanager', '--route', 'new', '--data-dir', dataDir], { encoding: 'utf8' });
  const secret = /^token: (\S+)$/m.exec(created)?.[1];
  if (!secret) throw new Error(`bench: intake token create printed no token: ${created}`);
  const served = await serve(root, dataDir);
  const token = new URL(served.openUrl).hash.replace(/^#token=/, '');
  const rpc = await connectRpc(served.origin, token);
  try {
    const idle = pollRpc(rpc);
    await new Promise((r) => setTimeout(r, 2000));
    const idleTimes = await idle.stop();

    const batches = (SCALE.stormSeconds * 1000) / BATCH_EVERY_MS;
    const sent = batches * BATCH;
    const busy = pollRpc(rpc);
    const replies: Array<Promise<{ status: number; entries: number; grouped: number; opened: string[] }>> = [];
    const minutes = new Set<string>();
    const start = performance.now();
    for (let b = 0; b < batches; b++) {
      const due = start + b * BATCH_EVERY_MS;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const startsAt = new Date().toISOString();
      minutes.add(startsAt.slice(0, 16));
      replies.push(
        fetch(`${served.origin}/intake/alertmanager`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${secret}` }, body: payload(b * BATCH, startsAt) }).then(
          async (res) => ({ status: res.status, ...((await res.json()) as { entries: number; grouped: number; opened: string[] }) }),
        ),
      );
    }
    const answered = await Promise.all(replies);
    const postedMs = performance.now() - start;
    const busyTimes = await busy.stop();
    rpc.close();
    const refused = answered.filter((r) => r.status !== 200).length;
    const counted = answered.reduce((n, r) => n + (r.entries ?? 0) + (r.grouped ?? 0), 0);
    const opened = answered.flatMap((r) => r.opened ?? []);

    // A clean stop shows every count; then the store is read as it is on disk.
    served.child.kill('SIGTERM');
    await new Promise((r) => served.child.once('exit', r));
    const store = IncidentStore.open(dataDir);
    const doc = opened[0] ? store.loadDoc(incidentDocName(opened[0])) : null;
    store.close();
    const entries = doc ? readEntries(doc).filter((e) => e.kind === 'event') : [];
    const shown = entries.reduce((n, e) => n + Number((/\*\*([\d,]+) alerts\*\*/.exec(e.text)?.[1] ?? '1').replace(/,/g, '')), 0);

    const idleP95 = percentile(idleTimes, 95);
    const busyP95 = percentile(busyTimes, 95);
    const whole = refused === 0 && counted === sent && opened.length === 1 && entries.length === minutes.size && shown === sent;
    return [
      {
        what: `Alert storm: ${sent.toLocaleString('en-US')} alerts in ${SCALE.stormSeconds} s (1,000/s, one group) → RPC p95 meanwhile`,
        measured: `${fmtMs(busyP95)}; posted in ${(postedMs / 1000).toFixed(1)} s; ${counted.toLocaleString('en-US')} of ${sent.toLocaleString('en-US')} counted, ${refused} refused; ${entries.length} entries for ${minutes.size} minute(s), showing ${shown.toLocaleString('en-US')} alerts`,
        baseline: `RPC p95 with no storm: ${fmtMs(idleP95)}`,
        ratio: busyP95 / idleP95,
        target: `< ${RPC_TARGET_MS} ms, none lost, one entry per group-minute`,
        pass: busyP95 < RPC_TARGET_MS && whole,
      },
    ];
  } finally {
    if (served.child.exitCode === null) served.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}
