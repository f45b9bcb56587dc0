import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { encodeAwarenessUpdate, Awareness } from 'y-protocols/awareness';
import { addEntry } from '../../../../shared/model/commands';
import { readEntries } from '../../../../shared/model/doc';
import { incidentDocName } from '../../../../shared/protocol/api';
import { ROOM_CLOSE } from '../../../../shared/protocol/room';
import { IncidentStore } from '../../store';
import { entryTextsOnDisk, waitFor, wsBase } from '../../test/helpers';
import { closed, frames, rawRoomSocket, roomClient, startSharedHost, upgradeStatus, type SharedHost } from './roomHelpers';

describe('room listener', () => {
  let shared: SharedHost;
  let docName: string;

  beforeAll(async () => {
    shared = await startSharedHost();
    docName = incidentDocName(shared.incidentId);
  });
  afterAll(() => shared.host.close());

  const texts = (doc: Y.Doc) => readEntries(doc).map((e) => e.text).sort();

  it('three responders and the host converge on concurrent edits', async () => {
    const clients = ['Ana', 'Bo', 'Cy'].map((name) => {
      const { secret } = shared.tokens.create({ role: 'responder', incidentId: shared.incidentId, name });
      return { name, client: roomClient(shared.roomWs, secret, shared.incidentId) };
    });
    await Promise.all(clients.map(({ client }) => client.synced()));
    for (let i = 0; i < 20; i++) for (const { name, client } of clients) addEntry(client.doc, { author: name }, { text: `${name} ${i}` });
    await Promise.all(clients.map(({ client }) => client.synced()));
    const mine = (client: { doc: Y.Doc }) => readEntries(client.doc).filter((e) => /^(Ana|Bo|Cy) \d+$/.test(e.text)).length;
    await waitFor(() => clients.every(({ client }) => mine(client) === 60), 10_000, 'all 60 entries everywhere');
    const expected = texts(clients[0]!.client.doc);
    for (const { client } of clients) expect(texts(client.doc)).toEqual(expected);
    expect(entryTextsOnDisk(`${shared.dataDir}/warroom.db`, docName).sort()).toEqual(expected);
    expect(shared.host.room?.connections().filter((c) => c.role === 'responder').length).toBe(3);
    clients.forEach(({ client }) => client.destroy());
  });

  it('rejects an observer write at the host: nobody sees it, and the observer is told why', async () => {
    const writer = roomClient(shared.roomWs, shared.tokens.create({ role: 'responder', incidentId: shared.incidentId, name: 'w' }).secret, shared.incidentId);
    const observer = roomClient(shared.roomWs, shared.tokens.create({ role: 'observer', incidentId: shared.incidentId }).secret, shared.incidentId);
    await Promise.all([writer.synced(), waitFor(() => observer.provider.isSynced, 10_000, 'observer sync')]);
    addEntry(writer.doc, { author: 'w' }, { text: 'visible to the observer' });
    await waitFor(() => texts(observer.doc).includes('visible to the observer'), 5000, 'observer receives');

    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    addEntry(observer.doc, { author: 'o' }, { text: 'observer forgery' });
    await waitFor(() => observer.closes.length > 0, 5000, 'observer closed');
    observer.destroy();
    quiet.mockRestore();
    expect(observer.closes[0]).toEqual(ROOM_CLOSE.observerReadOnly);
    await new Promise((r) => setTimeout(r, 200));
    expect(texts(writer.doc)).not.toContain('observer forgery');
    expect(entryTextsOnDisk(`${shared.dataDir}/warroom.db`, docName)).not.toContain('observer forgery');
    writer.destroy();
  });

  it('disconnects a revoked token at once, and refuses it afterwards with 401', async () => {
    const { id, secret } = shared.tokens.create({ role: 'responder', incidentId: shared.incidentId });
    const a = roomClient(shared.roomWs, secret, shared.incidentId);
    const b = roomClient(shared.roomWs, secret, shared.incidentId);
    await Promise.all([a.synced(), b.synced()]);
    const started = Date.now();
    expect(shared.tokens.revoke(id)).toBe(true);
    await waitFor(() => a.closes.length > 0 && b.closes.length > 0, 2000, 'both closed');
    expect(Date.now() - started).toBeLessThan(500);
    expect(a.closes[0]).toEqual(ROOM_CLOSE.tokenRevoked);
    a.destroy();
    b.destroy();
    expect(await upgradeStatus(`${shared.roomWs}/sync?token=${secret}`)).toBe(401);
  });

  it('sees a revocation made by another process through the shared store', async () => {
    const { id, secret } = shared.tokens.create({ role: 'observer', incidentId: shared.incidentId });
    const client = roomClient(shared.roomWs, secret, shared.incidentId);
    await waitFor(() => client.provider.isSynced, 10_000, 'sync');
    const other = IncidentStore.open(shared.dataDir);
    const { RoomTokens } = await import('../roomTokens');
    new RoomTokens(other).revoke(id);
    other.close();
    await waitFor(() => client.closes.length > 0, 3000, 'closed by the revocation watch');
    expect(client.closes[0]).toEqual(ROOM_CLOSE.tokenRevoked);
    client.destroy();
  });

  it('refuses wrong tokens (401), foreign origins (403), the host token, and /rpc and /term (404)', async () => {
    const { secret, code } = shared.tokens.create({ role: 'responder', incidentId: shared.incidentId });
    expect(await upgradeStatus(`${shared.roomWs}/sync`)).toBe(401);
    expect(await upgradeStatus(`${shared.roomWs}/sync?token=${'A'.repeat(43)}`)).toBe(401);
    expect(await upgradeStatus(`${shared.roomWs}/sync?token=${shared.host.token}`)).toBe(401);
    expect(await upgradeStatus(`${shared.roomWs}/sync?token=${code}`)).toBe(101);
    expect(await upgradeStatus(`${shared.roomWs}/sync?token=${code.toLowerCase().replace(/-/g, '')}`)).toBe(101);
    expect(await upgradeStatus(`${shared.roomWs}/sync?token=${secret}`, { headers: { Origin: 'http://evil.example' } })).toBe(403);
    expect(await upgradeStatus(`${shared.roomWs}/sync?token=${secret}`, { headers: { Origin: shared.host.room!.url } })).toBe(101);
    for (const p of ['/rpc', '/term']) {
      expect(await upgradeStatus(`${shared.roomWs}${p}?token=${shared.host.token}`)).toBe(404);
      expect(await upgradeStatus(`${shared.roomWs}${p}?token=${secret}`)).toBe(404);
      expect((await fetch(`${shared.host.room!.url}${p}`)).status).toBe(404);
    }
    // And the room token opens nothing on the loopback listener.
    expect(await upgradeStatus(`${wsBase(shared.host.url)}/sync?token=${secret}`)).toBe(401);
  });

  it('opens only the granted incident', async () => {
    const { secret } = shared.tokens.create({ role: 'responder', incidentId: shared.incidentId });
    const ws = await rawRoomSocket(shared.roomWs, secret, shared.incidentId);
    ws.send(frames.step1(incidentDocName('01ARZ3NDEKTSV4RRFFQ69G5FAV'), new Y.Doc()));
    expect(await closed(ws)).toEqual(ROOM_CLOSE.wrongDocument);
  });

  it('stamps presence: a matching identity is shared, a forged one closes the socket', async () => {
    const { secret } = shared.tokens.create({ role: 'responder', incidentId: shared.incidentId, name: 'Priya' });
    const watcher = roomClient(shared.roomWs, shared.tokens.create({ role: 'observer', incidentId: shared.incidentId }).secret, shared.incidentId);
    const priya = roomClient(shared.roomWs, secret, shared.incidentId);
    await Promise.all([priya.synced(), waitFor(() => watcher.provider.isSynced, 10_000, 'watcher')]);
    priya.provider.setAwarenessField('user', { name: 'Priya', roomRole: 'responder', view: 'timeline' });
    const userOf = (client: { provider: { awareness: Awareness | null } }, id: number) =>
      (client.provider.awareness?.getStates().get(id) as { user?: { name?: string } } | undefined)?.user;
    await waitFor(() => userOf(watcher, priya.doc.clientID)?.name === 'Priya', 5000, 'presence');
    expect(watcher.closes).toEqual([]);

    priya.provider.setAwarenessField('user', { name: 'The Commander', roomRole: 'responder' });
    await waitFor(() => priya.closes.length > 0, 5000, 'forger closed');
    expect(priya.closes[0]).toEqual(ROOM_CLOSE.forgedPresence);
    priya.destroy();
    // A wrong room role is a forgery too, named token or not.
    const other = roomClient(shared.roomWs, shared.tokens.create({ role: 'observer', incidentId: shared.incidentId }).secret, shared.incidentId);
    await waitFor(() => other.provider.isSynced, 10_000, 'other');
    other.provider.setAwarenessField('user', { name: 'Sam', roomRole: 'responder' });
    await waitFor(() => other.closes.length > 0, 5000, 'role forger closed');
    expect(other.closes[0]).toEqual(ROOM_CLOSE.forgedPresence);
    other.destroy();
  });

  it('never applies what a socket says about another client', async () => {
    const watcher = roomClient(shared.roomWs, shared.tokens.create({ role: 'observer', incidentId: shared.incidentId }).secret, shared.incidentId);
    const bystander = roomClient(shared.roomWs, shared.tokens.create({ role: 'observer', incidentId: shared.incidentId }).secret, shared.incidentId);
    await Promise.all([watcher, bystander].map((c) => waitFor(() => c.provider.isSynced, 10_000, 'sync')));
    watcher.provider.setAwarenessField('user', { name: 'Watcher', roomRole: 'observer' });
    const nameSeen = () => (bystander.provider.awareness?.getStates().get(watcher.doc.clientID) as { user?: { name?: string } } | undefined)?.user?.name;
    await waitFor(() => nameSeen() === 'Watcher', 5000, 'watcher presence');

    const { secret } = shared.tokens.create({ role: 'responder', incidentId: shared.incidentId, name: 'Mallory' });
    const ws = await rawRoomSocket(shared.roomWs, secret, shared.incidentId);
    const own = new Awareness(new Y.Doc());
    own.setLocalState({ user: { name: 'Mallory', roomRole: 'responder' } });
    ws.send(frames.awareness(docName, encodeAwarenessUpdate(own, [own.clientID])));
    const theirs = new Awareness(new Y.Doc());
    theirs.clientID = watcher.doc.clientID;
    for (let i = 0; i < 5; i++) theirs.setLocalState({ user: { name: 'Mallory', roomRole: 'responder' }, i });
    ws.send(frames.awareness(docName, encodeAwarenessUpdate(theirs, [theirs.clientID])));
    theirs.setLocalState(null);
    ws.send(frames.awareness(docName, encodeAwarenessUpdate(theirs, [theirs.clientID])));
    await new Promise((r) => setTimeout(r, 300));
    expect(nameSeen()).toBe('Watcher');
    expect(ws.readyState).toBe(ws.OPEN);
    ws.close();
    watcher.destroy();
    bystander.destroy();
  });
});

describe('room listener rate limit', () => {
  it('answers 429 past the per-address limit, and only for that address', async () => {
    const shared = await startSharedHost({ listen: { hostname: '127.0.0.1', port: 0, rateLimit: { max: 5, windowMs: 60_000 } } });
    try {
      const { secret } = shared.tokens.create({ role: 'observer', incidentId: shared.incidentId });
      const url = `${shared.roomWs}/sync?token=${secret}`;
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push(await upgradeStatus(i % 2 ? url : `${shared.roomWs}/sync?token=bad`));
      expect(statuses.slice(0, 5)).toEqual([401, 101, 401, 101, 401]);
      expect(statuses.slice(5)).toEqual([429, 429]);
      // Another address on the loopback network is unaffected.
      expect(await upgradeStatus(url, { localAddress: '127.0.0.2' })).toBe(101);
    } finally {
      await shared.host.close();
    }
  });
});
