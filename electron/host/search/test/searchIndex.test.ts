// The full-text index kept in step by a real host: edits through a real sync client land in the
// index; a retracted entry stays findable and says so; `reindex` from the documents gives the
// same rows as the incremental index; an incident written to the store while no host ran is read
// on the next start.
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addEntry, createIncident, editEntry, retractEntry, setPostmortemSection, updateIncident } from '../../../../shared/model/commands';
import { decideDecision, proposeDecision, recordOutcome } from '../../../../shared/model/decisionCommands';
import { createAction } from '../../../../shared/model/actionCommands';
import { addChecklistItem, createChecklist, setItemState } from '../../../../shared/model/checklists';
import { readDecisions } from '../../../../shared/model/decisionRead';
import { newId } from '../../../../shared/model/ids';
import { incidentDocName } from '../../../../shared/protocol/api';
import type { SearchHit } from '../../../../shared/protocol/search';
import { startHost, type RunningHost } from '../../host';
import { IncidentStore } from '../../store';
import { connectSync, RpcClient, tempDir, wsBase, type SyncClient } from '../../test/helpers';
import { INDEX_SLICE_ROWS, rebuildSearchIndex, SearchIndex } from '../searchIndex';
import { allRows } from '../searchRows';

const ctx = { author: 'Priya' };
const INCIDENT = { title: 'Primary database failover', severity: 'SEV1', startedAt: '2026-11-21T23:06:00.000Z', timeZone: 'UTC', author: 'Priya' };

let host: RunningHost | null = null;
let rpc: RpcClient | null = null;
const clients: SyncClient[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  rpc?.close();
  rpc = null;
  await host?.close();
  host = null;
});

async function open(dir: string): Promise<{ host: RunningHost; rpc: RpcClient }> {
  host = await startHost({ dataDir: dir, staticDir: null, log: () => {} });
  rpc = await RpcClient.connect(wsBase(host.url), host.token);
  return { host, rpc };
}

async function client(h: RunningHost, id: string): Promise<SyncClient> {
  const c = connectSync(wsBase(h.url), h.token, id);
  clients.push(c);
  await c.synced();
  return c;
}

function words(hit: SearchHit): string {
  return hit.snippet.map((s) => (s.hit ? `[${s.text}]` : s.text)).join('');
}

