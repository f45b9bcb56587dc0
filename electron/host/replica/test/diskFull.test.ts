// The joiner's disk fills while a room keeps sending: nothing may crash, nothing unsaved may be
// acknowledged, and once space is back the replica catches up from the room.
import { afterAll, beforeAll, describe, it, vi } from 'vitest';
import { addEntry } from '../../../../shared/model/commands';
import { incidentDocName } from '../../../../shared/protocol/api';
import { diskFullSwitch } from '../../test/diskFull';
import { entryTextsOnDisk, waitFor } from '../../test/helpers';
import { createIncident, joinLink, roomState, startPeer, startSharingPeer, texts, type Peer } from './replicaHelpers';

describe('a joiner whose disk fills up', () => {
  let a: Peer;
  let b: Peer;
  const logs: string[] = [];
  const disk = diskFullSwitch();
  beforeAll(async () => {
    a = await startSharingPeer('a');
    b = await startPeer('b', { storeProbeIntervalMs: 100, log: (l) => logs.push(l), openStore: disk.open });
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  it('survives, and catches up from the room once the store is writable again', async () => {
    const incidentId = await createIncident(a);
    await b.rpc.value('joinRoom', { link: joinLink(a, incidentId), name: 'b' });
    await roomState(b, incidentId, 'online');
    const atA = a.local(incidentId);
    await atA.synced();
    // y-protocols reports the failed save on the console; the log line below is what we check.
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    disk.fill(true);
    // Enough to need new pages: the cap is the page count at the moment the disk "filled".
    for (let i = 0; i < 100; i++) addEntry(atA.doc, { author: 'a' }, { text: `while b is full ${i} ${'x'.repeat(2000)}` });
    await waitFor(() => logs.some((l) => /not saved/.test(l)), 10_000, 'b fails to save');
    disk.fill(false);
    quiet.mockRestore();
    const want = texts(atA.doc);
    const onDisk = () => entryTextsOnDisk(`${b.dataDir}/warroom.db`, incidentDocName(incidentId)).sort();
    await waitFor(() => JSON.stringify(onDisk()) === JSON.stringify(want), 15_000, 'b catches up on disk');
    await roomState(b, incidentId, 'online');
    // And it keeps syncing live: a later edit reaches b's disk and b's local clients.
    addEntry(atA.doc, { author: 'a' }, { text: 'after recovery' });
    const atB = b.local(incidentId);
    await waitFor(() => onDisk().includes('after recovery') && texts(atB.doc).includes('after recovery'), 10_000, 'live again');
  });
});
