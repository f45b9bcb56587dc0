// The loopback /sync (host token) is held to the same gate as the room listener: malformed frames
// and stateless messages close only their sender, with one log line; the rate limit answers 429;
// and 10,000 fuzzed frames leave a host in its own process within 20 MB of where it started.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { addEntry } from '../../../../shared/model/commands';
import { readEntries } from '../../../../shared/model/doc';
import { incidentDocName } from '../../../../shared/protocol/api';
import { ROOM_CLOSE } from '../../../../shared/protocol/room';
import { startHost } from '../../host';
import { bundleForNode, connectSync, RpcClient, tempDir, TEST_INCIDENT, waitFor, wsBase } from '../../test/helpers';
import { fuzzFrames } from './fuzzFrames';
import { closed, frames, rawRoomSocket, roomClient, startSharedHost, upgradeStatus, type SharedHost } from './roomHelpers';

const FUZZ_FRAMES = 10_000;
/**
 * The child's allocators are told to give back what they free, so that RSS shows what the host
 * holds. With the defaults, 1,000 short-lived sockets leave RSS ~20-30 MB up, with or without the
 * gate, while the JS heap in use stays flat: V8 keeps its grown young generation reserved and glibc
 * keeps freed socket buffers in its arenas. That is allocator sizing, not anything the host retains.
 */
const MEASURED_NODE_FLAGS = ['--expose-gc', '--max-semi-space-size=2'];
const MEASURED_ENV = { MALLOC_ARENA_MAX: '1', MALLOC_TRIM_THRESHOLD_: '131072' };
const FRAMES_PER_CONNECTION = 10;
const BAD_CLIENTS = 4;
/** The ceiling on what 10,000 refused frames may leave behind in the host's resident memory. */
const RSS_GROWTH_LIMIT_BYTES = 20 * 1024 * 1024;
const MiB = 1024 * 1024;
/** A thousand connections and a child process: ~12 s idle, several times that with both cores busy. */
const FUZZ_TEST_TIMEOUT_MS = 180_000;

describe('the loopback /sync gate', () => {
  let shared: SharedHost;
  let docName: string;
  const lines: string[] = [];

  beforeAll(async () => {
    shared = await startSharedHost({ log: (line) => lines.push(line) });
    docName = incidentDocName(shared.incidentId);
  });
  afterAll(() => shared.host.close());

  const loopbackWs = () => wsBase(shared.host.url);

  it('closes only a host-token client that sends a malformed frame, with one log line and no stack trace', async () => {
    const errors = vi.spyOn(console, 'error');
    const owner = connectSync(loopbackWs(), shared.host.token, shared.incidentId);
    const participant = roomClient(shared.roomWs, shared.tokens.create({ role: 'responder', incidentId: shared.incidentId, name: 'Noor' }).secret, shared.incidentId);
    await Promise.all([owner.synced(), participant.synced()]);

    const bad = await rawRoomSocket(loopbackWs(), shared.host.token, shared.incidentId);
    const refused = closed(bad);
    const update = frames.update(docName, new Uint8Array([1, 1, 200, 7, 0, 4, 9, 9]));
    for (let i = 0; i < 5; i++) bad.send(update);
    expect(await refused).toEqual(ROOM_CLOSE.malformedFrame);

    addEntry(owner.doc, { author: 'Priya' }, { text: 'after the bad client' });
    await waitFor(() => readEntries(participant.doc).some((e) => e.text === 'after the bad client'), 10_000, 'the participant sees the owner');
    expect(participant.closes).toEqual([]);
    expect(lines.filter((l) => l.includes('malformed-frame'))).toHaveLength(1);
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
    owner.destroy();
    participant.destroy();
  });

  it('refuses a stateless broadcast from a host-token client: room participants never receive it', async () => {
    const participant = roomClient(shared.roomWs, shared.tokens.create({ role: 'observer', incidentId: shared.incidentId }).secret, shared.incidentId);
    const heard: string[] = [];
    participant.provider.on('stateless', ({ payload }: { payload: string }) => heard.push(payload));
    await waitFor(() => participant.provider.isSynced, 10_000, 'participant sync');
    const owner = connectSync(loopbackWs(), shared.host.token, shared.incidentId);
    await owner.synced();

    const sender = await rawRoomSocket(loopbackWs(), shared.host.token, shared.incidentId);
    const refused = closed(sender);
    sender.send(frames.broadcastStateless(docName, 'the host says: drop the primary'));
    expect(await refused).toEqual(ROOM_CLOSE.forbiddenMessage);
    // Anything the broadcast had reached the room with would arrive before this entry does.
    addEntry(owner.doc, { author: 'Priya' }, { text: 'ordered after the broadcast' });
    await waitFor(() => readEntries(participant.doc).some((e) => e.text === 'ordered after the broadcast'), 10_000, 'the later entry');
    expect(heard.filter((p) => p.includes('drop the primary'))).toEqual([]);
    owner.destroy();
    participant.destroy();
  });

  it('answers 429 past the loopback rate limit', async () => {
    const host = await startHost({ dataDir: path.join(tempDir('warroom-loopback-'), 'data'), staticDir: null, log: () => {}, syncRateLimit: { max: 3, windowMs: 60_000 } });
    try {
      const url = `${wsBase(host.url)}/sync?token=${host.token}`;
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push(await upgradeStatus(url));
      expect(statuses).toEqual([101, 101, 101, 429]);
    } finally {
      await host.close();
    }
  });
});

