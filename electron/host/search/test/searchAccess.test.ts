// Search is the host's own view across every incident: a room token (observer or responder)
// reaches one incident's document through the room listener and never the search. The same query
// answers over the host's loopback /rpc, so the refusal is the listener's, not an empty index.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addEntry } from '../../../../shared/model/commands';
import type { SearchHit } from '../../../../shared/protocol/search';
import { RpcClient, connectSync, upgradeStatus, wsBase } from '../../test/helpers';
import { startSharedHost, type SharedHost } from '../../sharing/test/roomHelpers';

describe('search over the room listener', () => {
  let shared: SharedHost;

  beforeAll(async () => {
    shared = await startSharedHost();
    const client = connectSync(wsBase(shared.host.url), shared.host.token, shared.incidentId);
    await client.synced();
    addEntry(client.doc, { author: 'Priya' }, { text: 'Checkout latency spiked in eu-west' });
    await client.synced();
    client.destroy();
    await shared.host.searchIndex.flush();
  });
  afterAll(() => shared.host.close());

  it('answers a host-token connection on loopback', async () => {
    const rpc = await RpcClient.connect(wsBase(shared.host.url), shared.host.token);
    const { hits } = await rpc.value<{ hits: SearchHit[] }>('search', { query: 'latency' });
    rpc.close();
    expect(hits.map((h) => h.incidentId)).toEqual([shared.incidentId]);
  });

  it.each(['observer', 'responder'] as const)('refuses an %s token: the room listener has no search channel', async (role) => {
    const { secret } = shared.tokens.create({ role, incidentId: shared.incidentId, name: role });
    expect(await upgradeStatus(`${shared.roomWs}/rpc?token=${encodeURIComponent(secret)}`)).toBe(404);
    await expect(RpcClient.connect(shared.roomWs, secret)).rejects.toThrow(/404/);
    // Not over plain HTTP either.
    expect((await fetch(`${shared.host.room!.url}/rpc?token=${encodeURIComponent(secret)}`)).status).toBe(404);
  });
});
