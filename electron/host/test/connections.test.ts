import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metaMap } from '../../../shared/model/doc';
import { TOKEN_CHECK_HEADER, TOKEN_CHECK_PATH } from '../../../shared/protocol/api';
import { startHost, type RunningHost } from '../host';
import { connectSync, RpcClient, tempDir, TEST_INCIDENT, upgradeStatus, waitFor, wsBase } from './helpers';

function get(port: number, rawPath: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: rawPath, headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('host connections', () => {
  let host: RunningHost;
  let base: string;

  beforeAll(async () => {
    const dir = tempDir();
    const staticDir = path.join(dir, 'static');
    mkdirSync(staticDir);
    writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>War Room</title>');
    writeFileSync(path.join(staticDir, 'app.js'), 'console.log(1)');
    writeFileSync(path.join(dir, 'secret.txt'), 'not for the web');
    host = await startHost({ dataDir: path.join(dir, 'data'), staticDir, log: () => {} });
    base = wsBase(host.url);
  });
  afterAll(() => host.close());

  it('refuses upgrades without the token, with a wrong token, or from a foreign origin', async () => {
    expect(await upgradeStatus(`${base}/rpc`)).toBe(401);
    expect(await upgradeStatus(`${base}/sync`)).toBe(401);
    expect(await upgradeStatus(`${base}/rpc?token=${host.token.slice(1)}x`)).toBe(401);
    expect(await upgradeStatus(`${base}/rpc?token=short`)).toBe(401);
    expect(await upgradeStatus(`${base}/rpc?token=${host.token}`, { headers: { Origin: 'http://evil.example' } })).toBe(403);
    expect(await upgradeStatus(`${base}/rpc?token=${host.token}`, { headers: { Origin: 'http://127.0.0.1:1' } })).toBe(403);
    expect(await upgradeStatus(`${base}/other?token=${host.token}`)).toBe(404);
  });

  it('admits the token from the host origin, from localhost, and from Node without an Origin', async () => {
    expect(await upgradeStatus(`${base}/rpc?token=${host.token}`, { headers: { Origin: host.url } })).toBe(101);
    expect(await upgradeStatus(`${base}/rpc?token=${host.token}`, { headers: { Origin: `http://localhost:${host.port}` } })).toBe(101);
    expect(await upgradeStatus(`${base}/sync?token=${host.token}`)).toBe(101);
  });

  it('syncs an incident to a provider that carries the token, and refuses one whose provider token is wrong', async () => {
    const rpc = await RpcClient.connect(base, host.token);
    const { id } = await rpc.value<{ id: string }>('createIncident', TEST_INCIDENT);
    const good = connectSync(base, host.token, id);
    await good.synced();
    expect(metaMap(good.doc).get('title')).toBe('Primary database lost');

    // Right token on the socket, wrong one in the provider's auth message.
    const bad = connectSync(base, host.token, id, undefined, 'x'.repeat(host.token.length));
    await waitFor(() => bad.failures.length > 0, 5000, 'permission denied');
    expect(bad.provider.isSynced).toBe(false);
    expect(bad.failures[0]).toBe('bad-token');
    expect(metaMap(bad.doc).get('title')).toBeUndefined();
    // Wrong token on the socket: the upgrade itself is refused, so nothing ever syncs.
    const refused = connectSync(base, 'y'.repeat(host.token.length), id);
    await new Promise((r) => setTimeout(r, 300));
    expect(refused.provider.isSynced).toBe(false);
    expect(metaMap(refused.doc).size).toBe(0);
    refused.destroy();
    good.destroy();
    bad.destroy();
    rpc.close();
  });

  it('tells a page whether the token it holds is still the host token, so a stale link can say so', async () => {
    expect((await get(host.port, TOKEN_CHECK_PATH, { [TOKEN_CHECK_HEADER]: host.token })).status).toBe(204);
    expect((await get(host.port, TOKEN_CHECK_PATH, { [TOKEN_CHECK_HEADER]: `${host.token.slice(1)}x` })).status).toBe(401);
    expect((await get(host.port, TOKEN_CHECK_PATH)).status).toBe(401);
    expect((await get(host.port, TOKEN_CHECK_PATH, { [TOKEN_CHECK_HEADER]: host.token })).headers['cache-control']).toBe('no-store');
  });

  it('refuses documents that are not incident.<ULID>', async () => {
    const client = connectSync(base, host.token, '../settings');
    await waitFor(() => client.failures.length > 0, 5000, 'permission denied');
    expect(client.failures[0]).toBe('unknown-document');
    client.destroy();
  });

  it('serves the renderer with security headers, /healthz, and nothing outside the static dir', async () => {
    const health = await get(host.port, '/healthz');
    expect([health.status, health.body]).toEqual([200, 'ok']);
    const index = await get(host.port, '/');
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toMatch(/^text\/html/);
    expect(index.headers['content-security-policy']).toContain(`connect-src 'self' ws://127.0.0.1:${host.port}`);
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect(index.headers['referrer-policy']).toBe('no-referrer');
    const js = await get(host.port, '/app.js');
    expect(js.headers['content-type']).toMatch(/^text\/javascript/);
    expect((await get(host.port, '/incident/01ABC')).body).toContain('War Room');
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%2fsecret.txt']) {
      const res = await get(host.port, p);
      expect(res.body).not.toContain('not for the web');
    }
  });
});
