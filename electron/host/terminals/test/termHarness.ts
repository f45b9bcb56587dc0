// A real TerminalService behind a real loopback WebSocket server, and a real /term client that
// records every frame. No mocks: the shells are real ptys.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';
import { DEFAULT_TERMINAL_SETTINGS, type TerminalSettings } from '../../../../shared/protocol/settings';
import { OUTPUT_PREFIX, type HostTerminalFrame } from '../../../../shared/terminal/protocol';
import { tempDir, waitFor } from '../../test/helpers';
import { TerminalService } from '../terminalService';

export const TEST_TOKEN = 'test-host-token-0123456789abcdefghijklmnopqrstuv';

export interface LoggedEntry {
  incidentId: string;
  author: string;
  entry: { kind: 'terminal'; text: string; occurredAt: string };
}

export interface TermHarness {
  url: string;
  dataDir: string;
  service: TerminalService;
  settings: TerminalSettings;
  entries: LoggedEntry[];
  logs: string[];
  /** The host's side of every /term connection, in the order they came. */
  serverSockets: WebSocket[];
  close(): Promise<void>;
}

/** A home with no rc files, so prompts and output are predictable. */
export function quietShellSettings(overrides: Partial<TerminalSettings> = {}): TerminalSettings {
  const home = tempDir('warroom-home-');
  return {
    ...DEFAULT_TERMINAL_SETTINGS,
    shell: '/bin/bash',
    args: [],
    cwd: home,
    env: { HOME: home, PS1: '$ ', HISTFILE: `${home}/.bash_history` },
    ...overrides,
  };
}

export async function startHarness(settings: TerminalSettings = quietShellSettings(), orphanGraceMs?: number, dataDir = tempDir('warroom-term-')): Promise<TermHarness> {
  const entries: LoggedEntry[] = [];
  const logs: string[] = [];
  const service = new TerminalService({
    dataDir,
    settings: () => harness.settings,
    log: (line) => logs.push(line),
    hostToken: TEST_TOKEN,
    writeEntry: async (incidentId, author, entry) => void entries.push({ incidentId, author, entry }),
    ...(orphanGraceMs === undefined ? {} : { orphanGraceMs }),
  });
  const server: Server = createServer();
  const wss = new WebSocketServer({ server });
  const serverSockets: WebSocket[] = [];
  wss.on('connection', (ws, req) => {
    serverSockets.push(ws);
    service.handleConnection(ws, new URL(req.url ?? '/', 'http://x').searchParams);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  const harness: TermHarness = {
    url: `ws://127.0.0.1:${port}/term`,
    dataDir,
    service,
    settings,
    entries,
    logs,
    serverSockets,
    async close() {
      await service.closeAll();
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((r) => wss.close(() => r()));
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
  return harness;
}

export class TermClient {
  output = '';
  outputChars = 0;
  readonly frames: HostTerminalFrame[] = [];
  closeCode: number | null = null;
  /** Acknowledge every output frame as it arrives (a renderer that keeps up). */
  autoAck = true;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const text = data.toString();
      if (text.startsWith(OUTPUT_PREFIX)) {
        const chunk = text.slice(OUTPUT_PREFIX.length);
        this.output += chunk;
        this.outputChars += chunk.length;
        if (this.autoAck) this.send({ t: 'ack', chars: chunk.length });
      } else this.frames.push(JSON.parse(text) as HostTerminalFrame);
    });
    ws.on('close', (code) => (this.closeCode = code));
  }

  static open(url: string, query: Record<string, string | number>, opts: { keepOutput?: boolean } = {}): Promise<TermClient> {
    const params = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
    const ws = new WebSocket(`${url}?${params}`);
    const client = new TermClient(ws);
    if (opts.keepOutput === false) client.keepOutput = false;
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(client));
      ws.once('error', reject);
    });
  }

  /** Set false for floods: count characters without keeping them. */
  set keepOutput(keep: boolean) {
    if (keep) return;
    this.ws.removeAllListeners('message');
    this.ws.on('message', (data) => {
      const text = data.toString();
      if (!text.startsWith(OUTPUT_PREFIX)) return void this.frames.push(JSON.parse(text) as HostTerminalFrame);
      const chars = text.length - OUTPUT_PREFIX.length;
      this.outputChars += chars;
      if (this.autoAck) this.send({ t: 'ack', chars });
    });
  }

  send(frame: unknown): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  type(data: string): void {
    this.send({ t: 'input', data });
  }

  frame<T extends HostTerminalFrame['t']>(t: T): Extract<HostTerminalFrame, { t: T }> | undefined {
    return this.frames.find((f) => f.t === t) as Extract<HostTerminalFrame, { t: T }> | undefined;
  }

  async waitForOutput(pattern: RegExp | string, timeoutMs = 10_000): Promise<void> {
    const test = () => (typeof pattern === 'string' ? this.output.includes(pattern) : pattern.test(this.output));
    await waitFor(test, timeoutMs, `output ${String(pattern)}; got ${JSON.stringify(this.output.slice(-300))}`);
  }

  async waitForFrame<T extends HostTerminalFrame['t']>(t: T, timeoutMs = 10_000): Promise<Extract<HostTerminalFrame, { t: T }>> {
    await waitFor(() => this.frame(t) !== undefined, timeoutMs, `a ${t} frame`);
    return this.frame(t) as Extract<HostTerminalFrame, { t: T }>;
  }

  async waitForClose(timeoutMs = 10_000): Promise<number> {
    await waitFor(() => this.closeCode !== null, timeoutMs, 'socket close');
    return this.closeCode as number;
  }

  close(): void {
    this.ws.close();
  }
}

export const OPEN = { incident: 'INC1', cols: 80, rows: 24, name: 'ops shell', author: 'Priya' } as const;
