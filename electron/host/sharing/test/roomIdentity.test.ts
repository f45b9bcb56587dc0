// A room connection writes only as the identity its token grants: the token's name, or for an
// unnamed token the name its stamped presence carries. Real host, real room sockets, real SQLite;
// what is stored is read back from the database file by a separate connection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { setActionDone, createAction } from '../../../../shared/model/actionCommands';
import { confirmItem, createChecklist, readChecklists, setItemState } from '../../../../shared/model/checklists';
import { addEntry, editEntry, retractEntry } from '../../../../shared/model/commands';
import { decideDecision, proposeDecision } from '../../../../shared/model/decisionCommands';
import { readDecision } from '../../../../shared/model/decisions';
import { entriesMap, readEntries } from '../../../../shared/model/doc';
import { incidentDocName } from '../../../../shared/protocol/api';
import { ROOM_CLOSE } from '../../../../shared/protocol/room';
import { connectSync, entryTextsOnDisk, waitFor, wsBase } from '../../test/helpers';
import { frames, rawRoomSocket, roomClient, startSharedHost, type RoomClient, type SharedHost } from './roomHelpers';

const RUNBOOK = {
  title: 'Fail over the primary',
  sections: [{ heading: 'Before', items: [{ text: 'Sever the replication link', needsConfirm: true, ownerRole: null }] }],
};

