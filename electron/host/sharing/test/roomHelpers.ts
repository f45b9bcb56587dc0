// Test clients for the shared room: a host with a room listener and an incident, room providers
// that record how they were closed, raw Hocuspocus frames, and upgrade probes.
import * as encoding from 'lib0/encoding';
import path from 'node:path';
import WebSocket, { type ClientOptions } from 'ws';
import * as Y from 'yjs';
import { incidentDocName } from '../../../../shared/protocol/api';
import { startHost, type HostOptions, type RunningHost } from '../../host';
import { connectSync, RpcClient, tempDir, TEST_INCIDENT, wsBase, type SyncClient } from '../../test/helpers';
export { upgradeStatus } from '../../test/helpers';
import { MessageType, SyncType } from '../roomFrames';
import type { RoomTokens } from '../roomTokens';

/** Room tests open many sockets from 127.0.0.1; only the rate-limit test uses the real limit. */
export const LENIENT_RATE_LIMIT = { max: 100_000, windowMs: 10_000 };

export interface SharedHost {
  host: RunningHost;
  tokens: RoomTokens;
  dataDir: string;
  incidentId: string;
  /** ws(s)://… of the room listener */
  roomWs: string;
}

export async function startSharedHost(extra: Partial<HostOptions> = {}): Promise<SharedHost> {
  const dataDir = path.join(tempDir('warroom-room-'), 'data');
  const host = await startHost({
    dataDir,
    staticDir: null,
    log: () => {},
    listen: { hostname: '127.0.0.1', port: 0, rateLimit: LENIENT_RATE_LIMIT },
    ...extra,
  });
  const rpc = await RpcClient.connect(wsBase(host.url), host.token);
  const { id } = await rpc.value<{ id: string }>('createIncident', TEST_INCIDENT);
  rpc.close();
  if (!host.room || !host.tokens) throw new Error('no room listener');
  return { host, tokens: host.tokens, dataDir, incidentId: id, roomWs: wsBase(host.room.url) };
}

export interface RoomClient extends SyncClient {
  closes: Array<{ code: number; reason: string }>;
}

/** A Hocuspocus provider on the room listener that records how its socket was closed; `wsOptions` reach the socket (TLS pinning). */
export function roomClient(roomWs: string, secret: string, incidentId: string, wsOptions: ClientOptions = {}): RoomClient {
  class Socket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, wsOptions);
      // The provider closes a socket that is still connecting when it starts a new attempt, and
      // ws reports that as an 'error' after the provider has removed its own listeners.
      this.on('error', () => {});
    }
  }
  const client = connectSync(roomWs, secret, incidentId, new Y.Doc(), secret, Socket);
  const closes: RoomClient['closes'] = [];
  client.socket.on('close', ({ event }: { event: { code: number; reason: string } }) => closes.push({ code: event.code, reason: String(event.reason) }));
  return { ...client, closes };
}


function frame(docName: string, type: number, write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, docName);
  encoding.writeVarUint(e, type);
  write(e);
  return encoding.toUint8Array(e);
}

export const frames = {
  auth: (docName: string, token: string) =>
    frame(docName, MessageType.Auth, (e) => {
      encoding.writeVarUint(e, 0);
      encoding.writeVarString(e, token);
    }),
  sync: (docName: string, syncType: number, payload: Uint8Array) =>
    frame(docName, MessageType.Sync, (e) => {
      encoding.writeVarUint(e, syncType);
      encoding.writeVarUint8Array(e, payload);
    }),
  step1: (docName: string, doc: Y.Doc) => frames.sync(docName, SyncType.Step1, Y.encodeStateVector(doc)),
  update: (docName: string, update: Uint8Array) => frames.sync(docName, SyncType.Update, update),
  awareness: (docName: string, update: Uint8Array) => frame(docName, MessageType.Awareness, (e) => encoding.writeVarUint8Array(e, update)),
  broadcastStateless: (docName: string, payload: string) => frame(docName, MessageType.BroadcastStateless, (e) => encoding.writeVarString(e, payload)),
};

/** Opens a raw room socket, authenticates for the room's document, and resolves once open. */
export async function rawRoomSocket(roomWs: string, secret: string, incidentId: string, opts: ClientOptions = {}): Promise<WebSocket> {
  const ws = new WebSocket(`${roomWs}/sync?token=${encodeURIComponent(secret)}`, opts);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  ws.send(frames.auth(incidentDocName(incidentId), secret));
  return ws;
}

export function closed(ws: WebSocket, timeoutMs = 5000): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    if (ws.readyState === ws.CLOSED) return resolve({ code: 1006, reason: '' });
    const timer = setTimeout(() => reject(new Error('socket not closed')), timeoutMs);
    ws.once('close', (code, reason) => {
      clearTimeout(timer);
      resolve({ code, reason: reason.toString() });
    });
  });
}
