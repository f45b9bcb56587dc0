// Sharing started and stopped at runtime over the local RPC, as the share panel does it: a real
// host, a real room listener, and a real Hocuspocus provider joining with the minted link.
import { Hocuspocus } from '@hocuspocus/server';
import { createServer, type Server } from 'node:net';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metaMap } from '../../../../shared/model/doc';
import type { EventFrame, MethodResult, NetworkInterfaceInfo, ResultFrame } from '../../../../shared/protocol/api';
import { parseBrowserHash, parseJoinLink, ROOM_CLOSE } from '../../../../shared/protocol/room';
import { startHost, type RunningHost } from '../../host';
import { RpcClient, tempDir, TEST_INCIDENT, waitFor, wsBase } from '../../test/helpers';
import { IncidentStore } from '../../store';
import { RoomTokens } from '../roomTokens';
import { listInterfaces, ShareControl } from '../shareControl';
import { roomClient, upgradeStatus } from './roomHelpers';

type Created = MethodResult<'createRoomToken'>;

function errorOf(frame: ResultFrame) {
  if (frame.ok) throw new Error('expected an error reply');
  return frame.error;
}

describe('share control over the local RPC', () => {
  let host: RunningHost;
  let rpc: RpcClient;
  let incidentId: string;

  beforeAll(async () => {
    host = await startHost({ dataDir: path.join(tempDir('warroom-share-'), 'data'), staticDir: null, log: () => {} });
    rpc = await RpcClient.connect(wsBase(host.url), host.token);
    incidentId = (await rpc.value<{ id: string }>('createIncident', TEST_INCIDENT)).id;
  });
  afterAll(async () => {
    rpc.close();
    await host.close();
  });

  it('lists the interfaces with loopback last, and is not sharing at first', async () => {
    const status = await rpc.value<MethodResult<'shareStatus'>>('shareStatus');
    expect(status.listening).toBeNull();
    expect(status.interfaces.some((i) => i.address === '127.0.0.1')).toBe(true);
    const firstInternal = status.interfaces.findIndex((i) => i.internal);
    expect(status.interfaces.slice(firstInternal).every((i) => i.internal)).toBe(true);
    expect(listInterfaces()).toEqual(status.interfaces);
    expect(errorOf(await rpc.call('createRoomToken', { incidentId, role: 'observer' })).code).toBe('not-sharing');
  });

  it('names the port in use, and the TLS file it cannot read, keeping sharing off', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const busy = (blocker.address() as { port: number }).port;
    const inUse = errorOf(await rpc.call('startSharing', { hostname: '127.0.0.1', port: busy }));
    blocker.close();
    expect(inUse).toMatchObject({ code: 'bad-args', field: 'port' });
    expect(inUse.message).toContain(String(busy));

    const dir = tempDir('warroom-share-tls-');
    const missing = errorOf(await rpc.call('startSharing', { hostname: '127.0.0.1', port: 0, tlsCertPath: path.join(dir, 'nope.pem'), tlsKeyPath: path.join(dir, 'key.pem') }));
    expect(missing).toMatchObject({ code: 'bad-args', field: 'tlsCertPath' });
    expect(missing.message).toContain(path.join(dir, 'nope.pem'));
    const junk = path.join(dir, 'junk.pem');
    writeFileSync(junk, 'not a certificate');
    const notPem = errorOf(await rpc.call('startSharing', { hostname: '127.0.0.1', port: 0, tlsCertPath: junk, tlsKeyPath: junk }));
    expect(notPem.message).toContain(junk);
    expect(errorOf(await rpc.call('startSharing', { hostname: '127.0.0.1', port: 0, tlsCertPath: junk })).code).toBe('bad-args');
    expect((await rpc.value<MethodResult<'shareStatus'>>('shareStatus')).listening).toBeNull();
  });

  it('starts, invites, sees the joiner, revokes, and stops', async () => {
    const listening = await rpc.value<MethodResult<'startSharing'>>('startSharing', { hostname: '127.0.0.1', port: 0 });
    expect(listening).toMatchObject({ hostname: '127.0.0.1', advertisedHost: '127.0.0.1' });
    expect(listening.url).toBe(`http://127.0.0.1:${listening.port}`);
    expect(host.room?.port).toBe(listening.port);
    expect(errorOf(await rpc.call('startSharing', { hostname: '127.0.0.1', port: 0 })).code).toBe('already-sharing');

    const created = await rpc.value<Created>('createRoomToken', { incidentId, role: 'responder', name: 'Noor' });
    const link = parseJoinLink(created.joinLink);
    expect(link).toEqual({ host: '127.0.0.1', port: listening.port, room: incidentId, token: created.secret });
    expect(created.browserUrl.startsWith(`http://127.0.0.1:${listening.port}/#`)).toBe(true);
    expect(parseBrowserHash(new URL(created.browserUrl).hash)).toEqual({ room: incidentId, token: created.secret });
    expect(created.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const tokens = await rpc.value<MethodResult<'listRoomTokens'>>('listRoomTokens', { incidentId });
    expect(tokens.map((t) => [t.id, t.role, t.name, t.revokedAt])).toContainEqual([created.id, 'responder', 'Noor', null]);

    rpc.events.length = 0;
    const joiner = roomClient(wsBase(listening.url), created.secret, incidentId);
    await joiner.synced();
    expect(metaMap(joiner.doc).get('title')).toBe(TEST_INCIDENT.title);
    const connections = await rpc.value<MethodResult<'roomConnections'>>('roomConnections', { incidentId });
    expect(connections).toEqual([expect.objectContaining({ tokenId: created.id, name: 'Noor', roomRole: 'responder', address: expect.stringContaining('127.0.0.1') })]);
    const pushed = (frames: EventFrame[]) => frames.filter((f) => f.name === 'onRoomConnections').map((f) => f.payload as { incidentId: string; connections: unknown[] });
    await waitFor(() => pushed(rpc.events).some((p) => p.incidentId === incidentId && p.connections.length === 1), 5000, 'connect pushed');

    expect(await rpc.value('revokeRoomToken', { id: created.id })).toEqual({ revoked: true });
    await waitFor(() => joiner.closes.length > 0, 2000, 'revoked joiner closed');
    expect(joiner.closes[0]).toEqual(ROOM_CLOSE.tokenRevoked);
    joiner.destroy();
    await waitFor(() => pushed(rpc.events).at(-1)?.connections.length === 0, 5000, 'disconnect pushed');
    expect(await rpc.value('roomConnections', { incidentId })).toEqual([]);

    // A second joiner, then stop: the listener and its sockets go away, tokens stay listed.
    const observer = await rpc.value<Created>('createRoomToken', { incidentId, role: 'observer' });
    const watcher = roomClient(wsBase(listening.url), observer.secret, incidentId);
    await waitFor(() => watcher.provider.isSynced, 10_000, 'observer sync');
    // The observer's name arrives in its awareness, after its socket: the panel hears it then.
    watcher.provider.setAwarenessField('user', { name: 'Olu', roomRole: 'observer' });
    await waitFor(() => pushed(rpc.events).at(-1)?.connections.some((c) => (c as { name: unknown }).name === 'Olu') ?? false, 5000, 'observer name pushed');
    expect(await rpc.value('stopSharing')).toEqual({});
    await waitFor(() => watcher.closes.length > 0, 2000, 'observer closed by stop');
    watcher.destroy();
    expect((await rpc.value<MethodResult<'shareStatus'>>('shareStatus')).listening).toBeNull();
    expect(host.room).toBeUndefined();
    await expect(upgradeStatus(`${wsBase(listening.url)}/sync?token=${observer.secret}`)).rejects.toThrow();
    expect((await rpc.value<unknown[]>('listRoomTokens', { incidentId })).length).toBe(2);
  });

  it('refuses a token for an unknown incident', async () => {
    await rpc.value('startSharing', { hostname: '127.0.0.1', port: 0 });
    const unknown = errorOf(await rpc.call('createRoomToken', { incidentId: '01ARZ3NDEKTSV4RRFFQ69G5FAV', role: 'observer' }));
    expect(unknown.code).toBe('not-found');
    await rpc.value('stopSharing');
  });
});