/** A host in a child process (`node --expose-gc`), asked for its RSS after forced collections. */
class MeasuredHost {
  private readonly out: Interface;
  private readonly waiting: Array<(line: string) => void> = [];
  readonly stderr: string[] = [];

  private constructor(readonly child: ChildProcessWithoutNullStreams) {
    this.out = createInterface({ input: child.stdout });
    this.out.on('line', (line) => this.waiting.shift()?.(line));
    createInterface({ input: child.stderr }).on('line', (line) => this.stderr.push(line));
  }

  static async start(script: string, dataDir: string): Promise<{ host: MeasuredHost; url: string; token: string }> {
    const host = new MeasuredHost(spawn(process.execPath, [...MEASURED_NODE_FLAGS, script, dataDir], { env: { ...process.env, ...MEASURED_ENV } }));
    const { url, token } = JSON.parse(await host.nextLine()) as { url: string; token: string };
    return { host, url, token };
  }

  private nextLine(): Promise<string> {
    return new Promise((resolve, reject) => {
      this.waiting.push(resolve);
      this.child.once('exit', (code) => reject(new Error(`measured host exited (${code}): ${this.stderr.join('\n')}`)));
    });
  }

  async rss(): Promise<number> {
    const line = this.nextLine();
    this.child.stdin.write('rss\n');
    return (JSON.parse(await line) as NodeJS.MemoryUsage).rss;
  }

  async stop(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.stdin.end();
    await exited;
  }
}

describe('a host in its own process under 10,000 fuzzed loopback frames', () => {
  let script = '';
  beforeAll(async () => {
    script = await bundleForNode(path.join(__dirname, 'fixtures', 'measuredHost.ts'), 'measured-host');
  });
  afterAll(() => rmSync(script, { force: true }));

  it('returns to within 20 MB of its starting RSS, and logs one line per refused connection, no stack traces', async () => {
    const { host, url, token } = await MeasuredHost.start(script, path.join(tempDir('warroom-rss-'), 'data'));
    try {
      const rpc = await RpcClient.connect(wsBase(url), token);
      const { id } = await rpc.value<{ id: string }>('createIncident', TEST_INCIDENT);
      rpc.close();
      const good = connectSync(wsBase(url), token, id);
      await good.synced();
      addEntry(good.doc, { author: 'Priya' }, { text: 'before the fuzz' });
      await good.synced();
      const before = await host.rss();

      const queue = fuzzFrames(incidentDocName(id), FUZZ_FRAMES);
      let sent = 0;
      let connections = 0;
      const badClient = async () => {
        while (queue.length > 0) {
          const batch = queue.splice(0, FRAMES_PER_CONNECTION);
          const ws = new WebSocket(`${wsBase(url)}/sync?token=${token}`);
          ws.on('error', () => {});
          await new Promise<void>((resolve) => ws.once('open', () => resolve()));
          connections++;
          const done = new Promise<void>((resolve) => ws.once('close', () => resolve()));
          ws.send(frames.auth(incidentDocName(id), token));
          for (const f of batch) if (ws.readyState === ws.OPEN) ws.send(f);
          sent += batch.length;
          // Frames that all passed leave the socket open: end it and move on.
          setTimeout(() => ws.terminate(), 200).unref();
          await done;
        }
      };
      await Promise.all(Array.from({ length: BAD_CLIENTS }, badClient));
      addEntry(good.doc, { author: 'Priya' }, { text: 'after the fuzz' });
      await good.synced();
      const after = await host.rss();
      good.destroy();

      const refusals = host.stderr.filter((l) => l.startsWith('sync connection from'));
      const stackLines = host.stderr.filter((l) => /^\s+at /.test(l));
      process.stdout.write(
        `loopback fuzz: ${sent} frames over ${connections} connections; RSS ${(before / MiB).toFixed(1)} MB before, ${(after / MiB).toFixed(1)} MB after; ` +
          `${refusals.length} refusal lines, ${stackLines.length} stack-trace lines\n`,
      );
      expect(sent).toBe(FUZZ_FRAMES);
      expect(stackLines).toEqual([]);
      expect(refusals.length).toBeGreaterThan(0);
      expect(refusals.length).toBeLessThanOrEqual(connections);
      expect(after - before).toBeLessThan(RSS_GROWTH_LIMIT_BYTES);
    } finally {
      await host.stop();
    }
  }, FUZZ_TEST_TIMEOUT_MS);
});
