// The catalog across incidents: derived from the stored documents, read again only when a document
// moved, the same after a restart, and never served on the shared room's listener.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAction } from '../../../shared/model/actionCommands';
import { readDecision } from '../../../shared/model/decisionRead';
import { decideDecision, proposeDecision, recordOutcome } from '../../../shared/model/decisionCommands';
import { setIncidentLabels } from '../../../shared/model/incidentLabels';
import type { CatalogIncident } from '../../../shared/protocol/catalog';
import { IncidentCatalog } from '../incidentCatalog';
import { IncidentStore } from '../store';
import { roomClient, startSharedHost, upgradeStatus, type SharedHost } from '../sharing/test/roomHelpers';
import { connectSync, REPO_ROOT, RpcClient, TEST_INCIDENT, waitFor, wsBase } from './helpers';

const sampleArchive = () => readFileSync(path.join(REPO_ROOT, 'assets', 'sample-incident.json'), 'utf8');

describe('incident catalog', () => {
  let shared: SharedHost;
  let rpc: RpcClient;
  let importedId: string;

  beforeAll(async () => {
    shared = await startSharedHost();
    rpc = await RpcClient.connect(wsBase(shared.host.url), shared.host.token);
    importedId = (await rpc.value<{ id: string }>('importArchive', { json: sampleArchive() })).id;
  });
  afterAll(async () => {
    rpc.close();
    await shared.host.close();
  });

  const catalog = () => rpc.value<CatalogIncident[]>('listCatalog');

  it('lists incidents declared here and imported ones, with their labels, actions and verdicts', async () => {
    const client = connectSync(wsBase(shared.host.url), shared.host.token, shared.incidentId);
    await client.synced();
    const ctx = { author: 'Priya' };
    setIncidentLabels(client.doc, ctx, 'services', ['primary DB', 'checkout API']);
    setIncidentLabels(client.doc, ctx, 'tags', ['data-loss']);
    createAction(client.doc, ctx, { text: 'Alert on replication lag', owner: 'Tom', priority: 'P1' });
    const decision = proposeDecision(client.doc, ctx, { question: 'Restore from backup?', options: [{ title: 'Yes' }, { title: 'No' }] });
    decideDecision(client.doc, ctx, decision, { chosenOptionId: readDecision(client.doc, decision)?.options[0]?.id ?? null, rationale: 'fastest' });
    recordOutcome(client.doc, ctx, decision, { verdict: 'mixed', why: 'slow, but nothing lost' });
    await client.synced();
    client.destroy();

    const rows = await catalog();
    expect(rows.map((r) => r.id).sort()).toEqual([shared.incidentId, importedId].sort());
    const ours = rows.find((r) => r.id === shared.incidentId);
    expect(ours).toMatchObject({ title: TEST_INCIDENT.title, services: ['primary DB', 'checkout API'], tags: ['data-loss'] });
    expect(ours?.actions).toEqual([expect.objectContaining({ text: 'Alert on replication lag', owner: 'Tom', priority: 'P1', status: 'open' })]);
    const imported = rows.find((r) => r.id === importedId);
    expect(ours?.decisions).toEqual([{ id: decision, question: 'Restore from backup?', status: 'decided', verdict: 'mixed' }]);
    expect(imported?.actions.length).toBeGreaterThan(0);
  });

  it('reads a document again once it changed, and a fresh catalog over the reopened store agrees', async () => {
    const client = connectSync(wsBase(shared.host.url), shared.host.token, importedId);
    await client.synced();
    setIncidentLabels(client.doc, { author: 'Ana' }, 'tags', ['vendor']);
    await client.synced();
    client.destroy();
    const incremental = await catalog();
    expect(incremental.find((r) => r.id === importedId)?.tags).toEqual(['vendor']);

    const store = IncidentStore.open(shared.dataDir);
    try {
      expect(new IncidentCatalog(store).list()).toEqual(incremental);
    } finally {
      store.close();
    }
  });

  it('closes a follow-up of any incident as not doing, with the reason, and reopens it', async () => {
    const before = await catalog();
    const open = before.find((r) => r.id === importedId)?.actions.find((a) => a.status === 'open');
    expect(open).toBeDefined();
    const args = { incidentId: importedId, actionId: open!.id, author: 'Priya' };
    const missing = await rpc.call('setFollowUpStatus', { ...args, status: 'not-doing' });
    expect(!missing.ok && missing.error).toMatchObject({ code: 'invalid', field: 'reason', message: 'Say why this will not be done.' });
    await rpc.value('setFollowUpStatus', { ...args, status: 'not-doing', reason: 'the archive job is being replaced' });
    const closed = (await catalog()).find((r) => r.id === importedId)?.actions.find((a) => a.id === open!.id);
    expect(closed).toMatchObject({ status: 'not-doing', reason: 'the archive job is being replaced' });
    await rpc.value('setFollowUpStatus', { ...args, status: 'open' });
    expect((await catalog()).find((r) => r.id === importedId)?.actions.find((a) => a.id === open!.id)).toMatchObject({ status: 'open', reason: null });
  });

  it('keeps the follow-up deadline policy in the settings, P1 4 and P2 8 weeks unless changed', async () => {
    expect((await rpc.value<{ followUpPolicy: unknown }>('getSettings')).followUpPolicy).toEqual({ P1: 4, P2: 8, P3: null });
    const saved = await rpc.value<{ followUpPolicy: unknown }>('setSettings', { followUpPolicy: { P1: 2, P2: 6, P3: 12 } });
    expect(saved.followUpPolicy).toEqual({ P1: 2, P2: 6, P3: 12 });
    const bad = await rpc.call('setSettings', { followUpPolicy: { P1: 0, P2: 6, P3: null } });
    expect(!bad.ok && bad.error.code).toBe('bad-args');
  });

  it('is never served to a room: /rpc answers 404 to observer and responder tokens, and another incident will not sync', async () => {
    const observer = shared.tokens.create({ role: 'observer', incidentId: shared.incidentId });
    const responder = shared.tokens.create({ role: 'responder', incidentId: shared.incidentId, name: 'Bo' });
    for (const { secret } of [observer, responder]) expect(await upgradeStatus(`${shared.roomWs}/rpc?token=${secret}`)).toBe(404);
    const elsewhere = roomClient(shared.roomWs, observer.secret, importedId);
    await waitFor(() => elsewhere.failures.length > 0 || elsewhere.closes.length > 0, 10_000, 'refusal of another incident');
    expect(elsewhere.provider.isSynced).toBe(false);
    elsewhere.destroy();
  });
});