describe('full-text search index', () => {
  it('follows edits, retractions, decisions, actions, checklists and the postmortem as they are saved', async () => {
    const { host: h, rpc: r } = await open(tempDir('warroom-search-'));
    const { id } = await r.value<{ id: string }>('createIncident', INCIDENT);
    const c = await client(h, id);
    const doc = c.doc;
    updateIncident(doc, ctx, { summary: 'Writes failed after the replica promotion stalled' });
    const lag = addEntry(doc, ctx, { text: 'Replica lag climbing past 40 minutes', key: true });
    const drop = addEntry(doc, ctx, { text: 'Someone ran DROP TABLE on the standby' });
    const decisionId = proposeDecision(doc, ctx, { question: 'Restore from the turtle or the hare?', options: [{ title: 'Slow restore from tape' }, { title: 'Fast cloud snapshot' }] });
    const chosen = readDecisions(doc).find((d) => d.id === decisionId)?.options[1]?.id ?? null;
    decideDecision(doc, ctx, decisionId, { chosenOptionId: chosen, rationale: 'Binary logs replay faster in the cloud' });
    recordOutcome(doc, ctx, decisionId, { verdict: 'wrong', why: 'Snapshot was corrupted by the rsync' });
    createAction(doc, ctx, { text: 'Sever the replication link before cleanup', owner: 'Sam', entryIds: [lag] });
    const checklistId = createChecklist(doc, ctx, { title: 'Failover runbook' });
    const itemId = addChecklistItem(doc, ctx, checklistId, { text: 'Check the new cluster' });
    setItemState(doc, ctx, checklistId, itemId, 'blocked', 'Monitoring dashboard unreachable');
    setPostmortemSection(doc, ctx, 'wentWrong', 'Cleanup ran before verification');
    await c.synced();
    await h.searchIndex.flush();

    const search = async (query: string) => (await r.value<{ hits: SearchHit[] }>('search', { query })).hits;
    expect((await search('promotion')).map((x) => x.kind)).toEqual(['summary']);
    const lagHit = (await search('replica lag'))[0];
    expect(lagHit).toMatchObject({ incidentId: id, incidentTitle: INCIDENT.title, kind: 'entry', entryId: lag, retracted: false });
    expect(words(lagHit as SearchHit)).toContain('[Replica] [lag]');
    const decisionHit = (await search('turtle')).find((x) => x.kind === 'decision');
    expect(decisionHit?.recordId).toBe(decisionId);
    expect(decisionHit?.entryId).toBeTruthy();
    expect((await search('binary logs')).map((x) => x.kind)).toContain('decision');
    expect((await search('corrupted')).map((x) => x.kind)).toContain('decision');
    expect((await search('cloud snapshot')).map((x) => x.kind)).toContain('decision');
    expect((await search('sever replication'))[0]).toMatchObject({ kind: 'action', entryId: lag });
    expect((await search('dashboard unreachable'))[0]).toMatchObject({ kind: 'checklist', recordId: `${checklistId}/${itemId}` });
    expect((await search('verification'))[0]).toMatchObject({ kind: 'postmortem', recordId: 'wentWrong' });
    // Typing: the last word matches as a prefix.
    expect((await search('replic')).length).toBeGreaterThan(0);

    // An edit replaces the indexed text; a retraction keeps the entry findable, marked.
    editEntry(doc, ctx, lag, { text: 'Replication delay past 40 minutes' });
    retractEntry(doc, ctx, drop, 'Wrong incident');
    await c.synced();
    await h.searchIndex.flush();
    expect((await search('climbing')).filter((x) => x.kind === 'entry')).toEqual([]);
    expect((await search('delay'))[0]).toMatchObject({ kind: 'entry', entryId: lag });
    expect(await search('drop table')).toEqual([expect.objectContaining({ kind: 'entry', entryId: drop, retracted: true })]);
  });

  it('a rebuild from the documents equals the incremental index', async () => {
    const dir = tempDir('warroom-search-');
    const { host: h, rpc: r } = await open(dir);
    const ids: string[] = [];
    for (const title of ['Cache stampede after deploy', 'Disk full on the log volume']) {
      const { id } = await r.value<{ id: string }>('createIncident', { ...INCIDENT, title });
      ids.push(id);
      const c = await client(h, id);
      const keep = addEntry(c.doc, ctx, { text: `${title}: first page`, key: true });
      const gone = addEntry(c.doc, ctx, { text: 'Paged the wrong team' });
      editEntry(c.doc, ctx, keep, { text: `${title}: paged the on-call`, key: false });
      editEntry(c.doc, ctx, keep, { key: true });
      retractEntry(c.doc, ctx, gone, 'Duplicate');
      const decisionId = proposeDecision(c.doc, ctx, { question: 'Roll back?', options: [{ title: 'Roll back' }] });
      decideDecision(c.doc, ctx, decisionId, { chosenOptionId: readDecisions(c.doc).find((d) => d.id === decisionId)?.options[0]?.id ?? null, rationale: 'Known good' });
      recordOutcome(c.doc, ctx, decisionId, { verdict: 'mixed', why: 'Rollback took an hour' });
      createAction(c.doc, ctx, { text: 'Alert on disk at 80%' });
      setPostmortemSection(c.doc, ctx, 'rootCause', 'No headroom');
      updateIncident(c.doc, ctx, { summary: `${title} summary`, title: `${title} (retitled)` });
      await c.synced();
    }
    await h.searchIndex.flush();
    await h.close();
    host = null;
    rpc = null;

    const store = IncidentStore.open(dir);
    try {
      const index = SearchIndex.forStore(store);
      const incremental = index.dump();
      expect(incremental.rows.length).toBeGreaterThan(10);
      expect(incremental.profiles).toHaveLength(2);
      expect(index.staleDocs()).toEqual([]);
      expect(rebuildSearchIndex(store, index)).toBe(2);
      expect(index.dump()).toEqual(incremental);
      index.close();
    } finally {
      store.close();
    }
  });

  it('reads on start an incident written to the store while no host indexed it', async () => {
    const dir = tempDir('warroom-search-');
    const store = IncidentStore.open(dir);
    const doc = new Y.Doc();
    const id = newId();
    doc.on('update', (u: Uint8Array) => store.append(incidentDocName(id), u));
    createIncident(doc, ctx, { id, title: 'Certificate expired on the edge', severity: 'SEV2', startedAt: '2026-11-21T23:06:00.000Z', timeZone: 'UTC' });
    addEntry(doc, ctx, { text: 'Browsers reject the wildcard certificate' });
    store.close();

    const { host: h, rpc: r } = await open(dir);
    expect(await h.searchIndex.caughtUp).toBe(1);
    const { hits } = await r.value<{ hits: SearchHit[] }>('search', { query: 'wildcard' });
    expect(hits.map((x) => [x.incidentId, x.kind])).toEqual([[id, 'entry']]);
  });

  it('reads a large incident in slices, serving meanwhile, to the same rows as a rebuild', async () => {
    const dir = tempDir('warroom-search-');
    const store = IncidentStore.open(dir);
    const doc = new Y.Doc();
    const id = newId();
    doc.on('update', (u: Uint8Array) => store.append(incidentDocName(id), u));
    createIncident(doc, ctx, { id, title: 'Restore from the slow tape', severity: 'SEV1', startedAt: '2026-11-21T23:06:00.000Z', timeZone: 'UTC' });
    const entries = INDEX_SLICE_ROWS + INDEX_SLICE_ROWS / 4;
    doc.transact(() => {
      for (let i = 0; i < entries; i += 1) addEntry(doc, ctx, { text: `restore progress ${i} percent` });
    });
    store.close();

    const { host: h, rpc: r } = await open(dir);
    expect(await h.searchIndex.caughtUp).toBe(1);
    const { hits } = await r.value<{ hits: SearchHit[] }>('search', { query: `progress ${entries - 1}` });
    expect(hits.map((x) => x.kind)).toEqual(['entry']);
    await h.close();
    host = null;
    rpc?.close();
    rpc = null;

    const reopened = IncidentStore.open(dir);
    try {
      const index = SearchIndex.forStore(reopened);
      const gradual = index.dump();
      expect(gradual.rows.length).toBeGreaterThan(entries);
      expect(index.staleDocs()).toEqual([]);
      rebuildSearchIndex(reopened, index);
      expect(index.dump()).toEqual(gradual);

      // Again in slices: other work runs between them, and the incident says it is busy meanwhile.
      const rows = allRows(reopened.loadDoc(incidentDocName(id)) as Y.Doc);
      const run = index.replaceIncidentGradually(id, rows, index.storedUpto(incidentDocName(id)));
      let servedWhileBusy = false;
      setImmediate(() => (servedWhileBusy = index.busy(id)));
      await run;
      expect(servedWhileBusy).toBe(true);
      expect(index.busy(id)).toBe(false);
      expect(index.dump()).toEqual(gradual);
      index.close();
    } finally {
      reopened.close();
    }
  });

  it('similar incidents rank by title, summary and key events, never the incident itself', async () => {
    const { host: h, rpc: r } = await open(tempDir('warroom-search-'));
    const make = async (title: string, summary: string, keyEvent: string) => {
      const { id } = await r.value<{ id: string }>('createIncident', { ...INCIDENT, title });
      const c = await client(h, id);
      updateIncident(c.doc, ctx, { summary });
      addEntry(c.doc, ctx, { text: keyEvent, key: true });
      addEntry(c.doc, ctx, { text: 'Unrelated chatter about lunch orders', key: false });
      await c.synced();
      return id;
    };
    const now = await make('Replica lag on orders database', 'Replication stalled', 'Promoted the standby replica');
    const close = await make('Orders database replica fell behind', 'Replication lag after vacuum', 'Standby promoted by hand');
    const far = await make('Login page slow', 'CDN misconfiguration', 'Purged the CDN cache');
    const lunch = await make('Payment webhooks dropped', 'Queue overflow', 'Retried the webhooks by hand');
    await h.searchIndex.flush();
    const similar = await r.value<Array<{ incidentId: string }>>('similarIncidents', { incidentId: now });
    const order = similar.map((s) => s.incidentId);
    expect(order[0]).toBe(close);
    expect(order).not.toContain(now);
    expect(order).not.toContain(far);
    // Only key events count: the lunch chatter in every incident matches nothing.
    expect(order).not.toContain(lunch);
  });
});
