// One joined room: this host's own copy of the incident (the LOCAL Hocuspocus document, loaded and
// persisted by the local store) bound to the remote room through a Hocuspocus provider running in
// the host. The renderer keeps talking only to its local host; it sees remote edits because they
// land in the same document it is connected to.
//  - A direct connection keeps the local document loaded (and so persisted) while the room is joined.
//  - The provider applies remote updates with itself as the transaction origin: the persistence
//    extension appends them like any update, and the provider does not send them back upstream.
//  - Local edits (origin: a local connection) go upstream; while the room is unreachable they are
//    already on disk here, and the provider's state-vector sync sends them when it returns.
//  - Observers never send: the update handler is detached, since any change would close the socket.
//  - "Unconfirmed" counts what this copy holds that the room has not confirmed as on its disk
//    (shared/protocol/unsavedChanges.ts), starting with everything the local copy held at open.
import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import type { Hocuspocus } from '@hocuspocus/server';
import WebSocket, { type ClientOptions } from 'ws';
import type * as Y from 'yjs';
import { incidentDocName } from '../../../shared/protocol/api';
import { ROOM_CLOSE, type RoomRole } from '../../../shared/protocol/room';
import { parseRoomWelcome } from '../../../shared/protocol/roomWelcome';
import { DisposableStore, listen, timeout, toDisposable } from '../../../shared/lifecycle/disposable';
import { Emitter } from '../../../shared/lifecycle/emitter';
import { watchSaves, type UnsavedChanges } from '../../../shared/protocol/unsavedChanges';
import type { JoinedRoom } from './joinedRooms';
import { bridgeRoomPresence } from './roomPresence';
import { pinnedSocketOptions } from './tlsPin';

export type ReplicaState = 'online' | 'offline' | 'syncing';

export interface ReplicaStatus {
  incidentId: string;
  state: ReplicaState;
  /** Local changes the room has not yet confirmed as on its disk. */
  unconfirmed: number;
  /** host:port of the room. */
  remote: string;
  role: RoomRole | null;
  /** Why the replica stopped trying, or what the last attempt ran into; null when all is well. */
  problem: string | null;
  /** The person the room's token was issued to (from its welcome); null when the joiner names themselves. */
  grantedName: string | null;
}

/** How long to wait for the room's welcome before stamping presence from the scope alone. */
const WELCOME_WAIT_MS = 1000;

export interface ReconnectDelays {
  minMs: number;
  maxMs: number;
}

/** A few seconds at most between attempts: an incident room should come back as soon as it can. */
export const DEFAULT_RECONNECT: ReconnectDelays = { minMs: 250, maxMs: 5000 };

/** Closes after which reconnecting cannot help (ROOM_CLOSE: "do not reconnect"). */
const FINAL_CLOSE_REASONS: ReadonlySet<string> = new Set([
  ROOM_CLOSE.tokenRevoked.reason,
  ROOM_CLOSE.observerReadOnly.reason,
  ROOM_CLOSE.forgedAuthor.reason,
  ROOM_CLOSE.wrongDocument.reason,
  ROOM_CLOSE.malformedFrame.reason,
  ROOM_CLOSE.forbiddenMessage.reason,
  ROOM_CLOSE.tooLarge.reason,
]);
const HTTP_REFUSALS: Record<string, string> = {
  '401': 'the room refused the token (wrong, expired or revoked)',
  '403': 'the room refused this connection (origin)',
  '404': 'there is no room at that address',
};

export interface RoomReplicaOptions {
  hocuspocus: Hocuspocus;
  room: JoinedRoom;
  reconnect?: ReconnectDelays;
  onChange(replica: RoomReplica): void;
  /** The room told us our scope on authentication. */
  onRole(role: RoomRole): void;
  /** A sync with the room completed: the local document now holds at least the room's state. */
  onSynced?(document: Y.Doc): void;
  /**
   * The local document went away under the replica (the persistence extension evicts a document
   * whose update could not be saved, e.g. a full disk). The manager re-opens the room once the store
   * is writable: the fresh document loads from disk and the room re-sends what never got there.
   */
  onLost?(): void;
  log(line: string): void;
}

const scopeRole = (scope: string): RoomRole => (scope === 'readonly' ? 'observer' : 'responder');

