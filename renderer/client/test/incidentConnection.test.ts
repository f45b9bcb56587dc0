// The incident connection against a real Hocuspocus server over a real WebSocket. The server has no
// store: it confirms what its document holds, as the host confirms what it has persisted (the host's
// own tests check that against the database file).
import { afterEach, describe, expect, it } from 'vitest';
import { Server } from '@hocuspocus/server';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { SavedVectorFeed } from '../../../shared/protocol/savedVector';
import { openIncidentConnection, type IncidentConnection } from '../incidentConnection';
import { useSyncState, waitForSaved } from '../syncState';

const TOKEN = 'host-token-for-test';
let server: Server | null = null;
const connections: IncidentConnection[] = [];
const seenDocNames: string[] = [];

afterEach(async () => {
  for (const c of connections.splice(0)) c.destroy();
  await server?.destroy();
  server = null;
});

async function startServer(): Promise<string> {
  const feeds = new WeakMap<object, SavedVectorFeed>();
  server = new Server({
    port: 0,
    address: '127.0.0.1',
    quiet: true,
    async onAuthenticate({ token, documentName }) {
      seenDocNames.push(documentName);
      if (token !== TOKEN) throw new Error('bad token');
    },
    async beforeSync({ connection, document }) {
      const feed = feeds.get(connection) ?? new SavedVectorFeed();
      feeds.set(connection, feed);
      // Confirmed on the next turn, once the message in hand has been applied.
      setImmediate(() => {
        const message = feed.next(Y.decodeStateVector(Y.encodeStateVector(document)));
        if (message) connection.sendStateless(message);
      });
    },
  });
  await server.listen();
  return `http://127.0.0.1:${server.address.port}`;
}

describe('openIncidentConnection', () => {
  it('syncs the incident doc and reports saved once the host confirms the change', async () => {
    const hostUrl = await startServer();
    const first = openIncidentConnection({ hostUrl, token: TOKEN }, '01INC', { WebSocketPolyfill: WebSocket });
    connections.push(first);
    await first.synced;
    expect(seenDocNames).toContain('incident.01INC');

    first.doc.getMap('meta').set('title', 'DB outage');
    expect(useSyncState.getState().unsynced).toBeGreaterThan(0);
    await expect(waitForSaved(5000)).resolves.toBe('saved');
    expect(useSyncState.getState().connection).toBe('online');

    // A second replica sees the change: it really reached the host.
    const second = openIncidentConnection({ hostUrl, token: TOKEN }, '01INC', { WebSocketPolyfill: WebSocket });
    connections.push(second);
    await second.synced;
    expect((second.doc.getMap('meta') as Y.Map<string>).get('title')).toBe('DB outage');
  });

  it('rejects synced when the host refuses the token', async () => {
    const hostUrl = await startServer();
    const refused = openIncidentConnection({ hostUrl, token: 'wrong' }, '01INC', { WebSocketPolyfill: WebSocket });
    connections.push(refused);
    await expect(refused.synced).rejects.toThrow(/refused/);
  });
});
