// The rooms this host has joined (desktop join with a local replica) and the rooms it took over
// (handover). Owns one RoomReplica per joined incident, the joined_rooms table that lets a restart
// resume them, and the room listeners hostRoom starts. See README.md.
import type { Hocuspocus } from '@hocuspocus/server';
import type * as Y from 'yjs';
import { DisposableMap, DisposableStore, MutableDisposable, timeout } from '../../../shared/lifecycle/disposable';
import type { RoomRole } from '../../../shared/protocol/room';
import { incidentDocName } from '../../../shared/protocol/api';
import { HostError } from '../hostError';
import type { RateLimitOptions } from '../sharing/rateLimit';
import type { IncidentStore } from '../store';
import { JoinedRooms, type JoinedRoom } from './joinedRooms';
import { parseJoinTarget } from './joinTarget';
import { reconnectLocalClients } from './replicaGuard';
import { RoomReplica, type ReconnectDelays, type ReplicaStatus } from './roomReplica';
import { fetchPinnedCertificate } from './tlsPin';

/** How long joinRoom waits for the room to accept us before reporting why it did not. */
export const JOIN_TIMEOUT_MS = 10_000;

/** How often a joined room that lost its local document (or could not resume) tries again. */
const REOPEN_RETRY_MS = 500;
/** Fast enough for a sync badge, slow enough not to flood the RPC socket during a burst. */
const STATUS_EVENT_MS = 100;

export interface ReplicaManagerOptions {
  store: IncidentStore;
  hocuspocus: Hocuspocus;
  /** The host's sharing (sharing/shareControl.ts): the one room listener and its tokens. */
  sharing: RoomSharing;
  log(line: string): void;
  onStatus(statuses: ReplicaStatus[]): void;
  /** A joined room synced into the local document (the host refreshes its incident list). */
  onSynced?(document: Y.Doc): void;
  reconnect?: ReconnectDelays;
  /** Room listener options for hostRoom (tests pass a lenient rate limit). */
  listenExtras?: { rateLimit?: RateLimitOptions };
}

/** What hostRoom needs of the host's sharing. */
export interface RoomSharing {
  status(): { port: number } | null;
  start(req: { hostname: string; port: number; rateLimit?: RateLimitOptions }): Promise<unknown>;
  createToken(args: { incidentId: string; role: RoomRole }): { code: string; joinLink: string; browserUrl: string };
}

export interface HostedRoom {
  /** warroom://join link for responders. */
  link: string;
  code: string;
  observerLink: string;
  observerCode: string;
  browserUrl: string;
  port: number;
}

export class ReplicaManager {
  private readonly joined: JoinedRooms | null;
  private readonly replicas = new Map<string, RoomReplica>();
  /** The status-event timer and the per-room re-open timers, all cleared on close. */
  private readonly lifetime = new DisposableStore();
  private readonly statusEvent = this.lifetime.add(new MutableDisposable());
  private readonly reopenTimers = this.lifetime.add(new DisposableMap<string>());
  /** Incidents joined as observer; kept while a replica re-opens, so local clients stay read-only. */
  private readonly observed = new Set<string>();
  /** Incidents this host re-hosted (hostRoom) while still holding a replica of the old room. */
  private readonly hosting = new Set<string>();
  private closed = false;

  constructor(private readonly opts: ReplicaManagerOptions) {
    this.joined = opts.store.status.ok ? new JoinedRooms(opts.store) : null;
  }

  /** The guard's question: is this incident a room we joined as an observer? */
  isObserved = (incidentId: string): boolean => this.observed.has(incidentId);

  /** Re-opens every room joined before a restart; failures are reported per room, never thrown. */
  async resume(): Promise<void> {
    for (const room of this.joined?.list() ?? []) {
      try {
        await this.open(room);
      } catch (err) {
        this.opts.log(`room ${room.incidentId} not resumed yet: ${(err as Error).message}`);
        this.reopenLater(room.incidentId);
      }
    }
  }

  async join(args: { link: string; name: string }): Promise<ReplicaStatus> {
    const joined = this.requireStore();
    const target = parseJoinTarget(args.link);
    let certPem: string | null = null;
    if (target.tls) {
      try {
        certPem = await fetchPinnedCertificate(target.host, target.port, target.tls);
      } catch (err) {
        throw new HostError('unreachable', `Could not verify the room at ${target.host}:${target.port}: ${(err as Error).message}`, 'link');
      }
    }
    this.reopenTimers.deleteAndDispose(target.room);
    const previous = this.replicas.get(target.room);
    const room: JoinedRoom = {
      incidentId: target.room,
      host: target.host,
      port: target.port,
      token: target.token,
      tls: target.tls ?? null,
      certPem,
      name: args.name,
      role: null,
      joinedAt: new Date().toISOString(),
    };
    // Re-pointing (a handover): the old upstream goes, the local copy stays and merges into the new one.
    await previous?.close();
    this.replicas.delete(target.room);
    const replica = await this.open(room);
    const outcome = await replica.authenticated(JOIN_TIMEOUT_MS);
    if ('problem' in outcome) {
      await replica.close();
      this.replicas.delete(target.room);
      // A failed re-point keeps the room it had: the old upstream resumes.
      if (previous) this.reopenLater(target.room);
      this.emit();
      throw new HostError('room-refused', `Could not join the room at ${target.host}:${target.port}: ${outcome.problem}.`, 'link');
    }
    joined.put({ ...room, role: outcome.role });
    return replica.status();
  }

