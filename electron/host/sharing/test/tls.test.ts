// The room listener over TLS with a self-signed certificate made by openssl for this test.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TLSSocket } from 'node:tls';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { metaMap } from '../../../../shared/model/doc';
import { tempDir } from '../../test/helpers';
import { LENIENT_RATE_LIMIT, roomClient, startSharedHost } from './roomHelpers';

const hasOpenssl = spawnSync('openssl', ['version']).status === 0;

function selfSigned(): { cert: string; key: string } {
  const dir = tempDir('warroom-tls-');
  const [cert, key] = [path.join(dir, 'cert.pem'), path.join(dir, 'key.pem')];
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=war-room-test', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert], { stdio: 'ignore' });
  return { cert: readFileSync(cert, 'utf8'), key: readFileSync(key, 'utf8') };
}

describe.skipIf(!hasOpenssl)('room listener over TLS (needs openssl to make a certificate)', () => {
  it('serves wss with the certificate whose fingerprint it reports', async () => {
    const tls = selfSigned();
    const shared = await startSharedHost({ listen: { hostname: '127.0.0.1', port: 0, tls, rateLimit: LENIENT_RATE_LIMIT } });
    try {
      expect(shared.host.room?.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      expect(shared.host.room?.fingerprint).toMatch(/^[0-9a-f]{64}$/);
      // Pin the certificate the way a joiner does: by the link's fingerprint, not by a CA.
      const pinned = { ca: tls.cert };
      const { secret } = shared.tokens.create({ role: 'observer', incidentId: shared.incidentId });
      const seen = await new Promise<string>((resolve, reject) => {
        const ws = new WebSocket(`${shared.roomWs}/sync?token=${secret}`, pinned);
        ws.once('upgrade', (res) => resolve((res.socket as TLSSocket).getPeerCertificate().fingerprint256.replace(/:/g, '').toLowerCase()));
        ws.once('open', () => ws.close());
        ws.once('error', reject);
      });
      expect(seen).toBe(shared.host.room?.fingerprint);
      const client = roomClient(shared.roomWs, secret, shared.incidentId, pinned);
      await client.synced();
      expect(metaMap(client.doc).get('title')).toBe('Primary database lost');
      client.destroy();
      // Plain ws to the TLS port gets nowhere.
      const plain = await new Promise<string>((resolve) => {
        const ws = new WebSocket(`${shared.roomWs.replace('wss:', 'ws:')}/sync?token=${secret}`);
        ws.once('open', () => resolve('open'));
        ws.once('error', () => resolve('error'));
      });
      expect(plain).toBe('error');
    } finally {
      await shared.host.close();
    }
  });
});
