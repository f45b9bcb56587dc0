// Room-token revocations from every instance sharing the database, through PostgreSQL's
// LISTEN/NOTIFY on one dedicated connection (a pooled one would be handed to other queries).
// Notifications sent while that connection is down are lost, so after each reconnect the
// listener asks the database which tokens were revoked since it lost the connection.
import pg from 'pg';
import type { Disposable } from '../../../shared/lifecycle/disposable';
import { Emitter } from '../../../shared/lifecycle/emitter';

/** First retry after the listening connection is lost; doubled up to RECONNECT_MAX_MS. */
const RECONNECT_MIN_MS = 100;
const RECONNECT_MAX_MS = 2000;
/** Revocations this long before the connection was lost are asked for again: instances' clocks differ a little. */
const CLOCK_MARGIN_MS = 60_000;

export interface RevocationListenerOptions {
  url: string;
  location: string;
  log: (line: string) => void;
  /** Ids of tokens revoked at or after an ISO instant. */
  revokedSince(since: string): Promise<string[]>;
}

export class RevocationListener {
  /** The NOTIFY channel; its payload is the revoked token's id. */
  static readonly channel = 'warroom_room_token_revoked';

  private readonly revoked = new Emitter<string>();
  private client: pg.Client | null = null;
  private started = false;
  private closed = false;
  private retryMs = RECONNECT_MIN_MS;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(private readonly opts: RevocationListenerOptions) {}

  /** Starts listening with the first listener; heard until disposed. */
  add(listener: (tokenId: string) => void): Disposable {
    const subscription = this.revoked.event(listener);
    if (!this.started) {
      this.started = true;
      void this.connect(null);
    }
    return subscription;
  }

  /** Resolves once the listening connection is up (for callers that must not miss the next NOTIFY). */
  async ready(): Promise<void> {
    while (!this.client && !this.closed) await new Promise((resolve) => setTimeout(resolve, RECONNECT_MIN_MS));
  }

  async close(): Promise<void> {
    this.closed = true;
    this.revoked.dispose();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(lostAt: number | null): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ connectionString: this.opts.url });
    let lost = false;
    const onLost = (why: string) => {
      if (lost) return;
      lost = true;
      if (this.client === client) this.client = null;
      client.end().catch(() => undefined);
      if (this.closed) return;
      this.opts.log(`postgres: revocation listener lost (${why}); reconnecting`);
      this.retryTimer = setTimeout(() => void this.connect(lostAt ?? Date.now()), this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, RECONNECT_MAX_MS);
    };
    client.on('error', (err) => onLost(err.message));
    client.on('end', () => onLost('connection ended'));
    client.on('notification', (msg) => {
      if (msg.channel === RevocationListener.channel && msg.payload) this.revoked.fire(msg.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${RevocationListener.channel}`);
    } catch (err) {
      onLost((err as Error).message);
      return;
    }
    if (this.closed) return void client.end().catch(() => undefined);
    this.client = client;
    this.retryMs = RECONNECT_MIN_MS;
    if (lostAt !== null) {
      this.opts.log(`postgres: revocation listener back on ${this.opts.location}`);
      const since = new Date(lostAt - CLOCK_MARGIN_MS).toISOString();
      for (const id of await this.opts.revokedSince(since).catch(() => [])) this.revoked.fire(id);
    }
  }
}
