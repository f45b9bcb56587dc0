// The host tells each room connection the identity its token grants, so the client can stamp its
// presence with it; a local (host-token) connection is told nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HocuspocusProvider, type HocuspocusProviderConfiguration } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { incidentDocName } from '../../../../shared/protocol/api';
import { parseRoomWelcome, type RoomWelcome } from '../../../../shared/protocol/roomWelcome';
import { waitFor, wsBase } from '../../test/helpers';
import { roomClient, startSharedHost, type SharedHost } from './roomHelpers';

function welcomes(provider: HocuspocusProvider): RoomWelcome[] {
  const seen: RoomWelcome[] = [];
  provider.on('stateless', ({ payload }: { payload: string }) => {
    const welcome = parseRoomWelcome(payload);
    if (welcome) seen.push(welcome);
  });
  return seen;
}

describe('room welcome', () => {
  let shared: SharedHost;
  beforeAll(async () => {
    shared = await startSharedHost();
  });
  afterAll(() => shared.host.close());

  it('tells a named responder and an anonymous observer who they are, and the stamped presence is accepted', async () => {
    const named = roomClient(shared.roomWs, shared.tokens.create({ role: 'responder', incidentId: shared.incidentId, name: 'Priya' }).secret, shared.incidentId);
    const anon = roomClient(shared.roomWs, shared.tokens.create({ role: 'observer', incidentId: shared.incidentId }).secret, shared.incidentId);
    const [namedSeen, anonSeen] = [welcomes(named.provider), welcomes(anon.provider)];
    await waitFor(() => namedSeen.length > 0 && anonSeen.length > 0, 10_000, 'welcomes');
    expect(namedSeen[0]).toEqual({ type: 'room-welcome', roomRole: 'responder', name: 'Priya' });
    expect(anonSeen[0]).toEqual({ type: 'room-welcome', roomRole: 'observer', name: null });

    // Stamping exactly what the welcome said is never a forgery.
    anon.provider.setAwarenessField('user', { name: 'Sam', roomRole: anonSeen[0]!.roomRole });
    named.provider.setAwarenessField('user', { name: namedSeen[0]!.name, roomRole: namedSeen[0]!.roomRole });
    const nameSeenBy = (client: typeof anon, id: number) => (client.provider.awareness?.getStates().get(id) as { user?: { name?: string } } | undefined)?.user?.name;
    await waitFor(() => nameSeenBy(named, anon.doc.clientID) === 'Sam' && nameSeenBy(anon, named.doc.clientID) === 'Priya', 5000, 'presence');
    expect([...named.closes, ...anon.closes]).toEqual([]);
    named.destroy();
    anon.destroy();
  });

  it('says nothing to a local connection on the host token', async () => {
    const doc = new Y.Doc();
    const provider = new HocuspocusProvider({
      url: `${wsBase(shared.host.url)}/sync?token=${encodeURIComponent(shared.host.token)}`,
      name: incidentDocName(shared.incidentId),
      document: doc,
      token: shared.host.token,
      // Passed through to the socket the provider creates for itself (not in the config's type).
      WebSocketPolyfill: WebSocket,
    } as HocuspocusProviderConfiguration);
    const seen = welcomes(provider);
    await waitFor(() => provider.isSynced, 10_000, 'local sync');
    await new Promise((r) => setTimeout(r, 200));
    expect(seen).toEqual([]);
    provider.destroy();
  });
});
