// Joining: TLS rooms pinned by the link's fingerprint, the short "HOST:PORT ROOM CODE" form, and a
// token revoked while joined.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addEntry } from '../../../../shared/model/commands';
import type { RoomReplicaStatus } from '../../../../shared/protocol/api';
import { buildJoinLink } from '../../../../shared/protocol/room';
import { LENIENT_RATE_LIMIT } from '../../sharing/test/roomHelpers';
import { tempDir, waitFor } from '../../test/helpers';
import { converged, createIncident, joinLink, roomState, startPeer, startSharingPeer, texts, type Peer } from './replicaHelpers';

const hasOpenssl = spawnSync('openssl', ['version']).status === 0;

function selfSigned(): { cert: string; key: string } {
  const dir = tempDir('warroom-tls-');
  const [cert, key] = [path.join(dir, 'cert.pem'), path.join(dir, 'key.pem')];
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=war-room-test', '-keyout', key, '-out', cert], { stdio: 'ignore' });
  return { cert: readFileSync(cert, 'utf8'), key: readFileSync(key, 'utf8') };
}

describe.skipIf(!hasOpenssl)('joining a TLS room (needs openssl)', () => {
  let a: Peer;
  let b: Peer;
  beforeAll(async () => {
    a = await startPeer('a-tls', { listen: { hostname: '127.0.0.1', port: 0, rateLimit: LENIENT_RATE_LIMIT, tls: selfSigned() } });
    b = await startPeer('b');
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  it('syncs with the certificate the link pins (whatever name it was issued to), and refuses any other before sending the token', async () => {
    const incidentId = await createIncident(a);
    const fingerprint = a.host.room?.fingerprint as string;
    const link = (tls: string) => buildJoinLink({ host: '127.0.0.1', port: a.host.room!.port, room: incidentId, token: a.host.tokens!.create({ role: 'responder', incidentId }).secret, tls });

    const wrong = await b.rpc.call('joinRoom', { link: link('0'.repeat(64)), name: 'b' });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.error.message).toMatch(/not the one in the join link/);
    expect(a.host.room?.connections()).toEqual([]);

    await b.rpc.value('joinRoom', { link: link(fingerprint), name: 'b' });
    const [atA, atB] = [a.local(incidentId), b.local(incidentId)];
    await atA.synced();
    addEntry(atA.doc, { author: 'a' }, { text: 'over TLS' });
    await converged([atA.doc, atB.doc], texts(atA.doc));
    expect(texts(atB.doc)).toContain('over TLS');
  });
});

describe('joining by code, and losing the token', () => {
  let a: Peer;
  let b: Peer;
  beforeAll(async () => {
    [a, b] = await Promise.all([startSharingPeer('a'), startPeer('b')]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  it('joins with "HOST:PORT ROOM CODE" as read out over a call', async () => {
    const incidentId = await createIncident(a);
    const { code } = a.host.tokens!.create({ role: 'observer', incidentId });
    const status = await b.rpc.value<RoomReplicaStatus>('joinRoom', { link: `127.0.0.1:${a.host.room!.port} ${incidentId} ${code.toLowerCase()}`, name: 'b' });
    expect(status.role).toBe('observer');
    await roomState(b, incidentId, 'online');
    const bad = await b.rpc.call('joinRoom', { link: `127.0.0.1:${a.host.room!.port} ${code}`, name: 'b' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('bad-args');
  });

  it('writes under the name the token was issued to, whatever the joiner calls themselves', async () => {
    const incidentId = await createIncident(a);
    await b.rpc.value('joinRoom', { link: joinLink(a, incidentId, 'responder', undefined, 'Noor Haddad'), name: 'noor' });
    const online = await roomState(b, incidentId, 'online');
    // The welcome follows the connection; the status carries the name once it came.
    let granted = online.grantedName;
    while (granted !== 'Noor Haddad') granted = (await roomState(b, incidentId, 'online')).grantedName;
    const [atA, atB] = [a.local(incidentId), b.local(incidentId)];
    await atB.synced();
    // The local UI writes under the granted name (as IncidentView does); the room stores it.
    addEntry(atB.doc, { author: granted }, { text: 'restored the replica' });
    await atA.synced();
    await converged([atA.doc, atB.doc], texts(atB.doc));
    expect(texts(atA.doc)).toContain('restored the replica');
  });

  it('stops and says why when the room revokes the token; the local copy stays', async () => {
    const incidentId = await createIncident(a);
    await b.rpc.value('joinRoom', { link: joinLink(a, incidentId), name: 'b' });
    await roomState(b, incidentId, 'online');
    const [token] = a.host.tokens!.list(incidentId);
    a.host.tokens!.revoke(token!.id);
    let status: RoomReplicaStatus | undefined;
    const start = Date.now();
    while (Date.now() - start < 5000 && !status?.problem) {
      status = (await b.rooms()).find((r) => r.incidentId === incidentId);
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(status?.problem).toMatch(/token-revoked|refused the token/);
    expect(status?.state).toBe('offline');
    const local = b.local(incidentId);
    await waitFor(() => texts(local.doc).length > 0, 5000, 'the local copy');
    await b.rpc.value('leaveRoom', { incidentId });
    expect(await b.rooms()).not.toContainEqual(expect.objectContaining({ incidentId }));
  });
});
