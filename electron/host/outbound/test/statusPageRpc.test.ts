// The Comms button's call: a real host writes the open incident's status page and feed, as a
// client sees it now, into a chosen folder or one under the data dir, and never over a file it
// did not write.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postStatusUpdate } from '../../../../shared/model/statusCommands';
import { startHost, type RunningHost } from '../../host';
import { connectSync, RpcClient, tempDir, TEST_INCIDENT, wsBase } from '../../test/helpers';

describe('writeStatusPage over RPC', () => {
  let host: RunningHost;
  let dataDir = '';
  let rpc: RpcClient;
  let id = '';

  beforeAll(async () => {
    dataDir = path.join(tempDir('warroom-statuspage-rpc-'), 'data');
    host = await startHost({ dataDir, staticDir: null, log: () => {} });
    rpc = await RpcClient.connect(wsBase(host.url), host.token);
    ({ id } = await rpc.value<{ id: string }>('createIncident', TEST_INCIDENT));
    const client = connectSync(wsBase(host.url), host.token, id);
    await client.synced();
    postStatusUpdate(client.doc, { author: 'Comms lead' }, { audience: 'internal', template: 'investigating', text: 'Internal only: restoring from the DR copy' });
    postStatusUpdate(client.doc, { author: 'Comms lead' }, { audience: 'customers', template: 'identified', text: 'Checkout is slow; we found the cause.' });
    await client.synced();
    client.destroy();
  });
  afterAll(async () => {
    rpc.close();
    await host.close();
  });

  it('writes into a folder under the data dir when none is chosen, with the customer update only', async () => {
    const written = await rpc.value<{ dir: string; files: string[]; updates: number }>('writeStatusPage', { incidentId: id });
    expect(written.dir).toBe(path.join(dataDir, 'status-pages', id));
    expect(written.files).toEqual([path.join(written.dir, 'index.html'), path.join(written.dir, 'feed.atom')]);
    expect(written.updates).toBe(1);
    const html = readFileSync(path.join(written.dir, 'index.html'), 'utf8');
    expect(html).toContain('Checkout is slow; we found the cause.');
    expect(html).not.toContain('Internal only');
    expect(readFileSync(path.join(written.dir, 'feed.atom'), 'utf8')).toContain('<entry>');
  });

  it('writes into the chosen folder, again over its own files, but never over a file it did not write', async () => {
    const chosen = path.join(tempDir('warroom-statuspage-chosen-'), 'site');
    expect((await rpc.value<{ dir: string }>('writeStatusPage', { incidentId: id, dir: chosen })).dir).toBe(chosen);
    expect((await rpc.call('writeStatusPage', { incidentId: id, dir: chosen })).ok).toBe(true);

    const foreign = tempDir('warroom-statuspage-foreign-');
    writeFileSync(path.join(foreign, 'feed.atom'), '<feed>our own feed</feed>');
    const refused = await rpc.call('writeStatusPage', { incidentId: id, dir: foreign });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.message).toBe(`${path.join(foreign, 'feed.atom')} exists and was not written by War Room; it was left untouched.`);
    expect(readFileSync(path.join(foreign, 'feed.atom'), 'utf8')).toBe('<feed>our own feed</feed>');
    expect(existsSync(path.join(foreign, 'index.html'))).toBe(false);
  });

  it('refuses a relative folder and an unknown incident with a reason', async () => {
    const relative = await rpc.call('writeStatusPage', { incidentId: id, dir: 'site' });
    expect(relative.ok ? null : relative.error.message).toMatch(/full path; "site" is relative/);
    const unknown = await rpc.call('writeStatusPage', { incidentId: '01JZZZZZZZZZZZZZZZZZZZZZZZ' });
    expect(unknown.ok ? null : unknown.error.message).toMatch(/no incident with id 01JZZZZZZZZZZZZZZZZZZZZZZZ/);
  });
});