export class RoomReplica {
  role: RoomRole | null;
  problem: string | null = null;
  private stopped = false;
  private sending = true;
  private welcomeTimer: NodeJS.Timeout | undefined;
  /** The name the room's welcome granted (a token issued to a person), else null. */
  private grantedName: string | null = null;
  /** Everything this replica opened: the welcome timer, the presence bridge, its save watch, provider and socket. */
  private readonly lifetime = new DisposableStore();
  /** Told once the room authenticates us, or refuses to. */
  private readonly authSettled = this.lifetime.add(new Emitter<{ role: RoomRole } | { problem: string }>());
  private readonly unsaved: UnsavedChanges;

  private constructor(
    private readonly opts: RoomReplicaOptions,
    private readonly connection: Awaited<ReturnType<Hocuspocus['openDirectConnection']>>,
    readonly provider: HocuspocusProvider,
    private readonly socket: HocuspocusProviderWebsocket,
  ) {
    this.role = opts.room.role;
    this.lifetime.add(toDisposable(() => clearTimeout(this.welcomeTimer)));
    const document = connection.document;
    if (provider.awareness && document) this.lifetime.add(bridgeRoomPresence(provider.awareness, document.awareness));
    this.unsaved = this.lifetime.add(watchSaves(provider, { includeExisting: true }));
    this.lifetime.add(toDisposable(() => provider.destroy()));
    this.lifetime.add(toDisposable(() => socket.destroy()));
  }