describe('share control on a wildcard address', () => {
  const lo: NetworkInterfaceInfo = { name: 'lo', address: '127.0.0.1', family: 'IPv4', internal: true };
  const eth: NetworkInterfaceInfo = { name: 'eth0', address: '192.0.2.7', family: 'IPv4', internal: false };
  const incidentId = '01ARZ3NDEKTSV4RRFFQ69G5FAV';

  function control(interfaces: NetworkInterfaceInfo[]) {
    const store = IncidentStore.open(path.join(tempDir('warroom-share-any-'), 'data'));
    const share = new ShareControl({
      hocuspocus: new Hocuspocus({ quiet: true }),
      tokens: new RoomTokens(store),
      staticDir: null,
      log: () => {},
      hasIncident: () => true,
      onConnections: () => {},
      interfaces: () => interfaces,
    });
    return { share, close: async () => (await share.stop(), store.close()) };
  }

  it('puts the chosen external address in links, and refuses links when there is none', async () => {
    const reachable = control([eth, lo]);
    const on = await reachable.share.start({ hostname: '0.0.0.0', port: 0 });
    expect(on).toMatchObject({ hostname: '0.0.0.0', advertisedHost: '192.0.2.7', url: `http://192.0.2.7:${on.port}` });
    expect(parseJoinLink(reachable.share.createToken({ incidentId, role: 'observer' }).joinLink)?.host).toBe('192.0.2.7');
    await reachable.close();

    const isolated = control([lo]);
    expect((await isolated.share.start({ hostname: '0.0.0.0', port: 0 })).advertisedHost).toBeNull();
    expect(() => isolated.share.createToken({ incidentId, role: 'observer' })).toThrow(/no network address a joiner could reach/);
    await isolated.close();
  });
});
