// Persistence for the team server, where the store is a network database (PostgreSQL) and so
// asynchronous. An update a client sends is appended BEFORE Hocuspocus applies it: the frame is
// held in beforeHandleMessage, which Hocuspocus awaits before it applies the message and sends
// its acknowledgement, until the store has committed the update. A failed append drops the frame
// unapplied and closes the connection, so the client keeps the change as unsaved and sends it
// again on its next connection (to this instance or another).
// Each instance appends only what its own clients send. Updates that reach it through Redis from
// another instance were appended by that instance before it applied them, and a document is
// loaded from the store, so a loaded document's state vector is always stored: the "saved"
// confirmations (extensions/savedConfirmations.ts) are sent from it, as on the desktop host.
import type { beforeHandleMessagePayload, beforeSyncPayload, Extension, onLoadDocumentPayload } from '@hocuspocus/server';
import type WebSocket from 'ws';
import * as Y from 'yjs';
import { ROOM_CLOSE } from '../../../shared/protocol/room';
import type { DocumentStore } from '../documentStore';
import { SyncRefused } from '../extensions/authExtension';
import { COMPACT_ON_LOAD_THRESHOLD, STORE_FAILED_CLOSE_CODE } from '../extensions/persistenceExtension';
import { replayQuietly } from '../../../shared/protocol/quietSync';
import { SavedConfirmations } from '../extensions/savedConfirmations';
import { inspectFrame, SyncType, updateChangesDoc } from '../sharing/roomFrames';
import type { RoomGrant } from '../sharing/roomTokens';

/** Origin of the transaction that replays stored updates. */
const LOAD_ORIGIN = Symbol('war-room-team-store-load');

/** A frame that must not be applied: Hocuspocus applies a frame only once this hook settles. */
function dropFrame(): Promise<never> {
  return new Promise<never>(() => {});
}

export interface TeamPersistenceOptions {
  store: DocumentStore;
  log: (line: string) => void;
  /** Told of each failed and each successful store call, so the server can report an outage and its end. */
  storeFailed(err: Error): void;
  storeWorked(): void;
  /** Whether a room token was revoked (as this instance has heard). */
  isRevoked(tokenId: string): boolean;
}

export class TeamPersistenceExtension implements Extension {
  readonly extensionName = 'war-room-team-persistence';
  /** After auth, before anything observes the loaded document. */
  readonly priority = 500;
  private readonly confirmations = new SavedConfirmations();

  constructor(private readonly opts: TeamPersistenceOptions) {}

  async onLoadDocument({ document, documentName }: onLoadDocumentPayload): Promise<void> {
    const { store, log } = this.opts;
    let updates: Uint8Array[];
    try {
      if ((await store.pendingUpdateCount(documentName)) > COMPACT_ON_LOAD_THRESHOLD) {
        log(`compacted ${documentName}: folded ${await store.compact(documentName)} updates`);
      }
      updates = await store.loadUpdates(documentName);
      this.opts.storeWorked();
    } catch (err) {
      this.opts.storeFailed(err as Error);
      throw new SyncRefused(`store: ${(err as Error).message}`);
    }
    replayQuietly(document, () =>
      document.transact(() => {
        for (const update of updates) Y.applyUpdate(document, update);
      }, LOAD_ORIGIN),
    );
  }

  async beforeHandleMessage({ connection, context, document, documentName, update }: beforeHandleMessagePayload): Promise<void> {
    // The frame gate has already checked the frame's structure and its update's validity.
    const frame = inspectFrame(update, { checkUpdates: false });
    if (frame.kind !== 'sync' || frame.syncType === SyncType.Step1) return;
    if (!updateChangesDoc(document, frame.payload)) return;
    const ws = connection.webSocket as WebSocket;
    const room = (context as { room?: RoomGrant } | null)?.room;
    if (room?.role === 'observer') {
      ws.close(ROOM_CLOSE.observerReadOnly.code, ROOM_CLOSE.observerReadOnly.reason);
      return dropFrame();
    }
    if (room && this.opts.isRevoked(room.tokenId)) {
      ws.close(ROOM_CLOSE.tokenRevoked.code, ROOM_CLOSE.tokenRevoked.reason);
      return dropFrame();
    }
    try {
      await this.opts.store.append(documentName, frame.payload);
      this.opts.storeWorked();
    } catch (err) {
      this.opts.storeFailed(err as Error);
      this.opts.log(`not saved, closing a connection to ${documentName}: ${(err as Error).message}`);
      ws.close(STORE_FAILED_CLOSE_CODE, 'store-error');
      return dropFrame();
    }
  }

  async beforeSync({ connection }: beforeSyncPayload): Promise<void> {
    this.confirmations.owe(connection);
  }
}
