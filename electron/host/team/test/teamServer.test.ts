// Several team-server instances (`warroom serve --store postgres://… --redis redis://…` child
// processes) on one throwaway PostgreSQL cluster and one redis-server, with real Hocuspocus clients
// spread across them. "Acknowledged" is what the server told a client is stored (the saved vector),
// and every acknowledged entry must be in PostgreSQL whatever is killed or restarted.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIncident } from '../../../../shared/model/commands';
import { newId } from '../../../../shared/model/ids';
import { PgStore } from '../../postgres/pgStore';
import { bundleForNode, REPO_ROOT, waitFor } from '../../test/helpers';
import { startPostgres, startRedis, type PostgresCluster, type RedisServer } from '../../test/realServers';
import { converged, killInstance, startInstance, storedTexts, teamClient, type TeamClient, type TeamInstance } from './teamHelpers';
import path from 'node:path';

/** Cluster, Redis, the CLI bundle and three instance starts on a loaded 2-core machine. */
const SETUP_MS = 180_000;
/** Each scenario: generous, as everything here waits on events, never on fixed sleeps. */
const SCENARIO_MS = 180_000;
const CONVERGE_MS = 60_000;
const INSTANCES = 3;
const CLIENTS_PER_INSTANCE = 2;
const TOKEN = 'team-server-test-token-0123456789abcdefghijkl';

let cluster: PostgresCluster;
let redis: RedisServer;
let cli = '';
let storeUrl = '';
const instances: TeamInstance[] = [];
const clients: TeamClient[] = [];

beforeAll(async () => {
  [cluster, redis, cli] = await Promise.all([startPostgres(), startRedis(), bundleForNode(path.join(REPO_ROOT, 'electron', 'cli.ts'), 'team-cli')]);
  storeUrl = cluster.createDatabase('team');
  // One after the other: the first migrates the empty database, the others find it current.
  for (let i = 0; i < INSTANCES; i += 1) instances.push(await startInstance(cli, { name: `i${i}`, store: storeUrl, redis: redis.url, token: TOKEN }));
}, SETUP_MS);

afterAll(async () => {
  for (const c of clients) c.destroy();
  await Promise.all(instances.map(killInstance));
  await Promise.all([cluster?.destroy(), redis?.stop()]);
  rmSync(cli, { force: true });
});

const addresses = () => instances.map((i) => i.url);

/** A new incident, created by the first client, and CLIENTS_PER_INSTANCE clients on each instance. */
async function incidentWithClients(): Promise<{ id: string; all: TeamClient[]; base: number }> {
  const id = newId();
  const all: TeamClient[] = [];
  for (let i = 0; i < INSTANCES * CLIENTS_PER_INSTANCE; i += 1) all.push(teamClient(addresses(), i % INSTANCES, TOKEN, id, `writer-${i}`));
  clients.push(...all);
  createIncident(all[0]!.doc, { author: 'Priya' }, { id, title: 'Primary database lost', severity: 'SEV1', startedAt: '2026-11-21T23:06:00.000Z', timeZone: 'UTC' });
  // The entries creating an incident writes.
  const base = all[0]!.texts().length;
  await converged(all, base, CONVERGE_MS);
  return { id, all, base };
}

/** Every client writes an entry every `everyMs` until stop() resolves; returns what was written. */
function keepWriting(all: TeamClient[], label: string, everyMs: number) {
  let n = 0;
  const timer = setInterval(() => {
    for (const [i, c] of all.entries()) c.write(`${label} ${i}.${n}`);
    n += 1;
  }, everyMs);
  return {
    written: () => n * all.length,
    stop: () => clearInterval(timer),
  };
}

async function expectAcknowledgedStored(all: TeamClient[], id: string): Promise<number> {
  const stored = await storedTexts(storeUrl, id);
  const acknowledged = all.flatMap((c) => c.acknowledged());
  expect(acknowledged.filter((t) => !stored.has(t))).toEqual([]);
  return acknowledged.length;
}