  static async open(opts: RoomReplicaOptions): Promise<RoomReplica> {
    const { room } = opts;
    const name = incidentDocName(room.incidentId);
    const connection = await opts.hocuspocus.openDirectConnection(name, { replica: true });
    const document = connection.document;
    if (!document) throw new Error(`incident ${room.incidentId} could not be opened locally`);
    const wsOptions: ClientOptions = room.tls && room.certPem ? pinnedSocketOptions(room.certPem, room.tls) : {};
    let replica: RoomReplica | null = null;
    class RoomSocket extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, wsOptions);
        this.once('error', (err) => replica?.onSocketError(err));
      }
    }
    const delays = opts.reconnect ?? DEFAULT_RECONNECT;
    const hostForUrl = room.host.includes(':') ? `[${room.host}]` : room.host;
    const socket = new HocuspocusProviderWebsocket({
      url: `${room.tls ? 'wss' : 'ws'}://${hostForUrl}:${room.port}/sync?token=${encodeURIComponent(room.token)}`,
      WebSocketPolyfill: RoomSocket,
      delay: delays.minMs,
      minDelay: delays.minMs,
      maxDelay: delays.maxMs,
      // Retry forever: a participant's replica waits out a host that is down for hours.
      maxAttempts: 0,
      // The configured onClose runs before the socket's own close handler, which schedules the next
      // attempt: a final close must stop the socket here, or that attempt re-enables it.
      onClose: ({ event }: { event: { code: number; reason: unknown } }) => replica?.onSocketClose(event),
    });
    const provider = new HocuspocusProvider({ websocketProvider: socket, name, document, token: room.token });
    replica = new RoomReplica(opts, connection, provider, socket);
    const opened = replica;
    opened.lifetime.add(listen(document, 'destroy', () => opened.lost()));
    replica.wire();
    provider.attach();
    return replica;
  }

  get incidentId(): string {
    return this.opts.room.incidentId;
  }

  status(): ReplicaStatus {
    const connected = this.socket.status === WebSocketStatus.Connected && this.provider.isAuthenticated;
    const unconfirmed = this.unsaved.count;
    const state: ReplicaState = !connected ? 'offline' : this.provider.isSynced && unconfirmed === 0 ? 'online' : 'syncing';
    return { incidentId: this.incidentId, state, unconfirmed, remote: `${this.opts.room.host}:${this.opts.room.port}`, role: this.role, problem: this.problem, grantedName: this.grantedName };
  }

  /** Resolves with the granted role once the room authenticates us, or with why it would not. */
  authenticated(timeoutMs: number): Promise<{ role: RoomRole } | { problem: string }> {
    if (this.provider.isAuthenticated && this.role) return Promise.resolve({ role: this.role });
    return new Promise((resolve) => {
      const waiting = new DisposableStore();
      const finish = (outcome: { role: RoomRole } | { problem: string }) => {
        waiting.dispose();
        resolve(outcome);
      };
      waiting.add(timeout(() => finish({ problem: this.problem ?? `no answer from ${this.status().remote}` }), timeoutMs));
      waiting.add(this.authSettled.event(finish));
    });
  }

  async close(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.lifetime.dispose();
    await this.connection.disconnect();
  }

  private lost(): void {
    if (this.stopped) return;
    this.opts.log(`room ${this.incidentId}: the local copy was unloaded (not saved); re-opening`);
    void this.close().catch(() => {});
    this.opts.onLost?.();
  }

  private settle(outcome: { role: RoomRole } | { problem: string }): void {
    this.authSettled.fire(outcome);
  }

  private wire(): void {
    const { provider } = this;
    const changed = () => {
      if (!this.stopped) this.opts.onChange(this);
    };
    provider.awareness?.setLocalState({});
    if (this.role === 'observer') this.stopSending();
    provider.on('authenticated', ({ scope }: { scope: string }) => {
      const role = scopeRole(scope);
      this.problem = null;
      if (role !== this.role) {
        this.role = role;
        this.opts.onRole(role);
      }
      if (role === 'observer') this.stopSending();
      // Presence waits for the room's welcome (the granted role and, for a named token, the name):
      // the host closes a socket whose user claims anything else. A room without welcomes gets ours.
      clearTimeout(this.welcomeTimer);
      this.welcomeTimer = setTimeout(() => this.stampPresence(role, null), WELCOME_WAIT_MS);
      this.settle({ role });
      changed();
    });
    provider.on('stateless', ({ payload }: { payload: string }) => {
      const welcome = parseRoomWelcome(payload);
      if (!welcome) return;
      clearTimeout(this.welcomeTimer);
      this.stampPresence(welcome.roomRole, welcome.name);
    });
    provider.on('authenticationFailed', ({ reason }: { reason: string }) => this.giveUp(`the room refused to authenticate: ${reason}`));
    provider.on('synced', () => {
      this.opts.onSynced?.(provider.document);
      changed();
    });
    this.unsaved.onChange(changed);
    provider.on('status', changed);
  }

  /** Called by the socket before it schedules a reconnect (see the constructor). */
  onSocketClose(event: { code: number; reason: unknown }): void {
    const reason = String(event.reason ?? '');
    if (reason === ROOM_CLOSE.forgedPresence.reason) {
      // The token names someone else: stay in the room without a presence name rather than loop.
      this.problem = 'the room token is issued to another person; joined without a presence name';
      this.provider.awareness?.setLocalState({});
      if (this.role === 'observer') this.stopSending();
    } else if (FINAL_CLOSE_REASONS.has(reason)) this.giveUp(`the room closed the connection: ${reason}`);
    if (!this.stopped) this.opts.onChange(this);
  }

  private stampPresence(roomRole: RoomRole, grantedName: string | null): void {
    if (this.stopped) return;
    this.provider.awareness?.setLocalStateField('user', { name: grantedName ?? this.opts.room.name, roomRole });
    if (grantedName !== this.grantedName) {
      this.grantedName = grantedName;
      this.opts.onChange(this);
    }
  }

  private onSocketError(err: Error): void {
    const status = /Unexpected server response: (\d+)/.exec(err.message)?.[1];
    const refusal = status ? HTTP_REFUSALS[status] : undefined;
    if (refusal) return this.giveUp(refusal);
    this.problem = err.message;
    this.settle({ problem: err.message });
    this.opts.onChange(this);
  }

  private giveUp(problem: string): void {
    this.problem = problem;
    this.opts.log(`room ${this.incidentId}: ${problem}; not reconnecting`);
    this.socket.disconnect();
    this.settle({ problem });
    if (!this.stopped) this.opts.onChange(this);
  }

  /** Observers only receive: detach the handler that would send local updates upstream. */
  private stopSending(): void {
    if (!this.sending) return;
    this.sending = false;
    this.provider.document.off('update', this.provider.boundDocumentUpdateHandler);
  }
}
