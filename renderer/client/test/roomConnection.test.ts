// A room connection against a real Hocuspocus server over a real WebSocket, standing in for the
// room listener: ready only once synced AND welcomed; a final close stops it for good.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Server } from '@hocuspocus/server';
import { WebSocket } from 'ws';
import { ROOM_CLOSE } from '../../../shared/protocol/room';
import { encodeRoomWelcome } from '../../../shared/protocol/roomWelcome';
import { openRoomConnection, type RoomConnection } from '../roomConnection';

const ROOM = '01JDQ7Z8X9Y0ABCDEFGHJKMNPQ';
const TOKEN = 'r'.repeat(43);
let server: Server | null = null;
const rooms: RoomConnection[] = [];

afterEach(async () => {
  for (const room of rooms.splice(0)) room.destroy();
  vi.unstubAllGlobals();
  await server?.destroy();
  server = null;
});

async function startRoom(opts: { welcome: boolean; closeWith?: { code: number; reason: string } }): Promise<{ origin: string; connects: () => number }> {
  let connects = 0;
  server = new Server({
    port: 0,
    address: '127.0.0.1',
    quiet: true,
    async onAuthenticate({ token }) {
      if (token !== TOKEN) throw new Error('bad token');
    },
    async connected({ connection }) {
      connects += 1;
      if (opts.welcome) connection.sendStateless(encodeRoomWelcome({ roomRole: 'observer', name: null }));
      if (opts.closeWith) setTimeout(() => connection.webSocket.close(opts.closeWith!.code, opts.closeWith!.reason), 50);
    },
  });
  await server.listen();
  return { origin: `http://127.0.0.1:${server.address.port}`, connects: () => connects };
}

const within = <T,>(promise: Promise<T>, ms: number) => Promise.race([promise, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), ms))]);

describe('openRoomConnection', () => {
  it('is ready with the welcome the host sent', async () => {
    const { origin } = await startRoom({ welcome: true });
    const room = openRoomConnection(origin, { room: ROOM, token: TOKEN }, { WebSocketPolyfill: WebSocket });
    rooms.push(room);
    expect(await room.ready).toEqual({ type: 'room-welcome', roomRole: 'observer', name: null });
  });

  it('is not ready on sync alone: without a welcome it never claims an identity', async () => {
    const { origin } = await startRoom({ welcome: false });
    const room = openRoomConnection(origin, { room: ROOM, token: TOKEN }, { WebSocketPolyfill: WebSocket });
    rooms.push(room);
    await room.connection.synced;
    expect(await within(room.ready, 300)).toBe('timeout');
  });

  it('stops retrying after a final close, and says why', async () => {
    const { origin, connects } = await startRoom({ welcome: true, closeWith: ROOM_CLOSE.tokenRevoked });
    const room = openRoomConnection(origin, { room: ROOM, token: TOKEN }, { WebSocketPolyfill: WebSocket });
    rooms.push(room);
    expect(await room.ended).toMatch(/revoked/);
    await new Promise((r) => setTimeout(r, 1500));
    expect(connects()).toBe(1);
  });

  it("follows the browser's offline and online events until it is destroyed, then hears them no more", async () => {
    // Node has no window: an EventTarget stands in for the browser's, which sends the same events.
    const browser = new EventTarget();
    vi.stubGlobal('window', browser);
    const { origin } = await startRoom({ welcome: true });
    const room = openRoomConnection(origin, { room: ROOM, token: TOKEN }, { WebSocketPolyfill: WebSocket });
    rooms.push(room);
    await room.ready;
    const { provider } = room.connection;
    const disconnect = vi.spyOn(provider, 'disconnect');
    const connect = vi.spyOn(provider, 'connect');
    browser.dispatchEvent(new Event('offline'));
    expect(disconnect).toHaveBeenCalledTimes(1);
    browser.dispatchEvent(new Event('online'));
    expect(connect).toHaveBeenCalledTimes(1);

    room.destroy();
    disconnect.mockClear();
    connect.mockClear();
    browser.dispatchEvent(new Event('offline'));
    browser.dispatchEvent(new Event('online'));
    expect(disconnect).not.toHaveBeenCalled();
    expect(connect).not.toHaveBeenCalled();
  });
});
