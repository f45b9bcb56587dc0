// Disk-full SIMULATION: PRAGMA max_page_count makes SQLite raise SQLITE_FULL exactly as a full disk does.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addEntry } from '../../../shared/model/commands';
import { metaMap, readEntries } from '../../../shared/model/doc';
import { incidentDocName } from '../../../shared/protocol/api';
import { startHost } from '../host';
import { diskFullSwitch } from './diskFull';
import { DB_FILE_NAME } from '../store';
import { entryTextsOnDisk, connectSync, RpcClient, tempDir, waitFor, wsBase } from './helpers';

const INCIDENT = { severity: 'SEV2', startedAt: '2026-11-21T23:06:00.000Z', timeZone: 'UTC', author: 'Priya' };
/** Big enough to need fresh database pages, well under the 1 MiB message cap. */
const BIG_ENTRY_CHARS = 100_000;
const FAST_PROBE_MS = 100;


describe('disk full (simulated)', () => {
  it('does not acknowledge the write, reports it, keeps serving read-only, and stores the change once space returns', async () => {
    const dir = tempDir();
    const dbFile = path.join(dir, DB_FILE_NAME);
    const disk = diskFullSwitch();
    const host = await startHost({ dataDir: dir, staticDir: null, log: () => {}, storeProbeIntervalMs: FAST_PROBE_MS, openStore: disk.open });
    const base = wsBase(host.url);
    const rpc = await RpcClient.connect(base, host.token);
    const { id: outage } = await rpc.value<{ id: string }>('createIncident', { ...INCIDENT, title: 'Disk fills up' });
    const { id: other } = await rpc.value<{ id: string }>('createIncident', { ...INCIDENT, title: 'Other incident' });
    const writer = connectSync(base, host.token, outage);
    await writer.synced();

    let recovered = false;
    let ackedWhileFull = false;
    writer.provider.on('unsyncedChanges', ({ number }: { number: number }) => {
      if (number === 0 && !recovered) ackedWhileFull = true;
    });
    disk.fill(true);
    const text = `restore log ${'x'.repeat(BIG_ENTRY_CHARS)}`;
    addEntry(writer.doc, { author: 'Priya' }, { text });
    await waitFor(() => rpc.events.some((e) => e.name === 'onStoreStatus'), 5000, 'store status event');
    const status = rpc.events.find((e) => e.name === 'onStoreStatus')?.payload as { ok: boolean; file: string; reason: string };
    expect(status).toEqual({ ok: false, file: dbFile, reason: `Disk is full: ${dbFile} could not be written` });
    expect(host.storeStatus().ok).toBe(false);

    // Not acknowledged, and not on disk; the client still holds it.
    await new Promise((r) => setTimeout(r, 300));
    expect(ackedWhileFull).toBe(false);
    expect(writer.provider.unsyncedChanges).toBeGreaterThan(0);
    expect(entryTextsOnDisk(dbFile, incidentDocName(outage))).not.toContain(text);
    expect(readEntries(writer.doc).map((e) => e.text)).toContain(text);

    // The host keeps serving: RPC reads, and other documents open read-only.
    expect((await rpc.value<unknown[]>('listIncidents')).length).toBe(2);
    const exported = await rpc.value<{ content: string }>('exportIncident', { id: other, format: 'md' });
    expect(exported.content).toContain('Other incident');
    const reader = connectSync(base, host.token, other);
    await waitFor(() => reader.provider.isSynced, 5000, 'read-only sync');
    expect(metaMap(reader.doc).get('title')).toBe('Other incident');
    const refused = await rpc.call('createIncident', { ...INCIDENT, title: 'During the outage' });
    expect(!refused.ok && refused.error.code).toBe('store');

    // Space returns: the probe notices, clients reconnect and re-send the pending change.
    expect(ackedWhileFull).toBe(false);
    recovered = true;
    disk.fill(false);
    await waitFor(() => host.storeStatus().ok, 5000, 'store recovery');
    await waitFor(() => rpc.events.filter((e) => e.name === 'onStoreStatus').length >= 2, 5000, 'recovery event');
    expect(rpc.events.filter((e) => e.name === 'onStoreStatus').at(-1)?.payload).toEqual({ ok: true, dbFile });
    await waitFor(() => writer.provider.isSynced && writer.provider.unsyncedChanges === 0, 10_000, 'pending change synced');
    expect(entryTextsOnDisk(dbFile, incidentDocName(outage))).toContain(text);

    writer.destroy();
    reader.destroy();
    rpc.close();
    await host.close();
  });
});
