// Customer status updates posted in a real client reach real local HTTP receivers: one that fails
// twice and recovers, one Slack-compatible, one that is down. Waits on the host's delivery events.
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postStatusUpdate } from '../../../../shared/model/statusCommands';
import { readDeliveries } from '../../../../shared/model/statusDeliveries';
import { readStatusUpdates } from '../../../../shared/model/statusUpdates';
import { startHost, type RunningHost } from '../../host';
import { connectSync, RpcClient, tempDir, TEST_INCIDENT, wsBase } from '../../test/helpers';
import type { DeliveryRecord } from '../outboundExtension';
import { SIGNATURE_HEADER, type OutboundTarget } from '../statusWebhooks';

const SECRET = 'a-shared-secret-of-32-characters';
/** Short backoff for the test; the default policy waits seconds. */
const POLICY = { attempts: 4, firstBackoffMs: 50, timeoutMs: 5000 };
const EVENT_TIMEOUT_MS = 20_000;

interface Receiver {
  url: string;
  bodies: Array<{ body: string; headers: IncomingMessage['headers'] }>;
  server: Server;
}

/** Answers 503 to the first `failures` requests, then 200. */
async function receiver(failures: number): Promise<Receiver> {
  const bodies: Receiver['bodies'] = [];
  let seen = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen++;
      if (seen <= failures) return void res.writeHead(503).end('restarting');
      bodies.push({ body: Buffer.concat(chunks).toString('utf8'), headers: req.headers });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, bodies, server };
}

describe('status updates going out', () => {
  let host: RunningHost;
  let flaky: Receiver;
  let slack: Receiver;
  let downUrl: string;
  const records: DeliveryRecord[] = [];
  const listeners = new Set<() => void>();

  beforeAll(async () => {
    flaky = await receiver(2);
    slack = await receiver(0);
    const down = await receiver(0);
    downUrl = down.url;
    await new Promise<void>((resolve) => down.server.close(() => resolve()));
    const targets: OutboundTarget[] = [
      { name: 'status-site', kind: 'generic', url: flaky.url, secret: SECRET },
      { name: 'slack', kind: 'slack', url: slack.url },
      { name: 'down', kind: 'generic', url: downUrl },
    ];
    host = await startHost({
      dataDir: path.join(tempDir('warroom-outbound-'), 'data'),
      staticDir: null,
      log: () => {},
      outbound: { targets: () => targets, policy: POLICY, onDelivery: (r) => (records.push(r), listeners.forEach((l) => l())) },
    });
  });
  afterAll(async () => {
    await host.close();
    flaky.server.close();
    slack.server.close();
  });

  /** Resolves when the latest state of every named target is final (sent or failed). */
  const settled = (names: string[]) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`deliveries not settled: ${JSON.stringify(records)}`)), EVENT_TIMEOUT_MS);
      const check = () => {
        const last = names.map((n) => records.filter((r) => r.target === n).at(-1)?.state.state);
        if (last.every((s) => s === 'sent' || s === 'failed')) {
          clearTimeout(timer);
          listeners.delete(check);
          resolve();
        }
      };
      listeners.add(check);
      check();
    });

  it('tells the renderer, in hello, how many targets customer updates go to', async () => {
    const rpc = await RpcClient.connect(wsBase(host.url), host.token);
    expect(await rpc.value<{ statusTargets: number }>('hello')).toMatchObject({ statusTargets: 3 });
    rpc.close();
  });

  it('sends customer updates with retries, signs the generic JSON, records each state, and never sends internal ones', async () => {
    const rpc = await RpcClient.connect(wsBase(host.url), host.token);
    const { id } = await rpc.value<{ id: string }>('createIncident', TEST_INCIDENT);
    rpc.close();
    const client = connectSync(wsBase(host.url), host.token, id);
    await client.synced();
    postStatusUpdate(client.doc, { author: 'Comms lead' }, { audience: 'internal', template: 'investigating', text: 'Internal only: DB failover under way' });
    postStatusUpdate(client.doc, { author: 'Comms lead' }, { audience: 'customers', template: 'identified', text: 'Checkout is slow; we found the cause.' });
    await client.synced();
    await settled(['status-site', 'slack', 'down']);

    const states = (name: string) => records.filter((r) => r.target === name).map((r) => r.state.state);
    expect(states('status-site')).toEqual(['retrying', 'retrying', 'sent']);
    expect(states('slack')).toEqual(['sent']);
    expect(states('down')).toEqual(['retrying', 'retrying', 'retrying', 'failed']);
    const failed = records.find((r) => r.target === 'down' && r.state.state === 'failed')?.state;
    expect(failed).toMatchObject({ attempts: 4, reason: expect.stringMatching(/^down unreachable: ECONNREFUSED/) });

    expect(flaky.bodies).toHaveLength(1);
    const sent = flaky.bodies[0] as Receiver['bodies'][number];
    expect(sent.headers[SIGNATURE_HEADER.toLowerCase()]).toBe(`sha256=${createHmac('sha256', SECRET).update(sent.body).digest('hex')}`);
    expect(JSON.parse(sent.body)).toMatchObject({
      type: 'status-update',
      incident: { id, severity: TEST_INCIDENT.severity, status: 'investigating' },
      update: { audience: 'customers', status: 'identified', text: 'Checkout is slow; we found the cause.', postedBy: 'Comms lead' },
    });
    expect(slack.bodies.map((b) => JSON.parse(b.body) as { text: string })).toEqual([{ text: expect.stringMatching(/^\*\[SEV\d\] .+: identified\*\nCheckout is slow/) }]);
    // The internal update went nowhere.
    expect([...flaky.bodies, ...slack.bodies].some((b) => b.body.includes('Internal only'))).toBe(false);

    // Every participant sees where the update went, on the incident itself.
    const customerUpdate = readStatusUpdates(client.doc).find((u) => u.audience === 'customers')?.id as string;
    const shown = () => readDeliveries(client.doc).get(customerUpdate) ?? [];
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`deliveries not on the incident: ${JSON.stringify(shown())}`)), EVENT_TIMEOUT_MS);
      const check = () => {
        if (shown().length !== 3 || shown().some((d) => d.state === 'retrying')) return;
        clearTimeout(timer);
        client.doc.off('update', check);
        resolve();
      };
      client.doc.on('update', check);
      check();
    });
    expect(shown().map((d) => [d.target, d.state, d.attempts])).toEqual([
      ['down', 'failed', 4],
      ['slack', 'sent', 1],
      ['status-site', 'sent', 3],
    ]);
    expect(shown()[0]?.reason).toMatch(/^down unreachable: ECONNREFUSED/);
    expect(readDeliveries(client.doc).size).toBe(1);
    client.destroy();
  });
});
