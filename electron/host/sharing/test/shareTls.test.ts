// Sharing over TLS started from the panel: the host reads the PEM files the user named, links pin
// the certificate's fingerprint, and a key that belongs to another certificate is named as such.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MethodResult } from '../../../../shared/protocol/api';
import { parseJoinLink } from '../../../../shared/protocol/room';
import { startHost } from '../../host';
import { RpcClient, tempDir, TEST_INCIDENT, wsBase } from '../../test/helpers';
import { roomClient } from './roomHelpers';

const hasOpenssl = spawnSync('openssl', ['version']).status === 0;

function selfSignedFiles(dir: string, tag: string): { cert: string; key: string } {
  const [cert, key] = [path.join(dir, `${tag}-cert.pem`), path.join(dir, `${tag}-key.pem`)];
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=war-room-test', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert], { stdio: 'ignore' });
  return { cert, key };
}

describe.skipIf(!hasOpenssl)('sharing over TLS from PEM files (needs openssl)', () => {
  it('serves https with the named files, pins them in links, and names a mismatched key', async () => {
    const dir = tempDir('warroom-share-tls-');
    const a = selfSignedFiles(dir, 'a');
    const b = selfSignedFiles(dir, 'b');
    const host = await startHost({ dataDir: path.join(dir, 'data'), staticDir: null, log: () => {} });
    const rpc = await RpcClient.connect(wsBase(host.url), host.token);
    try {
      const { id: incidentId } = await rpc.value<{ id: string }>('createIncident', TEST_INCIDENT);
      const mismatch = await rpc.call('startSharing', { hostname: '127.0.0.1', port: 0, tlsCertPath: a.cert, tlsKeyPath: b.key });
      expect(mismatch.ok).toBe(false);
      if (!mismatch.ok) expect(mismatch.error).toMatchObject({ code: 'bad-args', field: 'tlsKeyPath', message: expect.stringContaining(b.key) });

      const on = await rpc.value<MethodResult<'startSharing'>>('startSharing', { hostname: '127.0.0.1', port: 0, tlsCertPath: a.cert, tlsKeyPath: a.key });
      expect(on.url).toBe(`https://127.0.0.1:${on.port}`);
      expect(on.fingerprint).toMatch(/^[0-9a-f]{64}$/);
      const created = await rpc.value<MethodResult<'createRoomToken'>>('createRoomToken', { incidentId, role: 'observer' });
      expect(parseJoinLink(created.joinLink)?.tls).toBe(on.fingerprint);
      expect(created.browserUrl.startsWith(`https://127.0.0.1:${on.port}/#`)).toBe(true);

      const client = roomClient(wsBase(on.url), created.secret, incidentId, { ca: readFileSync(a.cert, 'utf8') });
      await client.synced();
      client.destroy();
    } finally {
      rpc.close();
      await host.close();
    }
  });
});