describe('identity enforced by the host', () => {
  let shared: SharedHost;
  let docName: string;
  const clients: RoomClient[] = [];

  beforeAll(async () => {
    shared = await startSharedHost();
    docName = incidentDocName(shared.incidentId);
  });
  afterAll(async () => {
    clients.forEach((c) => c.destroy());
    await shared.host.close();
  });

  const onDisk = () => entryTextsOnDisk(`${shared.dataDir}/warroom.db`, docName);
  async function join(name?: string): Promise<RoomClient> {
    const { secret } = shared.tokens.create({ role: 'responder', incidentId: shared.incidentId, ...(name ? { name } : {}) });
    const client = roomClient(shared.roomWs, secret, shared.incidentId);
    clients.push(client);
    await client.synced();
    return client;
  }
  /** How the host closed `client`; the client is then destroyed before its provider retries. */
  async function closedFor(client: RoomClient): Promise<{ code: number; reason: string } | undefined> {
    await waitFor(() => client.closes.length > 0, 10_000, 'the forger closed');
    clients.splice(clients.indexOf(client), 1);
    client.destroy();
    return client.closes[0];
  }

  it('stores what a named token writes under its own name, and refuses an entry written as someone else', async () => {
    const priya = await join('Priya R');
    addEntry(priya.doc, { author: 'Priya R' }, { text: 'failover started' });
    await priya.synced();
    expect(onDisk()).toContain('failover started');

    addEntry(priya.doc, { author: 'Mallory' }, { text: 'said by someone else' });
    expect(await closedFor(priya)).toEqual(ROOM_CLOSE.forgedAuthor);
    const watcher = await join('Watcher');
    expect(readEntries(watcher.doc).map((e) => e.text)).not.toContain('said by someone else');
    expect(onDisk()).not.toContain('said by someone else');
  });

  it('lets anyone edit or retract an entry, recorded under the editor; an edit or retraction in another name is refused', async () => {
    const ana = await join('Ana');
    const id = addEntry(ana.doc, { author: 'Ana' }, { text: 'restore from the snapshot' });
    await ana.synced();
    const bo = await join('Bo');
    await waitFor(() => entriesMap(bo.doc).has(id), 10_000, 'Bo sees the entry');
    editEntry(bo.doc, { author: 'Bo' }, id, { text: 'restore from the 02:00 snapshot' });
    retractEntry(bo.doc, { author: 'Bo' }, id, 'superseded by the binlog plan');
    await bo.synced();
    const fresh = await join('Reader');
    const entry = readEntries(fresh.doc).find((e) => e.id === id);
    expect(entry?.author).toBe('Ana');
    expect(entry?.history.map((h) => h.by)).toEqual(['Bo']);
    expect(entry?.retraction?.by).toBe('Bo');

    const second = addEntry(bo.doc, { author: 'Bo' }, { text: 'to be retracted as Ana' });
    await bo.synced();
    retractEntry(bo.doc, { author: 'Ana' }, second, 'not really Ana');
    expect(await closedFor(bo)).toEqual(ROOM_CLOSE.forgedAuthor);
    const after = await join('Reader 2');
    expect(readEntries(after.doc).find((e) => e.id === second)?.retraction).toBeNull();
  });

  it('refuses decisions, actions and checklist ticks or confirmations made in another name', async () => {
    const cy = await join('Cy');
    const checklistId = createChecklist(cy.doc, { author: 'Cy' }, RUNBOOK);
    const decisionId = proposeDecision(cy.doc, { author: 'Cy' }, { question: 'Restore from snapshot?', options: [{ title: 'Yes' }, { title: 'No' }] });
    const actionId = createAction(cy.doc, { author: 'Cy' }, { text: 'Write the postmortem' });
    await cy.synced();
    const itemId = readChecklists(cy.doc)[0]?.items[0]?.id as string;
    setItemState(cy.doc, { author: 'Cy' }, checklistId, itemId, 'done');
    await cy.synced();

    const forgeries: Array<[string, (doc: Y.Doc) => void]> = [
      ['a decision decided as Dana', (doc) => decideDecision(doc, { author: 'Dana' }, decisionId, { chosenOptionId: readOptionId(doc, decisionId) })],
      ['an action proposed as Dana', (doc) => createAction(doc, { author: 'Dana' }, { text: 'Dana will do it' })],
      ['an action ticked done as Dana', (doc) => setActionDone(doc, { author: 'Dana' }, actionId, true)],
      ['a second-person confirmation as Dana', (doc) => confirmItem(doc, { author: 'Dana' }, checklistId, itemId)],
    ];
    for (const [what, forge] of forgeries) {
      const forger = await join('Eve');
      forge(forger.doc);
      expect(await closedFor(forger), what).toEqual(ROOM_CLOSE.forgedAuthor);
    }
    const reader = await join('Reader 3');
    const item = readChecklists(reader.doc)[0]?.items[0];
    expect(item?.state).toBe('done');
    expect(item?.confirmedBy).toBeNull();
    expect(item?.history.map((h) => h.by)).toEqual(['Cy']);
    expect(readEntries(reader.doc).map((e) => e.author)).not.toContain('Dana');
  });

  it('takes an unnamed token’s stamped presence name as its identity, and refuses records before it has one', async () => {
    const { secret } = shared.tokens.create({ role: 'responder', incidentId: shared.incidentId });
    const sam = roomClient(shared.roomWs, secret, shared.incidentId);
    clients.push(sam);
    await sam.synced();
    sam.provider.awareness?.setLocalStateField('user', { name: 'Sam', roomRole: 'responder' });
    await waitFor(() => shared.host.room?.connections().some((c) => c.presenceName === 'Sam') ?? false, 10_000, 'Sam’s presence');
    addEntry(sam.doc, { author: 'Sam' }, { text: 'Sam checks the standby' });
    await sam.synced();
    expect(onDisk()).toContain('Sam checks the standby');
    addEntry(sam.doc, { author: 'Priya' }, { text: 'Sam posing as Priya' });
    expect(await closedFor(sam)).toEqual(ROOM_CLOSE.forgedAuthor);

    // No presence yet: no name to write under.
    const nameless = await rawRoomSocket(shared.roomWs, shared.tokens.create({ role: 'responder', incidentId: shared.incidentId }).secret, shared.incidentId);
    const closed = new Promise<string>((resolve) => nameless.once('close', (_code, reason) => resolve(reason.toString())));
    nameless.send(frames.update(docName, entryUpdate('Anyone', 'written before a name')));
    expect(await closed).toBe(ROOM_CLOSE.forgedAuthor.reason);
    expect(onDisk()).not.toContain('Sam posing as Priya');
    expect(onDisk()).not.toContain('written before a name');
  });

  it('refuses the deletion of a record', async () => {
    const del = await join('Del');
    const id = addEntry(del.doc, { author: 'Del' }, { text: 'an entry nobody may delete' });
    await del.synced();
    entriesMap(del.doc).delete(id);
    expect(await closedFor(del)).toEqual(ROOM_CLOSE.forgedAuthor);
    expect(onDisk()).toContain('an entry nobody may delete');
  });

  it('trusts the host owner’s own loopback client (host token) to write under any name', async () => {
    const owner = connectSync(wsBase(shared.host.url), shared.host.token, shared.incidentId);
    await owner.synced();
    addEntry(owner.doc, { author: 'Logged for the bridge call' }, { text: 'owner writes for the bridge' });
    await owner.synced();
    expect(onDisk()).toContain('owner writes for the bridge');
    owner.destroy();
  });
});

/** The first option's id of a decision, as the forger's replica reads it. */
function readOptionId(doc: Y.Doc, decisionId: string): string {
  return readDecision(doc, decisionId)?.options[0]?.id as string;
}

/** A Yjs update that adds one entry record, made on a blank document (a new map key needs no context). */
function entryUpdate(author: string, text: string): Uint8Array {
  const doc = new Y.Doc();
  let update: Uint8Array = new Uint8Array();
  doc.on('update', (u: Uint8Array) => (update = u));
  const at = new Date().toISOString();
  entriesMap(doc).set('01JZZZZZZZZZZZZZZZZZZZZZZZ', JSON.stringify([1, at, at, author, 'note', text, '', false]));
  return update;
}
