// Fan-out between team-server instances: Hocuspocus' Redis extension, adjusted so that Redis is
// only ever a shortcut and never something the war room waits on or loses data through.
//  - Nothing is stored through onStoreDocument here (every update is appended before it is
//    applied, teamPersistence.ts), so the extension's per-store Redis lock is not taken.
//  - A document loads whether Redis answers or not: when the subscriber is not connected, the
//    subscription is queued (ioredis re-subscribes on reconnect) and the load goes on.
//  - Publishing never queues: while Redis is down a change is simply not published (the publisher
//    has no offline queue), and nothing piles up in memory.
//  - When the subscriber reconnects, this instance publishes the state vector of every document it
//    holds. Every other instance answers with what this one lacks and asks for what it lacks
//    itself (Hocuspocus' sync step 1 / step 2 over Redis), so what was written on either side
//    during the outage reaches the other: "on the next sync". Nothing is lost meanwhile, because
//    every instance appended its own clients' updates to PostgreSQL before acknowledging them.
import { OutgoingMessage, type afterLoadDocumentPayload, type Document } from '@hocuspocus/server';
import { Redis } from '@hocuspocus/extension-redis';
import IORedis from 'ioredis';
import { redactedUrl } from '../redactedUrl';

/** Redis reconnect back-off: first retry, and the ceiling. */
const REDIS_RETRY_MIN_MS = 50;
const REDIS_RETRY_MAX_MS = 1000;
/** Every instance publishes its documents' state vectors this often, and this long after Redis returns. */
export const REDIS_RESYNC_MS = 5000;
const RESYNC_AFTER_RECONNECT_MS = 1000;
/** The extension's delay before a document unloads, so late Redis messages still apply; ours is short. */
const DISCONNECT_DELAY_MS = 200;

export interface RedisFanoutOptions {
  url: string;
  /** This instance's name in Redis messages (they are ignored by their sender). */
  identifier: string;
  log: (line: string) => void;
}

export class RedisFanout extends Redis {
  private readonly log: (line: string) => void;
  private up = false;
  private readonly resyncTimer: NodeJS.Timeout;

  constructor(opts: RedisFanoutOptions) {
    let made = 0;
    const retryStrategy = (times: number) => Math.min(REDIS_RETRY_MIN_MS * times, REDIS_RETRY_MAX_MS);
    super({
      identifier: opts.identifier,
      prefix: 'warroom',
      disconnectDelay: DISCONNECT_DELAY_MS,
      // The extension calls this twice: first for its publisher, then for its subscriber.
      createClient: () =>
        made++ === 0
          ? new IORedis(opts.url, { enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy, lazyConnect: false })
          : new IORedis(opts.url, { enableOfflineQueue: true, maxRetriesPerRequest: null, retryStrategy, autoResubscribe: true }),
    });
    this.log = opts.log;
    // The extension answers other instances from its Redis message handler with a publish it does
    // not await; while Redis is down that publish rejects, and unheard it would end the process.
    const publish = this.pub.publish.bind(this.pub) as (channel: string | Buffer, message: string | Buffer) => Promise<number>;
    (this.pub as unknown as { publish: typeof publish }).publish = (channel, message) => publish(channel, message).catch(() => 0);
    const location = redactedUrl(opts.url);
    for (const client of [this.pub, this.sub]) {
      client.on('error', () => undefined);
      client.on('ready', () => {
        if (this.pub.status !== 'ready' || this.sub.status !== 'ready' || this.up) return;
        this.log(`redis: connected to ${location}`);
        this.up = true;
        // Now, and once more when every other instance has surely re-subscribed too.
        this.resyncAll();
        setTimeout(() => this.resyncAll(), RESYNC_AFTER_RECONNECT_MS).unref();
      });
      client.on('close', () => {
        if (this.up) this.log(`redis: lost ${location}; updates reach other instances on the next sync`);
        this.up = false;
      });
    }
    // Anti-entropy: whatever a lost message or a race with a re-subscription missed, this carries.
    this.resyncTimer = setInterval(() => {
      if (this.up) this.resyncAll();
    }, REDIS_RESYNC_MS);
    this.resyncTimer.unref();
  }

  override async onDestroy(): Promise<void> {
    clearInterval(this.resyncTimer);
    await super.onDestroy();
  }

  /** Whether the subscriber is connected (reported on /healthz). */
  get isConnected(): boolean {
    return this.up;
  }

  override async afterLoadDocument(payload: afterLoadDocumentPayload): Promise<void> {
    if (this.sub.status === 'ready') {
      await super.afterLoadDocument(payload).catch((err: Error) => this.log(`redis: subscribe ${payload.documentName}: ${err.message}`));
      return;
    }
    // Queued until Redis is back; resyncAll() then brings the document up to date both ways.
    void super.afterLoadDocument(payload).catch((err: Error) => this.log(`redis: subscribe ${payload.documentName}: ${err.message}`));
  }

  override async afterUnloadDocument(data: Parameters<Redis['afterUnloadDocument']>[0]): Promise<void> {
    if (this.sub.status === 'ready') await super.afterUnloadDocument(data);
    // Otherwise the subscription went with the connection; ioredis re-subscribes only what is still wanted.
  }

  override async onStoreDocument(): Promise<void> {}

  override async afterStoreDocument(): Promise<void> {}

  override async onChange(data: Parameters<Redis['onChange']>[0]): Promise<void> {
    // Not published while Redis is down; the resync on reconnect carries it.
    await super.onChange(data).catch(() => undefined);
  }

  override async onAwarenessUpdate(data: Parameters<Redis['onAwarenessUpdate']>[0]): Promise<number | undefined> {
    return super.onAwarenessUpdate(data).catch(() => undefined);
  }

  private resyncAll(): void {
    if (!this.instance) return;
    for (const document of this.instance.documents.values()) this.publishStateVector(document);
  }

  private publishStateVector(document: Document): void {
    const message = new OutgoingMessage(document.name).createSyncMessage().writeFirstSyncStepFor(document);
    this.pub
      .publish(`${this.configuration.prefix}:${document.name}`, Buffer.concat([this.messagePrefix, Buffer.from(message.toUint8Array())]))
      .catch(() => undefined);
  }
}
