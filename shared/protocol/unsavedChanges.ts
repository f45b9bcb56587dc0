// The changes this replica made that the host has not yet confirmed as on disk. Every chip that
// says "Saved", "Saving…", "not saved" or "unconfirmed" reads this one count, in a browser tab (the
// renderer's incident and room connections) and in the desktop's host (the replica's upstream).
//  - A local change is recorded per transaction, as the clock it took each client id to; that is
//    also what the provider sends upstream (everything whose origin is not the provider itself).
//  - It stays unsaved until the host's persisted state vector (savedVector.ts) reaches that clock.
//    Nothing else clears it: not an acknowledgement, not a reconnect, not a re-sync.
//  - What one host process confirmed is not carried into the next connection: the next one is
//    confirmed from scratch, so a host that came back with less on disk cannot be taken at its
//    former word. Changes already confirmed stay confirmed (they were on disk when it said so).
import type { HocuspocusProvider } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { DisposableStore, listen, type Disposable } from '../lifecycle/disposable';
import { Emitter } from '../lifecycle/emitter';
import { parseSavedVector } from './savedVector';

export interface UnsavedChangesOptions {
  /** Transactions from the host (the provider's own origin) are not this replica's changes. */
  isFromHost(origin: unknown): boolean;
  /**
   * Count what the document already holds as unsaved until the host confirms it (a desktop
   * replica opened on a local copy that may hold changes the room has never seen).
   */
  includeExisting?: boolean;
}

export class UnsavedChanges implements Disposable {
  /** Per client id, the clock each unsaved change reached, oldest first. */
  private readonly pending = new Map<number, number[]>();
  private confirmed = new Map<number, number>();
  private size = 0;
  /** The document and provider listeners, and the count's own listeners: freed together. */
  protected readonly lifetime = new DisposableStore();
  private readonly changed = this.lifetime.add(new Emitter<number>());

  constructor(
    private readonly doc: Y.Doc,
    private readonly opts: UnsavedChangesOptions,
  ) {
    if (opts.includeExisting) Y.decodeStateVector(Y.encodeStateVector(doc)).forEach((clock, client) => this.add(client, clock));
    this.lifetime.add(listen(doc, 'afterTransaction', this.recordTransaction));
  }

  /** How many local changes are not yet on the host's disk. */
  get count(): number {
    return this.size;
  }

  /** Calls `listener` with the new count whenever it changes, until disposed. */
  onChange(listener: (count: number) => void): Disposable {
    return this.changed.event(listener);
  }

  /** The host's persisted clocks, said on the current connection. */
  confirm(clocks: ReadonlyMap<number, number>): void {
    const before = this.size;
    clocks.forEach((clock, client) => {
      if ((this.confirmed.get(client) ?? 0) >= clock) return;
      this.confirmed.set(client, clock);
      const waiting = this.pending.get(client);
      if (!waiting) return;
      let settled = 0;
      while (settled < waiting.length && waiting[settled]! <= clock) settled += 1;
      waiting.splice(0, settled);
      if (waiting.length === 0) this.pending.delete(client);
      this.size -= settled;
    });
    if (this.size !== before) this.notify();
  }

  /** The connection closed: whatever the next one says starts from nothing. */
  connectionLost(): void {
    this.confirmed = new Map();
  }

  dispose(): void {
    this.lifetime.dispose();
  }

  private readonly recordTransaction = (transaction: Y.Transaction): void => {
    if (this.opts.isFromHost(transaction.origin)) return;
    const before = this.size;
    let advanced = false;
    transaction.afterState.forEach((clock, client) => {
      if (clock <= (transaction.beforeState.get(client) ?? 0)) return;
      advanced = true;
      this.add(client, clock);
    });
    // A change that only deletes advances no clock, so no state vector can say it is stored; it
    // counts as saved once this client's next change is. (The incident model never only deletes:
    // nothing is hard-deleted, and an edit writes a new value.)
    if (!advanced && transaction.deleteSet.clients.size > 0) {
      this.add(this.doc.clientID, (transaction.afterState.get(this.doc.clientID) ?? 0) + 1);
    }
    if (this.size !== before) this.notify();
  };

  private add(client: number, clock: number): void {
    if ((this.confirmed.get(client) ?? 0) >= clock) return;
    const waiting = this.pending.get(client);
    if (waiting) waiting.push(clock);
    else this.pending.set(client, [clock]);
    this.size += 1;
  }

  private notify(): void {
    this.changed.fire(this.size);
  }
}

/** The changes of a provider's document, confirmed by the stateless messages its host sends. */
class ProviderUnsavedChanges extends UnsavedChanges {
  constructor(provider: HocuspocusProvider, opts: Omit<UnsavedChangesOptions, 'isFromHost'>) {
    super(provider.document, { ...opts, isFromHost: (origin) => origin === provider });
    this.lifetime.add(
      listen(provider, 'stateless', ({ payload }: { payload: string }) => {
        const clocks = parseSavedVector(payload);
        if (clocks) this.confirm(clocks);
      }),
    );
    this.lifetime.add(listen(provider, 'close', () => this.connectionLost()));
  }
}

/** Tracks the provider's document against its host's confirmations; dispose it with the provider. */
export function watchSaves(provider: HocuspocusProvider, opts: Omit<UnsavedChangesOptions, 'isFromHost'> = {}): UnsavedChanges {
  return new ProviderUnsavedChanges(provider, opts);
}
