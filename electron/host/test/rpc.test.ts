import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { updateIncident } from '../../../shared/model/commands';
import { MAX_MESSAGE_BYTES } from '../../../shared/protocol/api';
import { startHost, type RunningHost } from '../host';
import { connectSync, REPO_ROOT, RpcClient, tempDir, waitFor, wsBase } from './helpers';

const INCIDENT = { title: 'Checkout down', severity: 'SEV1', startedAt: '2026-11-21T23:06:00.000Z', timeZone: 'America/Denver', author: 'Priya' };
const sampleArchive = () => readFileSync(path.join(REPO_ROOT, 'assets', 'sample-incident.json'), 'utf8');

describe('RPC', () => {
  let host: RunningHost;
  let dir: string;
  let rpc: RpcClient;

  beforeAll(async () => {
    dir = tempDir();
    host = await startHost({ dataDir: dir, staticDir: null, log: () => {} });
    rpc = await RpcClient.connect(wsBase(host.url), host.token);
  });
  afterAll(async () => {
    rpc.close();
    await host.close();
  });

  it('says hello with the data dir and a healthy store', async () => {
    const hello = await rpc.value<{ dataDir: string; store: unknown; local: boolean; version: string; statusTargets: number }>('hello');
    expect(hello.dataDir).toBe(dir);
    // No webhook configured: the Comms confirmation must not claim the update went anywhere.
    expect(hello.statusTargets).toBe(0);
    expect(hello.store).toEqual({ ok: true, dbFile: path.join(dir, 'warroom.db') });
    expect(hello.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('creates, lists and exports incidents, and announces the change', async () => {
    const before = rpc.events.filter((e) => e.name === 'onIncidentsChanged').length;
    const { id } = await rpc.value<{ id: string }>('createIncident', INCIDENT);
    const list = await rpc.value<Array<{ id: string; title: string; status: string; entryCount: number }>>('listIncidents');
    expect(list.find((s) => s.id === id)).toMatchObject({ title: 'Checkout down', status: 'investigating', entryCount: 2 });
    await waitFor(() => rpc.events.filter((e) => e.name === 'onIncidentsChanged').length > before, 2000, 'onIncidentsChanged');

    const md = await rpc.value<{ content: string; fileName: string }>('exportIncident', { id, format: 'md', all: true });
    expect(md.content).toContain('# Checkout down');
    expect(md.fileName).toMatch(/checkout-down.*\.md$/);
    const json = await rpc.value<{ content: string; fileName: string }>('exportIncident', { id, format: 'json' });
    expect(JSON.parse(json.content).incident.id).toBe(id);
    expect(json.fileName).toMatch(/\.json$/);

    const missing = await rpc.call('exportIncident', { id: '01J0000000000000000000000Z', format: 'md' });
    expect(!missing.ok && missing.error.code).toBe('not-found');
    const badZone = await rpc.call('exportIncident', { id, format: 'md', timeZone: 'Mars/Olympus' });
    expect(!badZone.ok && badZone.error).toMatchObject({ code: 'bad-args', field: 'timeZone' });
  });

  it('keeps the index in step with edits made by sync clients', async () => {
    const { id } = await rpc.value<{ id: string }>('createIncident', { ...INCIDENT, title: 'Old title' });
    const client = connectSync(wsBase(host.url), host.token, id);
    await client.synced();
    updateIncident(client.doc, { author: 'Priya' }, { title: 'New title' });
    await client.synced();
    const deadline = Date.now() + 5000;
    let title = '';
    while (title !== 'New title' && Date.now() < deadline) {
      const list = await rpc.value<Array<{ id: string; title: string }>>('listIncidents');
      title = list.find((s) => s.id === id)?.title ?? '';
    }
    expect(title).toBe('New title');
    client.destroy();
  });

  it('imports a good archive as a new incident, twice under different ids, and compacts it', async () => {
    const first = await rpc.value<{ id: string }>('importArchive', { json: sampleArchive() });
    const second = await rpc.value<{ id: string }>('importArchive', { json: sampleArchive() });
    expect(second.id).not.toBe(first.id);
    const ids = (await rpc.value<Array<{ id: string }>>('listIncidents')).map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining([first.id, second.id]));
    const client = connectSync(wsBase(host.url), host.token, second.id);
    await client.synced();
    expect(client.doc.getMap('entries').size).toBe(JSON.parse(sampleArchive()).entries.length);
    client.destroy();
    const compacted = await rpc.value<{ foldedUpdates: number }>('compactIncident', { id: second.id });
    expect(compacted.foldedUpdates).toBeGreaterThanOrEqual(1);
  });

  it('rejects a bad archive naming the field, and adds nothing', async () => {
    const count = (await rpc.value<unknown[]>('listIncidents')).length;
    const archive = JSON.parse(sampleArchive());
    archive.entries[1].occurredAt = 'yesterday-ish';
    const res = await rpc.call('importArchive', { json: JSON.stringify(archive) });
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('invalid-archive');
      expect(res.error.field).toBe('entries.1.occurredAt');
    }
    const garbage = await rpc.call('importArchive', { json: '{not json' });
    expect(!garbage.ok && garbage.error.code).toBe('invalid-archive');
    expect((await rpc.value<unknown[]>('listIncidents')).length).toBe(count);
  });

  it('gets and sets settings persisted to settings.json, and rejects invalid ones', async () => {
    const defaults = await rpc.value<{ theme: string }>('getSettings');
    expect(defaults.theme).toBe('dark');
    const saved = await rpc.value<{ theme: string; displayName: string }>('setSettings', { theme: 'light', displayName: 'Priya' });
    expect(saved).toMatchObject({ theme: 'light', displayName: 'Priya' });
    const onDisk = JSON.parse(readFileSync(path.join(dir, 'settings.json'), 'utf8'));
    expect(onDisk).toMatchObject({ theme: 'light', displayName: 'Priya' });
    const bad = await rpc.call('setSettings', { theme: 'neon' });
    expect(!bad.ok && bad.error).toMatchObject({ code: 'bad-args', field: 'theme' });
    expect((await rpc.value<{ theme: string }>('getSettings')).theme).toBe('light');
  });

  it('answers malformed frames and bad arguments with errors, without crashing', async () => {
    const strays = rpc.strays.length;
    rpc.ws.send('{not json');
    rpc.ws.send(JSON.stringify({ t: 'call', id: 'x' }));
    rpc.ws.send(Buffer.from([1, 2, 3]));
    await waitFor(() => rpc.strays.length >= strays + 3, 2000, 'error replies');
    expect(rpc.strays.slice(strays).every((f) => !f.ok && f.error.code === 'bad-frame')).toBe(true);
    const unknown = await rpc.call('dropTables', {});
    expect(!unknown.ok && unknown.error.code).toBe('unknown-method');
    const proto = await rpc.call('__proto__', {});
    expect(!proto.ok && proto.error.code).toBe('unknown-method');
    const badArgs = await rpc.call('createIncident', { ...INCIDENT, severity: 'SEV9' });
    expect(!badArgs.ok && badArgs.error).toMatchObject({ code: 'bad-args', field: 'severity' });
    expect((await rpc.value<{ version: string }>('hello')).version).toBeTruthy();
  });

  it('closes only the connection that sends more than 1 MiB; others keep working', async () => {
    const big = await RpcClient.connect(wsBase(host.url), host.token);
    const closed = new Promise<number>((resolve) => big.ws.once('close', (code) => resolve(code)));
    big.ws.send('x'.repeat(MAX_MESSAGE_BYTES + 1));
    expect(await closed).toBe(1009);
    const sync = new WebSocket(`${wsBase(host.url)}/sync?token=${host.token}`);
    await new Promise((r) => sync.once('open', r));
    const syncClosed = new Promise<number>((resolve) => sync.once('close', (code) => resolve(code)));
    sync.send(Buffer.alloc(MAX_MESSAGE_BYTES + 1));
    expect(await syncClosed).toBe(1009);
    expect((await rpc.value<unknown[]>('listIncidents')).length).toBeGreaterThan(0);
  });
});
