import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addEntry } from '../../../shared/model/commands';
import { firstScreenEntries, firstScreenOf, type FirstScreen } from '../../../shared/model/firstScreen';
import { incidentDocName } from '../../../shared/protocol/api';
import { startHost, type RunningHost } from '../host';
import { IncidentStore } from '../store';
import { connectSync, entryTextsOnDisk, REPO_ROOT, RpcClient, tempDir, waitFor, wsBase } from './helpers';

const sampleArchive = () => readFileSync(path.join(REPO_ROOT, 'assets', 'sample-incident.json'), 'utf8');

describe('first screen over RPC', () => {
  const open: Array<{ close(): unknown }> = [];
  afterEach(async () => {
    for (const thing of open.splice(0).reverse()) await thing.close();
  });

  async function hostOn(dir: string): Promise<{ host: RunningHost; rpc: RpcClient }> {
    const host = await startHost({ dataDir: dir, staticDir: null, log: () => {} });
    open.push(host);
    const rpc = await RpcClient.connect(wsBase(host.url), host.token);
    open.push(rpc);
    return { host, rpc };
  }

  it('answers from the store for an incident nobody has open, and from the live document once someone has', async () => {
    const dir = tempDir();
    const { host, rpc } = await hostOn(dir);
    const { id } = await rpc.value<{ id: string }>('importArchive', { json: sampleArchive() });
    const stored = await rpc.value<FirstScreen>('firstScreen', { id });

    const client = connectSync(wsBase(host.url), host.token, id);
    await client.synced();
    expect(stored).toEqual(JSON.parse(JSON.stringify(firstScreenOf(client.doc))));

    const added = addEntry(client.doc, { author: 'Priya', now: () => '2030-01-01T00:00:00.000Z' }, { occurredAt: '2030-01-01T00:00:00.000Z', text: 'turtle restore finished' });
    // The update reaches the host's document over the socket; ask until it has.
    let live = await rpc.value<FirstScreen>('firstScreen', { id });
    const deadline = Date.now() + 10_000;
    while (live.entries.at(-1)?.id !== added && Date.now() < deadline) live = await rpc.value<FirstScreen>('firstScreen', { id });
    expect(firstScreenEntries(live).at(-1)?.text).toBe('turtle restore finished');
    expect(live.entryCount).toBe(stored.entryCount + 1);
    client.destroy();
  });

  it('keeps the newest rows across a restart: the document leaving memory stores its first screen', async () => {
    const dir = tempDir();
    const first = await hostOn(dir);
    const { id } = await first.rpc.value<{ id: string }>('importArchive', { json: sampleArchive() });
    const client = connectSync(wsBase(first.host.url), first.host.token, id);
    await client.synced();
    const added = addEntry(client.doc, { author: 'Priya', now: () => '2030-01-01T00:00:00.000Z' }, { occurredAt: '2030-01-01T00:00:00.000Z', text: 'standby rebuilt' });
    await waitFor(() => entryTextsOnDisk(path.join(dir, 'warroom.db'), incidentDocName(id)).includes('standby rebuilt'), 10_000, 'the entry on disk');
    client.destroy();
    for (const thing of open.splice(0).reverse()) await thing.close();

    const second = await hostOn(dir);
    const screen = await second.rpc.value<FirstScreen>('firstScreen', { id });
    expect(screen.entries.at(-1)?.id).toBe(added);
  });

  it('has none for an incident it does not know', async () => {
    const { rpc } = await hostOn(tempDir());
    expect(await rpc.value<FirstScreen | null>('firstScreen', { id: '01KBZZZZZZZZZZZZZZZZZZZZZZ' })).toBeNull();
  });
});

describe('stored first screen', () => {
  it('goes stale, and is not served, once an update is stored after it', () => {
    const store = IncidentStore.open(tempDir());
    try {
      const docName = incidentDocName('01KBZZZZZZZZZZZZZZZZZZZZZZ');
      const doc = new Y.Doc();
      doc.getMap('meta').set('id', '01KBZZZZZZZZZZZZZZZZZZZZZZ');
      store.append(docName, Y.encodeStateAsUpdate(doc));
      store.saveFirstScreen(docName, JSON.stringify(firstScreenOf(doc)));
      expect(store.firstScreen(docName)).toBeDefined();
      const before = Y.encodeStateVector(doc);
      doc.getMap('meta').set('title', 'written by a tool that bypassed the loaded document');
      store.append(docName, Y.encodeStateAsUpdate(doc, before));
      expect(store.firstScreen(docName)).toBeUndefined();
    } finally {
      store.close();
    }
  });
});
