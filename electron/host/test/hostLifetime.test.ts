// The host's lifetime: close() frees every repeating timer the host started, the store probe
// included, even one a store failure would start while the host is shutting down. A real host on a
// real SQLite file, with a room listener and live clients; the full disk is simulated (diskFull.ts).
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { incidentDocName } from '../../../shared/protocol/api';
import { startHost } from '../host';
import type { IncidentStore, StoreOptions } from '../store';
import { diskFullSwitch } from './diskFull';
import { connectSync, RpcClient, tempDir, wsBase } from './helpers';

const INCIDENT = { title: 'Primary database outage', severity: 'SEV1', startedAt: '2026-11-21T23:06:00.000Z', timeZone: 'UTC', author: 'Priya' };
/** Big enough to need fresh database pages, so the capped file refuses it. */
const BIG_UPDATE_CHARS = 100_000;
/** Short, so a probe left behind would be busy while the test still runs. */
const FAST_PROBE_MS = 20;

/** Repeating timers started while watched, minus those cleared: what would outlive their owner. */
function watchIntervals() {
  const started = vi.spyOn(globalThis, 'setInterval');
  const cleared = [vi.spyOn(globalThis, 'clearInterval'), vi.spyOn(globalThis, 'clearTimeout')];
  return {
    live(): unknown[] {
      const gone = new Set(cleared.flatMap((spy) => spy.mock.calls.map(([timer]) => timer)));
      return started.mock.results.map((result) => result.value).filter((timer) => !gone.has(timer));
    },
  };
}

afterEach(() => vi.restoreAllMocks());

describe('host lifetime', () => {
  it('close() leaves no repeating timer behind, even when the store fails while the host shuts down', async () => {
    const intervals = watchIntervals();
    const disk = diskFullSwitch();
    let store: IncidentStore | null = null;
    const openStore = (dir: string, opts: StoreOptions) => (store = disk.open(dir, opts));
    const host = await startHost({
      dataDir: tempDir(),
      staticDir: null,
      log: () => {},
      storeProbeIntervalMs: FAST_PROBE_MS,
      openStore,
      listen: { hostname: '127.0.0.1', port: 0 },
    });
    const rpc = await RpcClient.connect(wsBase(host.url), host.token);
    const { id } = await rpc.value<{ id: string }>('createIncident', INCIDENT);
    const timeline = connectSync(wsBase(host.url), host.token, id);
    await timeline.synced();
    expect(intervals.live().length).toBeGreaterThan(0);

    const big = new Y.Doc();
    big.getText('scratch').insert(0, 'x'.repeat(BIG_UPDATE_CHARS));
    disk.fill(true);
    const closing = host.close();
    // The store reports the failure to whoever still listens: a host that is closing must not start its probe.
    expect(() => store?.append(incidentDocName(id), Y.encodeStateAsUpdate(big))).toThrow(/Disk is full/);
    await closing;
    timeline.destroy();
    rpc.close();

    expect(intervals.live()).toEqual([]);
  });
});
