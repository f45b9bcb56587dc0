// Persistence: each Yjs update is appended to SQLite synchronously, from the document's own
// 'update' event. Y.Doc emits 'update' synchronously inside applyUpdate, and the SQLite binding
// writes synchronously (WAL, synchronous=FULL), so by the time Hocuspocus 3.4.4 acknowledges a sync
// update or step 2 (writeSyncStatus(true) after readUpdate / readSyncStep2, src/MessageReceiver.ts),
// whatever that update added to the document is on disk.
// The ack is still not "saved", for two reasons: an update whose predecessor never arrived is kept
// pending in memory (not in the document, not in 'update', not on disk) and acknowledged all the same;
// and a reconnect resets the provider's count of acks. So after handling a sync message from a
// connection, this extension tells that connection the state vector it has persisted for the document
// (shared/protocol/savedVector.ts), and the client compares it with its own changes. Every change of
// a loaded document is appended inside its 'update' event, or the document is evicted, so between
// events its state vector (pending updates are not in it) is exactly what is on disk.
// A failed append must not be acknowledged. readSyncStep2 swallows errors thrown by update listeners,
// so throwing alone would not stop the ack; instead the listener closes every socket of the document
// before returning: ws sets readyState CLOSING synchronously, and Hocuspocus' Connection.send drops
// anything sent on a closing socket, including that ack. The document is then evicted without storing,
// and its clients keep the change as unsaved. (The rethrow still fails server-side writes such as
// createIncident through a direct connection.) We deliberately do not use the debounced onStoreDocument.
import type { beforeSyncPayload, Extension, Hocuspocus, onLoadDocumentPayload } from '@hocuspocus/server';
import type WebSocket from 'ws';
import * as Y from 'yjs';
import type { IncidentStore, StoredRow } from '../store';
import { SyncRefused } from './authExtension';
import { replayQuietly } from '../../../shared/protocol/quietSync';
import { SavedConfirmations } from './savedConfirmations';

/** More stored updates than this and a load folds them into a snapshot first. */
export const COMPACT_ON_LOAD_THRESHOLD = 500;
/** Close code sent to sync sockets whose document could not be saved (4000–4999: application). */
export const STORE_FAILED_CLOSE_CODE = 4500;
/** Origin of the transaction that replays stored updates; it must not be appended again. */
const LOAD_ORIGIN = Symbol('war-room-store-load');

type LoadedDocument = onLoadDocumentPayload['document'];

export class PersistenceExtension implements Extension {
  readonly extensionName = 'war-room-persistence';
  /** After auth, before the incident index (which observes what this one loads). */
  readonly priority = 500;

  /** Documents whose last change could not be stored: they are on their way out, nothing is confirmed. */
  private readonly unsaved = new WeakSet<Y.Doc>();
  /** Connections are told what is on disk once their sync messages are handled. */
  private readonly confirmations = new SavedConfirmations((doc) => this.unsaved.has(doc));

  constructor(private readonly opts: { store: IncidentStore; log: (line: string) => void }) {}

  async beforeSync({ connection }: beforeSyncPayload): Promise<void> {
    this.confirmations.owe(connection);
  }

  async onLoadDocument({ document, documentName, instance }: onLoadDocumentPayload): Promise<void> {
    const { store, log } = this.opts;
    this.replayStored(document, documentName);

    document.on('update', (update: Uint8Array) => {
      try {
        store.append(documentName, update);
      } catch (err) {
        log(`not saved, evicting ${documentName}: ${(err as Error).message}`);
        this.unsaved.add(document);
        // Closes the sockets synchronously, which is what suppresses the ack (see above).
        this.evict(instance, document);
        throw err;
      }
    });
  }

  /**
   * Loads the stored rows into the document. Kept apart from onLoadDocument on purpose: a closure
   * there (the 'update' listener lives as long as the document) would keep this scope, and with it
   * the stored rows (a 100k-entry snapshot is a 21 MB buffer), alive for the document's lifetime.
   */
  private replayStored(document: LoadedDocument, documentName: string): void {
    const { store, log } = this.opts;
    let rows: StoredRow[];
    try {
      if (store.status.ok && store.pendingUpdateCount(documentName) > COMPACT_ON_LOAD_THRESHOLD) {
        log(`compacted ${documentName}: folded ${store.compact(documentName)} updates`);
      }
      rows = store.loadRows(documentName);
    } catch (err) {
      throw new SyncRefused(`store: ${(err as Error).message}`);
    }
    // A row that will not decode is skipped and reported; the incident opens with the rest.
    replayQuietly(document, () => store.applyRows(document, documentName, rows, LOAD_ORIGIN));
  }

  /** Drop the in-memory copy (it holds an unsaved change) and disconnect its clients. */
  private evict(instance: Hocuspocus, document: LoadedDocument): void {
    const sockets: WebSocket[] = document.getConnections().map((c) => c.webSocket);
    const closed = sockets.map((ws) => new Promise<void>((resolve) => (ws.readyState === ws.CLOSED ? resolve() : ws.once('close', () => resolve()))));
    // Closing the socket (not just the document channel) makes the provider reconnect on its own.
    sockets.forEach((ws) => ws.close(STORE_FAILED_CLOSE_CODE, 'store-error'));
    void Promise.all(closed).then(() => {
      if (instance.documents.get(document.name) === document) {
        instance.documents.delete(document.name);
        document.destroy();
      }
    });
  }
}
