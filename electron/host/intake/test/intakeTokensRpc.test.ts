// Settings' view of alert intake on a real host: the tokens with their source and routing rule
// (never a secret), and revoking one, after which its requests are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHost } from '../../host';
import { RpcClient, wsBase } from '../../test/helpers';
import { postIntake, startIntakeHost } from './intakeHelpers';

const alert = { title: 'Search slow', severity: 'warning', service: 'search', dedupKey: 'search-latency', status: 'firing', time: '2026-12-06T20:15:00Z' };

describe('intake tokens over RPC', () => {
  let host: RunningHost;
  let rpc: RpcClient;

  beforeAll(async () => {
    ({ host } = await startIntakeHost());
    rpc = await RpcClient.connect(wsBase(host.url), host.token);
  });
  afterAll(async () => {
    rpc.close();
    await host.close();
  });

  it('lists each token with its source and rule, without its secret, and revokes one', async () => {
    const tokens = host.intakeTokens;
    if (!tokens) throw new Error('no intake tokens');
    const am = tokens.create('alertmanager', { route: 'new' });
    const generic = tokens.create('generic', { route: 'append', service: 'search' });

    const listed = await rpc.value<Array<Record<string, unknown>>>('listIntakeTokens');
    expect(listed).toEqual([
      expect.objectContaining({ id: am.id, source: 'alertmanager', route: 'new', service: null, titleTemplate: '{{alertname}} on {{service}}', revokedAt: null }),
      expect.objectContaining({ id: generic.id, source: 'generic', route: 'append', service: 'search', revokedAt: null }),
    ]);
    expect(JSON.stringify(listed)).not.toContain(generic.secret);

    expect((await postIntake(host.url, 'generic', generic.secret, alert)).status).toBe(200);
    expect(await rpc.value('revokeIntakeToken', { id: generic.id })).toEqual({ revoked: true });
    expect(await rpc.value('revokeIntakeToken', { id: generic.id })).toEqual({ revoked: false });
    expect((await postIntake(host.url, 'generic', generic.secret, alert)).status).toBe(401);
    const after = await rpc.value<Array<{ id: string; revokedAt: string | null }>>('listIntakeTokens');
    expect(after.find((t) => t.id === generic.id)?.revokedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(after.find((t) => t.id === am.id)?.revokedAt).toBeNull();
  });
});