  async leave(incidentId: string): Promise<void> {
    const replica = this.replicas.get(incidentId);
    this.replicas.delete(incidentId);
    const known = this.joined?.remove(incidentId) ?? false;
    this.observed.delete(incidentId);
    this.hosting.delete(incidentId);
    this.reopenTimers.deleteAndDispose(incidentId);
    if (!replica && !known) throw new HostError('not-found', `This host has not joined a room for incident ${incidentId}.`, 'incidentId');
    await replica?.close();
    this.emit();
  }

  status(): Array<ReplicaStatus & { hosting: boolean }> {
    return [...this.replicas.values()].map((r) => ({ ...r.status(), hosting: this.hosting.has(r.incidentId) }));
  }

  /**
   * Handover: serve this host's replica as the room, through the same sharing as the share panel
   * (started on hostname:port unless it is already on); the others re-point with joinRoom and the
   * new link, and their copies merge in. The replica of the old room is KEPT: it retries quietly
   * while the old host is gone, and bridges the two rooms if it was only unreachable from here (or
   * comes back), so people who have not re-pointed yet lose nothing either. Leave it to stop that.
   */
  async host(args: { incidentId: string; hostname: string; port: number }): Promise<HostedRoom> {
    this.requireStore();
    const replica = this.replicas.get(args.incidentId);
    if (replica?.role === 'observer') throw new HostError('forbidden', 'An observer cannot host the room: ask a responder to take it over.', 'incidentId');
    if (!replica && !this.opts.store.hasDoc(incidentDocName(args.incidentId))) {
      throw new HostError('not-found', `There is no incident with id ${args.incidentId} on this machine.`, 'incidentId');
    }
    const { sharing } = this.opts;
    if (!sharing.status()) await sharing.start({ hostname: args.hostname, port: args.port, ...this.opts.listenExtras });
    if (replica) this.hosting.add(args.incidentId);
    this.emit();
    const responder = sharing.createToken({ incidentId: args.incidentId, role: 'responder' });
    const observer = sharing.createToken({ incidentId: args.incidentId, role: 'observer' });
    this.opts.log(`hosting room ${args.incidentId} on port ${sharing.status()?.port}`);
    return {
      link: responder.joinLink,
      code: responder.code,
      observerLink: observer.joinLink,
      observerCode: observer.code,
      browserUrl: observer.browserUrl,
      port: sharing.status()?.port ?? args.port,
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.lifetime.dispose();
    const replicas = [...this.replicas.values()];
    this.replicas.clear();
    await Promise.all(replicas.map((r) => r.close()));
  }

  private async open(room: JoinedRoom): Promise<RoomReplica> {
    if (room.role === 'observer') this.observed.add(room.incidentId);
    if (room.tls && !room.certPem) {
      // Joined before the certificate could be fetched: try now; without it the token is never sent.
      room.certPem = await fetchPinnedCertificate(room.host, room.port, room.tls);
      this.joined?.update(room.incidentId, { certPem: room.certPem });
    }
    const replica: RoomReplica = await RoomReplica.open({
      hocuspocus: this.opts.hocuspocus,
      room,
      reconnect: this.opts.reconnect,
      log: this.opts.log,
      onChange: () => this.emit(),
      onLost: () => {
        if (this.replicas.get(room.incidentId) === replica) this.replicas.delete(room.incidentId);
        this.reopenLater(room.incidentId);
        this.emit();
      },
      ...(this.opts.onSynced ? { onSynced: this.opts.onSynced } : {}),
      onRole: (role) => {
        this.joined?.update(room.incidentId, { role });
        if (role === 'observer') this.observed.add(room.incidentId);
        else this.observed.delete(room.incidentId);
        if (role === 'observer') reconnectLocalClients(this.opts.hocuspocus, room.incidentId);
      },
    });
    this.replicas.set(room.incidentId, replica);
    return replica;
  }

  /**
   * Re-opens a joined room once its local document can be loaded and saved again: after a failed
   * save (the store probes itself back to health) or a resume that could not reach the room.
   */
  private reopenLater(incidentId: string): void {
    if (this.closed || this.reopenTimers.has(incidentId)) return;
    const retry = () => {
      this.reopenTimers.deleteAndDispose(incidentId);
      const room = this.joined?.list().find((r) => r.incidentId === incidentId);
      if (this.closed || !room || this.replicas.has(incidentId)) return;
      if (!this.opts.store.status.ok) return this.reopenLater(incidentId);
      this.open(room).then(
        () => this.emit(),
        (err: Error) => {
          this.opts.log(`room ${incidentId} not re-opened yet: ${err.message}`);
          this.reopenLater(incidentId);
        },
      );
    };
    this.reopenTimers.set(incidentId, timeout(retry, REOPEN_RETRY_MS, { unref: true }));
  }

  private requireStore(): JoinedRooms {
    if (!this.opts.store.status.ok || !this.joined) throw new HostError('store', this.opts.store.status.ok ? 'The store is not ready.' : this.opts.store.status.reason);
    return this.joined;
  }

  /** Status events at most every STATUS_EVENT_MS: a burst of 500 edits is one UI update, not 1000. */
  private emit(): void {
    if (this.statusEvent.value) return;
    this.statusEvent.value = timeout(
      () => {
        this.statusEvent.clear();
        this.opts.onStatus(this.status());
      },
      STATUS_EVENT_MS,
      { unref: true },
    );
  }
}
