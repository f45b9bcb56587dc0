// Peers for replica tests: a whole host per participant (own data dir, own SQLite store), a local
// "renderer" connected to it over /sync, and join links to a sharing host's room.
import path from 'node:path';
import * as Y from 'yjs';
import { readEntries } from '../../../../shared/model/doc';
import type { RoomReplicaStatus } from '../../../../shared/protocol/api';
import { buildJoinLink, type RoomRole } from '../../../../shared/protocol/room';
import { startHost, type HostOptions, type RunningHost } from '../../host';
import { LENIENT_RATE_LIMIT } from '../../sharing/test/roomHelpers';
import { connectSync, RpcClient, tempDir, TEST_INCIDENT, waitFor, wsBase, type SyncClient } from '../../test/helpers';

/** Reconnect fast: tests cut and mend links many times. */
export const TEST_RECONNECT = { minMs: 20, maxMs: 100 };

export interface Peer {
  name: string;
  host: RunningHost;
  rpc: RpcClient;
  dataDir: string;
  /** A local client of this host (what the renderer is), one per incident. */
  local(incidentId: string): SyncClient;
  rooms(): Promise<RoomReplicaStatus[]>;
  close(): Promise<void>;
}

export async function startPeer(name: string, extra: Partial<HostOptions> = {}): Promise<Peer> {
  const dataDir = path.join(tempDir(`warroom-replica-${name}-`), 'data');
  const host = await startHost({ dataDir, staticDir: null, log: () => {}, replicaReconnect: TEST_RECONNECT, ...extra });
  const rpc = await RpcClient.connect(wsBase(host.url), host.token);
  const locals = new Map<string, SyncClient>();
  return {
    name,
    host,
    rpc,
    dataDir,
    local(incidentId) {
      let client = locals.get(incidentId);
      if (!client) {
        client = connectSync(wsBase(host.url), host.token, incidentId);
        locals.set(incidentId, client);
      }
      return client;
    },
    rooms: () => rpc.value<RoomReplicaStatus[]>('roomStatus'),
    async close() {
      for (const c of locals.values()) {
        try {
          c.destroy();
        } catch {
          // A client still connecting throws from ws' close(); it is going away either way.
        }
      }
      rpc.close();
      await host.close();
    },
  };
}

/** A peer that shares: listens for room tokens on loopback (lenient rate limit: one address, many sockets). */
export function startSharingPeer(name: string): Promise<Peer> {
  return startPeer(name, { listen: { hostname: '127.0.0.1', port: 0, rateLimit: LENIENT_RATE_LIMIT } });
}

export async function createIncident(peer: Peer): Promise<string> {
  const { id } = await peer.rpc.value<{ id: string }>('createIncident', TEST_INCIDENT);
  return id;
}

/** A join link to `peer`'s room, optionally through another port (a relay). */
export function joinLink(peer: Peer, incidentId: string, role: RoomRole = 'responder', viaPort?: number, tokenName?: string): string {
  if (!peer.host.tokens || !peer.host.room) throw new Error(`${peer.name} is not sharing`);
  const { secret } = peer.host.tokens.create({ role, incidentId, ...(tokenName ? { name: tokenName } : {}) });
  return buildJoinLink({ host: '127.0.0.1', port: viaPort ?? peer.host.room.port, room: incidentId, token: secret });
}

export const texts = (doc: Y.Doc): string[] => readEntries(doc).map((e) => e.text).sort();

/** Every doc holds exactly `expected` (sorted texts) and the same state. */
export async function converged(docs: Y.Doc[], expected: string[], timeoutMs = 15_000): Promise<void> {
  const want = [...expected].sort();
  const same = () => docs.every((d) => JSON.stringify(texts(d)) === JSON.stringify(want));
  try {
    await waitFor(same, timeoutMs, 'convergence');
  } catch (err) {
    const got = docs.map((d) => texts(d).length);
    throw new Error(`${(err as Error).message}: want ${want.length} entries, have ${got.join(', ')}`, { cause: err });
  }
}

export async function roomState(peer: Peer, incidentId: string, state: RoomReplicaStatus['state'], timeoutMs = 10_000): Promise<RoomReplicaStatus> {
  let last: RoomReplicaStatus | undefined;
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    last = (await peer.rooms()).find((r) => r.incidentId === incidentId);
    if (last?.state === state) return last;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${peer.name}: room ${incidentId} never ${state} (last: ${JSON.stringify(last)})`);
}