describe('team server: three instances on one PostgreSQL and Redis', () => {
  it('clients spread over the instances converge on every entry, and PostgreSQL holds them all', async () => {
    const { id, all, base } = await incidentWithClients();
    for (const [i, c] of all.entries()) for (let n = 0; n < 10; n += 1) c.write(`entry ${i}.${n}`);
    await converged(all, base + all.length * 10, CONVERGE_MS);
    expect(new Set(all.map((c) => c.texts().sort().join('\n'))).size).toBe(1);
    expect((await storedTexts(storeUrl, id)).size).toBe(base + all.length * 10);
    expect(await expectAcknowledgedStored(all, id)).toBe(all.length * 10);
  }, SCENARIO_MS);

  it('SIGKILL of one instance while clients write loses no acknowledged entry, and its clients move to the others', async () => {
    const { id, all, base } = await incidentWithClients();
    const victim = instances[0] as TeamInstance;
    const onVictim = all.filter((c) => c.dialled().includes(`:${victim.port}/`));
    expect(onVictim.length).toBe(CLIENTS_PER_INSTANCE);
    const writing = keepWriting(all, 'kill', 50);
    // Kill once every client has had writes acknowledged, so the kill lands mid-stream.
    await waitFor(() => all.every((c) => c.acknowledged().length >= 3), CONVERGE_MS, 'acknowledged writes before the kill');
    await killInstance(victim);
    await waitFor(() => onVictim.every((c) => !c.dialled().includes(`:${victim.port}/`) && c.provider.isSynced), CONVERGE_MS, 'clients to move');
    const afterMove = writing.written();
    await waitFor(() => writing.written() >= afterMove + all.length * 5, CONVERGE_MS, 'writes after the move');
    writing.stop();
    await converged(all, base + writing.written(), CONVERGE_MS);
    expect(await expectAcknowledgedStored(all, id)).toBe(writing.written());
    // Back on its port for the next scenarios.
    instances[0] = await startInstance(cli, { name: 'i0', store: storeUrl, redis: redis.url, token: TOKEN, port: victim.port });
  }, SCENARIO_MS);

  it('a Redis restart while clients write: they converge afterwards and nothing is lost', async () => {
    const { id, all, base } = await incidentWithClients();
    const writing = keepWriting(all, 'redis', 50);
    await waitFor(() => all.every((c) => c.acknowledged().length >= 3), CONVERGE_MS, 'acknowledged writes before the outage');
    await redis.kill();
    await Promise.all(instances.map((i) => i.logged(/redis: lost/)));
    // Writes go on during the outage: each is stored and acknowledged by its own instance.
    const during = all.map((c) => c.acknowledged().length);
    await waitFor(() => all.every((c, i) => c.acknowledged().length >= (during[i] as number) + 3), CONVERGE_MS, 'writes acknowledged while Redis is down');
    await redis.start();
    writing.stop();
    await converged(all, base + writing.written(), CONVERGE_MS);
    expect(await expectAcknowledgedStored(all, id)).toBe(writing.written());
  }, SCENARIO_MS);

  it('a PostgreSQL restart: instances report it, retry, recover, and nothing acknowledged is lost', async () => {
    const { id, all, base } = await incidentWithClients();
    const writing = keepWriting(all, 'pg', 50);
    await waitFor(() => all.every((c) => c.acknowledged().length >= 3), CONVERGE_MS, 'acknowledged writes before the restart');
    await cluster.restart();
    // Every instance's clients write through the restart, so every instance sees a failed append.
    await Promise.all(instances.map((i) => i.logged(/store error: .*retrying/)));
    await Promise.all(instances.map((i) => i.logged(/store writable again/)));
    const after = all.map((c) => c.acknowledged().length);
    await waitFor(() => all.every((c, i) => c.acknowledged().length > (after[i] as number)), CONVERGE_MS, 'writes acknowledged after recovery');
    writing.stop();
    await converged(all, base + writing.written(), CONVERGE_MS);
    expect(await expectAcknowledgedStored(all, id)).toBe(writing.written());
  }, SCENARIO_MS);

  it('a room token revoked through one instance disconnects its holders on every instance within 1 s', async () => {
    const id = newId();
    const owner = teamClient(addresses(), 0, TOKEN, id, 'Priya');
    clients.push(owner);
    createIncident(owner.doc, { author: 'Priya' }, { id, title: 'Revocation', severity: 'SEV2', startedAt: '2026-11-21T23:06:00.000Z', timeZone: 'UTC' });
    await converged([owner], owner.texts().length, CONVERGE_MS);
    const store = await PgStore.open({ url: storeUrl });
    try {
      const token = await store.roomTokens.create({ role: 'responder', incidentId: id, name: 'Sam' });
      const holders = [1, 2].map((start) => teamClient([instances[start]!.url], 0, token.secret, id, 'Sam'));
      clients.push(...holders);
      await waitFor(() => holders.every((h) => h.provider.isSynced), CONVERGE_MS, 'room holders to sync');
      const closedAt: number[] = [];
      for (const h of holders) h.provider.on('close', ({ event }: { event: { code: number } }) => event.code === 4401 && closedAt.push(Date.now()));
      const revokedAt = Date.now();
      expect(await store.roomTokens.revoke(token.id)).toBe(true);
      await waitFor(() => closedAt.length >= holders.length, 10_000, 'every holder to be disconnected');
      const latency = Math.max(...closedAt) - revokedAt;
      process.stdout.write(`revocation across instances: ${latency} ms\n`);
      expect(latency).toBeLessThan(1000);
      // And they stay out: a reconnect with the revoked token is refused at the door.
      for (const h of holders) h.destroy();
    } finally {
      await store.close();
    }
  }, SCENARIO_MS);
});
