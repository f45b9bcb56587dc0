// Host-stamped presence for one room socket. A socket speaks for one awareness client: the first
// one it describes that no other connection owns. Hocuspocus' provider echoes every remote
// awareness change back to the server (its awareness 'update' handler ignores the origin), and its
// timeout sweep sends `null` for clients it has not heard from; so entries about other clients are
// expected traffic. They are dropped, never applied (and never a reason to close, since echoes race
// with the host's own view of who is here): that also stops a client from erasing or
// rewriting someone else's presence (y-protocols applies a same-clock null as a removal).
// The socket's own state must carry the identity its token grants: `user.roomRole` always, and
// `user.name` when the token was issued to a person. Anything else is a forgery.
import type { Document } from '@hocuspocus/server';
import type WebSocket from 'ws';
import type { RoomGrant } from './roomTokens';
import type { AwarenessEntry } from './roomFrames';
import type { Disposable } from '../../../shared/lifecycle/disposable';
import { Emitter } from '../../../shared/lifecycle/emitter';

export interface AwarenessView {
  /** The state the host holds for a client, if any. */
  stateOf(clientId: number): unknown;
  /** Whether another connection already speaks for this client. */
  ownedElsewhere(clientId: number): boolean;
}

export type PresenceVerdict = { ok: true; keep: AwarenessEntry[] } | { ok: false };

export class PresenceStamp {
  private own: number | null = null;
  private declared: string | null = null;
  private readonly named = new Emitter();

  constructor(private readonly grant: RoomGrant) {}

  /**
   * Who this socket writes as: the granted name, or for an unnamed token the name its own
   * presence last declared (null until it declares one).
   */
  name(): string | null {
    return this.grant.name ?? this.declared;
  }

  /** Called once a name is declared (or changes), until disposed. */
  onNamed(listener: () => void): Disposable {
    return this.named.event(listener);
  }

  /** The entries to pass on (possibly none), or a forgery of this socket's own identity. */
  judge(entries: readonly AwarenessEntry[], view: AwarenessView): PresenceVerdict {
    const keep: AwarenessEntry[] = [];
    for (const entry of entries) {
      if (this.own === null && entry.state !== null && !view.ownedElsewhere(entry.clientId) && view.stateOf(entry.clientId) === undefined) {
        this.own = entry.clientId;
      }
      if (entry.clientId === this.own) {
        if (!this.stamped(entry.state)) return { ok: false };
        this.declare(entry.state);
        keep.push(entry);
        continue;
      }
      // A joiner that reconnects before the host noticed its old socket go speaks for the same
      // client, whose state the host still holds: not applied, but its stamped name is its own.
      if (this.own === null && entry.state !== null && !view.ownedElsewhere(entry.clientId) && this.stamped(entry.state)) this.declare(entry.state);
      // Someone else's client (an echo, a sweep, or an attempt to speak for them): never applied.
      // Not a reason to close: echoes race with the host's own view (a client that just left).
    }
    return { ok: true, keep };
  }

  private declare(state: unknown): void {
    const name = (state as { user?: { name?: unknown } } | null)?.user?.name;
    if (typeof name !== 'string' || name === '' || name === this.declared) return;
    this.declared = name;
    this.named.fire();
  }

  /** A null state (leaving) or one without `user` is fine; a `user` must match the grant. */
  private stamped(state: unknown): boolean {
    if (state === null) return true;
    if (typeof state !== 'object' || Array.isArray(state)) return false;
    if (!('user' in state)) return true;
    const user = (state as { user: unknown }).user;
    if (user === null || typeof user !== 'object') return false;
    const { name, roomRole } = user as { name?: unknown; roomRole?: unknown };
    if (roomRole !== this.grant.role) return false;
    return this.grant.name === null ? typeof name === 'string' && name.length > 0 : name === this.grant.name;
  }
}

/**
 * The name in a socket's own awareness state. The stamp guarantees it is the granted name for a
 * named token; for an unnamed one it is the name the joiner chose, which is then its identity.
 */
export function socketPresenceName(document: Document, ws: WebSocket): string | null {
  for (const clientId of document.getClients(ws)) {
    const user = (document.awareness.getStates().get(clientId) as { user?: { name?: unknown } } | undefined)?.user;
    if (typeof user?.name === 'string' && user.name !== '') return user.name;
  }
  return null;
}

