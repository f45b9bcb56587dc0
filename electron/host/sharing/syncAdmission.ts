// One way onto /sync for every client: the loopback listener (host token) and the room listener
// (room tokens) differ only in who they admit and what a socket may say, so the limits are shared:
//  - the per-address rate limit on upgrade attempts (429), counted before any token is looked at;
//  - the message cap (ws maxPayload, close 1009);
//  - the frame gate on every frame, with one log line per refused connection.
import type { Hocuspocus } from '@hocuspocus/server';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_MESSAGE_BYTES } from '../../../shared/protocol/api';
import { refuseUpgrade } from '../upgradeGate';
import { gateFrames, type FramePolicy } from './frameGate';
import type { ConnectionRateLimiter } from './rateLimit';

const HTTP_UNAUTHORIZED = 401;
const HTTP_TOO_MANY = 429;

/** The WebSocket server of a listener that carries /sync: one message cap for all of them. */
export function syncSocketServer(): WebSocketServer {
  return new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
}

export type SyncJudgement<G> = { ok: true; grant: G } | { ok: false; status: number };

export interface SyncListenerRules<G> {
  wss: WebSocketServer;
  hocuspocus: Hocuspocus;
  limiter: ConnectionRateLimiter;
  log: (line: string) => void;
  /** The listener's own admission (path, token, Origin); a throw is answered 401. */
  judge(req: IncomingMessage): SyncJudgement<G>;
  /** Sets up an admitted socket: what it may say, its Hocuspocus context, and how logs name it. */
  admitted(ws: WebSocket, grant: G, address: string): { policy: FramePolicy; context: Record<string, unknown>; label: string };
}

/** Handles one upgrade request to /sync under `rules`. */
export function upgradeSync<G>(rules: SyncListenerRules<G>, req: IncomingMessage, socket: Duplex, head: Buffer): void {
  socket.on('error', () => socket.destroy());
  const address = req.socket.remoteAddress ?? 'unknown';
  if (!rules.limiter.attempt(address)) return refuseUpgrade(socket, HTTP_TOO_MANY);
  let verdict: SyncJudgement<G>;
  try {
    verdict = rules.judge(req);
  } catch (err) {
    rules.log(`sync upgrade refused: ${(err as Error).message}`);
    return refuseUpgrade(socket, HTTP_UNAUTHORIZED);
  }
  if (!verdict.ok) return refuseUpgrade(socket, verdict.status);
  const { grant } = verdict;
  rules.wss.handleUpgrade(req, socket, head, (ws) => {
    const { policy, context, label } = rules.admitted(ws, grant, address);
    ws.on('error', (err) => rules.log(`${label}: socket error: ${err.message}`));
    gateFrames(ws, policy, (reason) => rules.log(`${label} closed: ${reason}`));
    rules.hocuspocus.handleConnection(ws, req, context);
  });
}
