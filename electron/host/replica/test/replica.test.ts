// Desktop join with a local replica: real hosts on loopback, each with its own SQLite store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addEntry } from '../../../../shared/model/commands';
import { incidentDocName } from '../../../../shared/protocol/api';
import { entryTextsOnDisk, waitFor } from '../../test/helpers';
import { Relay } from './relay';
import { converged, createIncident, joinLink, roomState, startPeer, startSharingPeer, texts, type Peer } from './replicaHelpers';

describe('joined rooms (local replica)', () => {
  let a: Peer;
  let b: Peer;
  let c: Peer;

  beforeAll(async () => {
    [a, b, c] = await Promise.all([startSharingPeer('a'), startPeer('b'), startPeer('c')]);
  });
  afterAll(async () => {
    await Promise.all([b, c, a].map((p) => p?.close()));
  });

  it('three hosts converge on concurrent edits; the joiners hold the incident in their own store and list', async () => {
    const incidentId = await createIncident(a);
    for (const peer of [b, c]) {
      const status = await peer.rpc.value<{ state: string; role: string }>('joinRoom', { link: joinLink(a, incidentId), name: peer.name });
      expect(status.role).toBe('responder');
    }
    const docs = [a, b, c].map((p) => p.local(incidentId));
    await Promise.all(docs.map((d) => d.synced()));
    await waitFor(() => docs.every((d) => d.doc.getMap('meta').size > 0 && texts(d.doc).length === texts(docs[0]!.doc).length), 10_000, 'the incident everywhere');
    const expected = texts(docs[0]!.doc);
    for (let i = 0; i < 30; i++) {
      [a, b, c].forEach((p, k) => {
        addEntry(docs[k]!.doc, { author: p.name }, { text: `${p.name} ${i}` });
        expected.push(`${p.name} ${i}`);
      });
    }
    await converged(docs.map((d) => d.doc), expected);
    await roomState(b, incidentId, 'online');
    for (const peer of [b, c]) {
      expect(entryTextsOnDisk(`${peer.dataDir}/warroom.db`, incidentDocName(incidentId)).sort()).toEqual([...expected].sort());
      const list = await peer.rpc.value<Array<{ id: string; title: string }>>('listIncidents');
      expect(list.find((s) => s.id === incidentId)?.title).toBe('Primary database lost');
    }
    // The room sees each joiner's host as one responder with the name it gave.
    expect(a.host.room?.connections().map((x) => x.role)).toEqual(['responder', 'responder']);
  });

  it('keeps 500 edits made while the room is unreachable and merges them when it returns', async () => {
    const incidentId = await createIncident(a);
    const relay = await Relay.start(a.host.room!.port);
    try {
      await b.rpc.value('joinRoom', { link: joinLink(a, incidentId, 'responder', relay.port), name: 'b' });
      const [atA, atB] = [a.local(incidentId), b.local(incidentId)];
      await Promise.all([atA.synced(), atB.synced()]);
      await roomState(b, incidentId, 'online');
      relay.cut();
      await roomState(b, incidentId, 'offline');
      const expected = texts(atA.doc);
      const created = expected.length;
      for (let i = 0; i < 500; i++) {
        addEntry(atB.doc, { author: 'b' }, { text: `offline ${i}` });
        expected.push(`offline ${i}`);
      }
      for (let i = 0; i < 20; i++) {
        addEntry(atA.doc, { author: 'a' }, { text: `room ${i}` });
        expected.push(`room ${i}`);
      }
      await atB.synced();
      // Saved locally (the local host acknowledged them), not yet confirmed by the room.
      expect(entryTextsOnDisk(`${b.dataDir}/warroom.db`, incidentDocName(incidentId)).length).toBe(500 + created);
      const offline = await roomState(b, incidentId, 'offline');
      expect(offline.unconfirmed).toBeGreaterThan(0);
      relay.mend();
      await converged([atA.doc, atB.doc], expected, 20_000);
      const online = await roomState(b, incidentId, 'online');
      expect(online.unconfirmed).toBe(0);
      // The UI hears about it without polling.
      await waitFor(() => b.rpc.events.some((e) => e.name === 'onRoomStatus' && JSON.stringify(e.payload).includes('"offline"')), 5000, 'offline event');
      await waitFor(
        () => (b.rpc.events.filter((e) => e.name === 'onRoomStatus').at(-1)?.payload as { rooms: Array<{ incidentId: string; state: string }> }).rooms.some((r) => r.incidentId === incidentId && r.state === 'online'),
        5000,
        'online event',
      );
      expect(entryTextsOnDisk(`${a.dataDir}/warroom.db`, incidentDocName(incidentId)).sort()).toEqual([...expected].sort());
    } finally {
      await relay.close();
    }
  });

  it('an observer replica is read-only at the local host and never writes upstream', async () => {
    const incidentId = await createIncident(a);
    const status = await c.rpc.value<{ role: string }>('joinRoom', { link: joinLink(a, incidentId, 'observer'), name: 'c' });
    expect(status.role).toBe('observer');
    const [atA, atC] = [a.local(incidentId), c.local(incidentId)];
    await atA.synced();
    const base = texts(atA.doc);
    addEntry(atA.doc, { author: 'a' }, { text: 'from the room' });
    await converged([atA.doc, atC.doc], [...base, 'from the room']);
    await waitFor(() => atC.provider.isSynced, 5000, 'observer local sync');
    addEntry(atC.doc, { author: 'c' }, { text: 'observer edit' });
    await new Promise((r) => setTimeout(r, 300));
    // The local host refused it (it stays unconfirmed in the local client) and the room never saw it.
    expect(atC.provider.unsyncedChanges).toBeGreaterThan(0);
    expect(texts(atA.doc)).toEqual([...base, 'from the room'].sort());
    expect(entryTextsOnDisk(`${c.dataDir}/warroom.db`, incidentDocName(incidentId)).sort()).toEqual([...base, 'from the room'].sort());
    const room = await roomState(c, incidentId, 'online');
    expect(room.problem).toBeNull();
    // Hosting an observed room would hand out write tokens: refused.
    const hosted = await c.rpc.call('hostRoom', { incidentId, hostname: '127.0.0.1', port: 0 });
    expect(hosted.ok).toBe(false);
  });

  it('stamps presence as the room granted it: a token issued to a person carries that name', async () => {
    const incidentId = await createIncident(a);
    const e = await startPeer('e');
    try {
      await e.rpc.value('joinRoom', { link: joinLink(a, incidentId, 'responder', undefined, 'Esther'), name: 'laptop-e' });
      const mine = () => a.host.room?.connections().find((x) => x.incidentId === incidentId);
      await waitFor(() => mine()?.presenceName === 'Esther', 5000, 'stamped presence');
      const room = await roomState(e, incidentId, 'online');
      expect(room.problem).toBeNull();
    } finally {
      await e.close();
    }
  });

  it("shows the room's presence to the joiner's local clients, and takes it away on leave", async () => {
    const incidentId = await createIncident(a);
    const atA = a.local(incidentId);
    await atA.synced();
    atA.provider.setAwarenessField('user', { name: 'Ana Commander', view: 'timeline' });
    await b.rpc.value('joinRoom', { link: joinLink(a, incidentId), name: 'b' });
    const atB = b.local(incidentId);
    const names = () => [...(atB.provider.awareness?.getStates().values() ?? [])].map((st) => (st as { user?: { name?: string } }).user?.name);
    await waitFor(() => names().includes('Ana Commander'), 5000, 'the room presence at b');
    // b's own room identity is not echoed back to it as someone else.
    expect(names()).not.toContain('b');
    await b.rpc.value('leaveRoom', { incidentId });
    await waitFor(() => !names().includes('Ana Commander'), 5000, 'presence gone after leaving');
  });

  it('resumes a joined room after a restart and says clearly when a token is refused', async () => {
    const incidentId = await createIncident(a);
    const d = await startPeer('d');
    const dataDir = d.dataDir;
    await d.rpc.value('joinRoom', { link: joinLink(a, incidentId), name: 'd' });
    await roomState(d, incidentId, 'online');
    await d.close();
    const atA = a.local(incidentId);
    await atA.synced();
    const base = texts(atA.doc);
    addEntry(atA.doc, { author: 'a' }, { text: 'while d was closed' });
    const again = await startPeer('d', { dataDir });
    try {
      await converged([atA.doc, again.local(incidentId).doc], [...base, 'while d was closed']);
      const refused = await again.rpc.call('joinRoom', { link: joinLink(a, incidentId).replace(/token=[^&]+/, `token=${'x'.repeat(43)}`), name: 'd' });
      expect(refused.ok).toBe(false);
      if (!refused.ok) expect(refused.error.message).toMatch(/refused the token/);
    } finally {
      await again.close();
    }
  });
});
