// A room socket's writes, judged one at a time in the order they arrived, each just before
// Hocuspocus applies it: is the token still valid (in the store, so a revocation by another
// process counts at once), and does every record it adds carry the connection's identity?
// Judging in order matters because an update may build on the one before it, which may be
// accepted but not yet applied: the accepted items are kept until the document holds them.
// An unnamed token's identity is its stamped presence name, and a joiner's first write can
// arrive just before its presence (a provider answers the host's sync step 1 before the welcome
// that lets it stamp its presence), so such a write waits for the name, for a bounded time.
import type { Document } from '@hocuspocus/server';
import type WebSocket from 'ws';
import type * as Y from 'yjs';
import { DisposableStore, listen, timeout } from '../../../shared/lifecycle/disposable';
import { ROOM_CLOSE } from '../../../shared/protocol/room';
import { judgeAuthorship, notYetIn } from './authorship';
import type { PresenceStamp } from './presenceStamp';
import type { RoomGrant, RoomTokens } from './roomTokens';

/** How long a write from an unnamed token waits for the presence that names its writer. */
export const PRESENCE_WAIT_MS = 5000;

export type WriteVerdict = { ok: true } | { ok: false; close: { code: number; reason: string }; detail?: string };

/** Resolves true once the socket's presence names it, false on timeout or close. */
function nameArrives(presence: PresenceStamp, ws: WebSocket, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const waiting = new DisposableStore();
    const finish = (named: boolean) => {
      waiting.dispose();
      resolve(named);
    };
    waiting.add(timeout(() => finish(false), timeoutMs));
    waiting.add(presence.onNamed(() => finish(true)));
    waiting.add(listen(ws, 'close', () => finish(false)));
    if (presence.name() !== null) finish(true);
  });
}

export class RoomWrites {
  private turn: Promise<unknown> = Promise.resolve();
  private accepted: Y.Item[] = [];

  constructor(
    private readonly ws: WebSocket,
    private readonly grant: RoomGrant,
    private readonly presence: PresenceStamp,
    private readonly tokens: () => RoomTokens | null,
  ) {}

  /**
   * Whether the store says the token is revoked. A store that cannot be read cannot store the
   * update either: that failure is the persistence layer's to report, so it does not count here.
   */
  private revoked(): boolean {
    try {
      return this.tokens()?.isRevoked(this.grant.tokenId) ?? true;
    } catch {
      return false;
    }
  }

  /** The verdict on one sync update or step 2, after every earlier one from this socket. */
  judge(document: Document, update: Uint8Array): Promise<WriteVerdict> {
    const verdict = this.turn.then(() => this.judgeNow(document, update));
    this.turn = verdict.catch(() => {});
    return verdict;
  }

  private async judgeNow(document: Document, update: Uint8Array): Promise<WriteVerdict> {
    let verdict = judgeAuthorship(document, update, this.presence.name(), this.accepted);
    if (!verdict.ok && verdict.needsName && (await nameArrives(this.presence, this.ws, PRESENCE_WAIT_MS))) {
      verdict = judgeAuthorship(document, update, this.presence.name(), this.accepted);
    }
    // Checked last, right before the update is applied: after any wait, never from a cache.
    if (this.revoked()) return { ok: false, close: ROOM_CLOSE.tokenRevoked };
    if (!verdict.ok) return { ok: false, close: ROOM_CLOSE.forgedAuthor, detail: `refused ${verdict.why}` };
    this.accepted = [...notYetIn(document, this.accepted), ...verdict.items];
    return { ok: true };
  }
}
