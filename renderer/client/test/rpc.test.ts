// The RPC client against a real `ws` server speaking the host's frame format.
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, WebSocket, type RawData } from 'ws';
import { createRpcClient, RpcCallError, type RpcClient, type WebSocketConstructor } from '../rpc';
import { DEFAULT_SETTINGS } from '../../../shared/protocol/settings';

type Handler = (frame: { id: number; method: string; args: unknown }, socket: WebSocket) => void;

interface FakeHost {
  port: number;
  urls: string[];
  sockets: WebSocket[];
  close(): Promise<void>;
}

async function startHost(handler: Handler, port = 0): Promise<FakeHost> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  const host: FakeHost = {
    port: (wss.address() as { port: number }).port,
    urls: [],
    sockets: [],
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of host.sockets) s.terminate();
        wss.close(() => resolve());
      }),
  };
  wss.on('connection', (socket, request) => {
    host.urls.push(request.url ?? '');
    host.sockets.push(socket);
    socket.on('message', (data: RawData) => handler(JSON.parse(data.toString()), socket));
  });
  return host;
}

const reply = (socket: WebSocket, id: number, value: unknown) => socket.send(JSON.stringify({ t: 'result', id, ok: true, value }));

const clients: RpcClient[] = [];
const hosts: FakeHost[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  for (const h of hosts.splice(0)) await h.close();
});

function connect(port: number, token = 'secret-token'): RpcClient {
  const client = createRpcClient(`http://127.0.0.1:${port}`, token, {
    WebSocket: WebSocket as unknown as WebSocketConstructor,
    initialBackoffMs: 20,
    maxBackoffMs: 100,
  });
  clients.push(client);
  return client;
}

describe('createRpcClient', () => {
  it('connects to /rpc with the token and resolves typed results', async () => {
    const host = await startHost((frame, socket) => {
      if (frame.method === 'getSettings') reply(socket, frame.id, { ...DEFAULT_SETTINGS, displayName: 'Ana' });
    });
    hosts.push(host);
    const client = connect(host.port, 'a b&c');
    const settings = await client.getSettings({});
    expect(settings.displayName).toBe('Ana');
    expect(host.urls[0]).toBe(`/rpc?token=${encodeURIComponent('a b&c')}`);
  });

  it('matches replies to calls by id even when they arrive out of order', async () => {
    const held: Array<{ id: number; title: string; socket: WebSocket }> = [];
    const host = await startHost((frame, socket) => {
      held.push({ id: frame.id, title: (frame.args as { title: string }).title, socket });
      if (held.length === 2) for (const h of [...held].reverse()) reply(h.socket, h.id, { id: `id-of-${h.title}` });
    });
    hosts.push(host);
    const client = connect(host.port);
    const common = { severity: 'SEV2', startedAt: '2026-11-21T21:25:00.000Z', timeZone: 'UTC', author: 'Ana' } as const;
    const [first, second] = await Promise.all([
      client.createIncident({ ...common, title: 'first' }),
      client.createIncident({ ...common, title: 'second' }),
    ]);
    expect(first.id).toBe('id-of-first');
    expect(second.id).toBe('id-of-second');
  });

  it('rejects with an RpcCallError carrying code, message and field', async () => {
    const host = await startHost((frame, socket) =>
      socket.send(
        JSON.stringify({ t: 'result', id: frame.id, ok: false, error: { code: 'invalid-archive', message: 'Bad time.', field: 'entries.3.occurredAt' } }),
      ),
    );
    hosts.push(host);
    const client = connect(host.port);
    const error = await client.importArchive({ json: '{}' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RpcCallError);
    expect(error).toMatchObject({ code: 'invalid-archive', message: 'Bad time.', field: 'entries.3.occurredAt' });
  });

  it('rejects a reply that does not match the descriptor', async () => {
    const host = await startHost((frame, socket) => reply(socket, frame.id, { id: 42 }));
    hosts.push(host);
    const client = connect(host.port);
    await expect(client.importArchive({ json: '{}' })).rejects.toMatchObject({ code: 'bad-result' });
  });

  it('delivers validated events to subscribers until they unsubscribe', async () => {
    const host = await startHost(() => {});
    hosts.push(host);
    const client = connect(host.port);
    const seen: unknown[] = [];
    const off = client.on('onStoreStatus', (status) => seen.push(status));
    await new Promise<void>((resolve) => client.onConnectionChange((s) => s === 'online' && resolve()));
    const socket = host.sockets[0]!;
    socket.send(JSON.stringify({ t: 'event', name: 'onStoreStatus', payload: { ok: false, file: '/data/warroom.db', reason: 'disk full' } }));
    socket.send(JSON.stringify({ t: 'event', name: 'onStoreStatus', payload: { ok: 'maybe' } })); // invalid: dropped
    await expect.poll(() => seen.length).toBe(1);
    off();
    socket.send(JSON.stringify({ t: 'event', name: 'onStoreStatus', payload: { ok: true, dbFile: '/data/warroom.db' } }));
    client.getSettings({}).catch(() => {}); // round trip so the event above has surely arrived
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).toEqual([{ ok: false, file: '/data/warroom.db', reason: 'disk full' }]);
  });

  it('rejects calls in flight when the socket drops, then reconnects and sends queued calls', async () => {
    let answer = false;
    const host = await startHost((frame, socket) => {
      if (answer) reply(socket, frame.id, { ...DEFAULT_SETTINGS, displayName: 'after reconnect' });
    });
    hosts.push(host);
    const client = connect(host.port);
    const states: string[] = [];
    client.onConnectionChange((s) => states.push(s));
    const inFlight = client.getSettings({});
    await expect.poll(() => host.sockets.length).toBe(1);
    await new Promise((r) => setTimeout(r, 20));
    host.sockets[0]!.terminate();
    await expect(inFlight).rejects.toMatchObject({ code: 'disconnected' });
    answer = true;
    const later = await client.getSettings({});
    expect(later.displayName).toBe('after reconnect');
    expect(host.sockets.length).toBe(2);
    expect(states).toContain('offline');
    expect(states.at(-1)).toBe('online');
  });

  it('rejects pending calls with code "closed" on close()', async () => {
    const host = await startHost(() => {});
    hosts.push(host);
    const client = connect(host.port);
    const pending = client.listIncidents({});
    client.close();
    await expect(pending).rejects.toMatchObject({ code: 'closed' });
    await expect(client.listIncidents({})).rejects.toMatchObject({ code: 'closed' });
  });
});
