// TerminalSocket against a real `ws` server standing in for the host's /term endpoint.
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer, type WebSocket as ServerSocket } from 'ws';
import { ACK_BLOCK_CHARS, OUTPUT_PREFIX } from '../../../shared/terminal/protocol';
import type { WebSocketConstructor } from '../../client/rpc';
import { TerminalSocket, type TerminalSink } from '../terminalSocket';
import { terminalInfo } from './fixtures';

const info = (id: string) => terminalInfo({ id });

interface Conn {
  socket: ServerSocket;
  query: URLSearchParams;
  frames: unknown[];
}

let server: WebSocketServer | null = null;
let client: TerminalSocket | null = null;

afterEach(async () => {
  client?.detach();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

async function startServer(): Promise<{ url: string; conns: Conn[]; next(): Promise<Conn> }> {
  const conns: Conn[] = [];
  const waiters: Array<(c: Conn) => void> = [];
  server = new WebSocketServer({ port: 0, host: '127.0.0.1', path: '/term' });
  server.on('connection', (socket, req) => {
    const conn: Conn = { socket, query: new URL(req.url!, 'http://x').searchParams, frames: [] };
    socket.on('message', (data) => conn.frames.push(JSON.parse(String(data))));
    conns.push(conn);
    waiters.shift()?.(conn);
  });
  await new Promise((resolve) => server!.once('listening', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    conns,
    next: () => new Promise((resolve) => waiters.push(resolve)),
  };
}

function recordingSink(): TerminalSink & { written: string[]; resets: number; parseAll(): void } {
  const pending: Array<() => void> = [];
  const sink = {
    written: [] as string[],
    resets: 0,
    write(data: string, parsed: () => void) {
      sink.written.push(data);
      pending.push(parsed);
    },
    reset() {
      sink.resets += 1;
    },
    parseAll() {
      for (const cb of pending.splice(0)) cb();
    },
  };
  return sink;
}

const until = async (check: () => boolean, ms = 3_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

function open(url: string, sink: TerminalSink, events: ConstructorParameters<typeof TerminalSocket>[0]['events'] = {}) {
  client = new TerminalSocket({
    endpoint: { hostUrl: url, token: 'tok' },
    target: { incident: 'inc', name: 'Terminal 1', author: 'Priya' },
    size: () => ({ cols: 100, rows: 30 }),
    sink,
    events,
    WebSocket: WebSocket as unknown as WebSocketConstructor,
  });
  return client;
}

describe('TerminalSocket', () => {
  it('opens with the token, size and name, and acknowledges only parsed output, in blocks', async () => {
    const host = await startServer();
    const first = host.next();
    const sink = recordingSink();
    const ready: string[] = [];
    open(host.url, sink, { onReady: (i) => ready.push(i.id) });
    const conn = await first;
    expect(Object.fromEntries(conn.query)).toMatchObject({ token: 'tok', cols: '100', rows: '30', incident: 'inc', name: 'Terminal 1', author: 'Priya' });

    conn.socket.send(JSON.stringify({ t: 'ready', info: info('s1'), history: [], replay: '' }));
    await until(() => ready.length === 1);
    const chunk = 'x'.repeat(ACK_BLOCK_CHARS / 2);
    for (let i = 0; i < 3; i++) conn.socket.send(OUTPUT_PREFIX + chunk);
    await until(() => sink.written.length === 3);
    await new Promise((r) => setTimeout(r, 50));
    expect(conn.frames).toEqual([]); // nothing parsed yet, nothing acknowledged

    sink.parseAll();
    await until(() => conn.frames.length === 1);
    // Parsed one after another: no ack while more was queued, then all of it once caught up.
    expect(conn.frames).toEqual([{ t: 'ack', chars: 3 * chunk.length }]);
    expect(3 * chunk.length).toBeGreaterThanOrEqual(ACK_BLOCK_CHARS);
  });

  it('sends input, resize, rename and the switch once ready, and close ends the session', async () => {
    const host = await startServer();
    const first = host.next();
    let ready = false;
    const socket = open(host.url, recordingSink(), { onReady: () => (ready = true) });
    const conn = await first;
    conn.socket.send(JSON.stringify({ t: 'ready', info: info('s1'), history: [], replay: '' }));
    await until(() => ready);
    socket.input('ls\r');
    socket.resize(120, 40);
    socket.rename('Logs');
    socket.logCommands(true);
    socket.close();
    await until(() => conn.frames.length === 5);
    expect(conn.frames).toEqual([
      { t: 'input', data: 'ls\r' },
      { t: 'resize', cols: 120, rows: 40 },
      { t: 'rename', name: 'Logs' },
      { t: 'logCommands', on: true },
      { t: 'close' },
    ]);
  });

  it('re-attaches a dropped session with session= and repaints from the replay', async () => {
    const host = await startServer();
    const first = host.next();
    const sink = recordingSink();
    const states: string[] = [];
    open(host.url, sink, { onConnection: (s) => states.push(s) });
    const conn = await first;
    conn.socket.send(JSON.stringify({ t: 'ready', info: info('s7'), history: [], replay: '' }));
    await until(() => states.includes('open'));

    const second = host.next();
    conn.socket.terminate();
    const again = await second;
    expect(again.query.get('session')).toBe('s7');
    expect(again.query.get('incident')).toBeNull();
    again.socket.send(JSON.stringify({ t: 'ready', info: info('s7'), history: [], replay: '$ echo hi\r\nhi\r\n' }));
    await until(() => sink.written.length === 1);
    expect(sink.resets).toBe(1);
    expect(sink.written).toEqual(['$ echo hi\r\nhi\r\n']);
    expect(states).toEqual(['connecting', 'open', 'reconnecting', 'reconnecting', 'open']);
  });

  it('sends keystrokes typed while the socket opens, and drops those typed while it is down', async () => {
    const host = await startServer();
    const first = host.next();
    const socket = open(host.url, recordingSink());
    socket.input('echo typed-while-opening\r'); // the socket is still connecting
    const conn = await first;
    await until(() => conn.frames.length === 1);
    expect(conn.frames).toEqual([{ t: 'input', data: 'echo typed-while-opening\r' }]);
    conn.socket.send(JSON.stringify({ t: 'ready', info: info('s9'), history: [], replay: '' }));

    const second = host.next();
    conn.socket.terminate();
    await until(() => conn.socket.readyState === conn.socket.CLOSED);
    socket.input('typed-while-down');
    const again = await second;
    socket.input('after\r');
    await until(() => again.frames.length > 0);
    await new Promise((r) => setTimeout(r, 50));
    expect(again.frames).toEqual([{ t: 'input', data: 'after\r' }]);
  });

  it('does not re-attach after the shell exited or failed to start, and reports why', async () => {
    const host = await startServer();
    const first = host.next();
    const errors: string[] = [];
    const states: string[] = [];
    open(host.url, recordingSink(), { onError: (m) => errors.push(m), onConnection: (s) => states.push(s) });
    const conn = await first;
    conn.socket.send(JSON.stringify({ t: 'error', message: 'spawn /bin/nope ENOENT', fatal: true }));
    conn.socket.send('not json');
    await until(() => errors.length === 2);
    conn.socket.close();
    await until(() => states.at(-1) === 'closed');
    expect(errors[0]).toBe('spawn /bin/nope ENOENT');
    expect(host.conns).toHaveLength(1);
  });
});
