// The host's word that a change is on disk: the persisted state vector it sends a connection after
// handling its sync messages (shared/protocol/savedVector.ts), read by the same count the chips use.
// Checked against the database file itself, at the moment the count says "saved".
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { incidentDocName } from '../../../shared/protocol/api';
import { watchSaves, type UnsavedChanges } from '../../../shared/protocol/unsavedChanges';
import { startHost, type RunningHost } from '../host';
import { diskFullSwitch } from './diskFull';
import { DB_FILE_NAME } from '../store';
import { connectSync, entryTextsOnDisk, RpcClient, tempDir, TEST_INCIDENT, waitFor, wsBase, type SyncClient } from './helpers';
import { addEntry } from '../../../shared/model/commands';

const running: Array<{ host: RunningHost; client: SyncClient; unsaved: UnsavedChanges }> = [];
afterEach(async () => {
  for (const { host, client, unsaved } of running.splice(0)) {
    unsaved.dispose();
    client.destroy();
    await host.close();
  }
});

/** The failed store is re-tried this often, so recovery comes within the test's patience. */
const FAST_PROBE_MS = 100;
/** Big enough to need fresh database pages, well under the 1 MiB message cap. */
const BIG_ENTRY_CHARS = 100_000;

async function openIncident() {
  const dataDir = tempDir();
  const disk = diskFullSwitch();
  const host = await startHost({ dataDir, staticDir: null, log: () => {}, storeProbeIntervalMs: FAST_PROBE_MS, openStore: disk.open });
  const rpc = await RpcClient.connect(wsBase(host.url), host.token);
  const { id } = await rpc.value<{ id: string }>('createIncident', TEST_INCIDENT);
  rpc.close();
  const client = connectSync(wsBase(host.url), host.token, id);
  await client.synced();
  const unsaved = watchSaves(client.provider);
  running.push({ host, client, unsaved });
  const onDisk = () => entryTextsOnDisk(path.join(dataDir, DB_FILE_NAME), incidentDocName(id));
  return { host, client, unsaved, onDisk, disk };
}

describe('saved confirmation', () => {
  it('says saved only when every change written so far is in the database file', async () => {
    const { client, unsaved, onDisk } = await openIncident();
    const written: string[] = [];
    const checks: boolean[] = [];
    unsaved.onChange((count) => {
      // Read inside the handler: nothing else can have happened in between.
      if (count === 0) checks.push(written.every((t) => onDisk().includes(t)));
    });
    for (let i = 0; i < 5; i += 1) {
      written.push(`rsync started ${i}`);
      addEntry(client.doc, { author: 'Priya' }, { text: written.at(-1)! });
      expect(unsaved.count).toBeGreaterThan(0);
      await waitFor(() => checks.length === i + 1, 5000, 'saved');
    }
    expect(checks).toEqual([true, true, true, true, true]);
  });

  it('does not take an acknowledged change whose predecessor never arrived as saved', async () => {
    const { client, unsaved, onDisk } = await openIncident();
    // The first change is made as if it came from the host: the provider never sends it, so the
    // second one reaches the host with a gap before it. Yjs keeps such a change pending, in memory.
    client.doc.transact(() => addEntry(client.doc, { author: 'Priya' }, { text: 'never sent' }), client.provider);
    let atAck: { count: number; onDisk: boolean } | null = null;
    client.provider.on('unsyncedChanges', ({ number }: { number: number }) => {
      if (number === 0 && !atAck) atAck = { count: unsaved.count, onDisk: onDisk().includes('acknowledged, not stored') };
    });
    addEntry(client.doc, { author: 'Priya' }, { text: 'acknowledged, not stored' });
    await waitFor(() => atAck !== null, 5000, 'the host acknowledging the update');
    // The host acknowledged it, yet it is not on disk: the count still holds it.
    expect(atAck).toEqual({ count: 1, onDisk: false });

    let atSaved: string[] | null = null;
    unsaved.onChange((count) => {
      if (count === 0) atSaved = onDisk();
    });
    // A re-sync sends the missing change; both are stored, and only then is it saved.
    client.provider.forceSync();
    await waitFor(() => atSaved !== null, 5000, 'saved after the re-sync');
    expect(atSaved).toEqual(expect.arrayContaining(['never sent', 'acknowledged, not stored']));
  });

  it('never confirms a change the store could not write, and confirms it once space returns and it is stored', async () => {
    const { host, client, unsaved, onDisk, disk } = await openIncident();
    const text = `restore log ${'x'.repeat(BIG_ENTRY_CHARS)}`;
    const savedWhileFull: string[][] = [];
    let full = true;
    unsaved.onChange((count) => {
      if (count === 0 && full) savedWhileFull.push(onDisk());
    });
    disk.fill(true);
    addEntry(client.doc, { author: 'Priya' }, { text });
    await waitFor(() => !host.storeStatus().ok, 5000, 'the store reporting the full disk');
    full = false;
    disk.fill(false);
    let atSaved: string[] | null = null;
    unsaved.onChange((count) => {
      if (count === 0) atSaved = onDisk();
    });
    // The probe notices the space, the client reconnects and re-sends the change, the host stores it.
    await waitFor(() => atSaved !== null, 15_000, 'saved after the store recovered');
    expect(savedWhileFull).toEqual([]);
    expect(atSaved).toContain(text);
  });
});
