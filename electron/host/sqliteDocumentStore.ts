// The embedded SQLite store behind the one store interface (documentStore.ts). IncidentStore and
// its token tables stay synchronous (the desktop host appends inside the Yjs 'update' event and
// relies on that); this wraps them for code written against the interface, such as
// `warroom migrate` and the team server run on a data dir.
import * as Y from 'yjs';
import type { Disposable } from '../../shared/lifecycle/disposable';
import type { DocumentStore, IntakeTokenStore, RoomTokenStore } from './documentStore';
import { IntakeTokens } from './intake/intakeTokens';
import { RoomTokens } from './sharing/roomTokens';
import { IncidentStore, StoreError } from './store';

export class SqliteDocumentStore implements DocumentStore {
  readonly location: string;
  readonly roomTokens: RoomTokenStore;
  readonly intakeTokens: IntakeTokenStore;
  private readonly rooms: RoomTokens;

  private constructor(readonly store: IncidentStore) {
    this.location = store.file;
    this.rooms = new RoomTokens(store);
    const rooms = this.rooms;
    const intake = new IntakeTokens(store);
    this.roomTokens = {
      create: async (opts) => rooms.create(opts),
      revoke: async (id) => rooms.revoke(id),
      list: async (incidentId) => rooms.list(incidentId),
      verify: async (secret) => rooms.verify(secret),
      isRevoked: async (id) => rooms.isRevoked(id),
    };
    this.intakeTokens = {
      create: async (source, rule) => intake.create(source, rule),
      revoke: async (id) => intake.revoke(id),
      list: async () => intake.list(),
      verify: async (secret) => intake.verify(secret),
    };
  }

  /** The interface over a store already open; closing it closes that store. */
  static over(store: IncidentStore): SqliteDocumentStore {
    return new SqliteDocumentStore(store);
  }

  /** Opens `<dataDir>/warroom.db` as IncidentStore does; an unusable store is an error here. */
  static open(dataDir: string): SqliteDocumentStore {
    const store = IncidentStore.open(dataDir);
    if (!store.status.ok) {
      store.close();
      throw new StoreError(`store unusable: ${store.status.file}: ${store.status.reason}`);
    }
    return new SqliteDocumentStore(store);
  }

  async loadUpdates(docName: string): Promise<Uint8Array[]> {
    return this.store.loadRows(docName).map((row) => row.data);
  }

  async append(docName: string, update: Uint8Array): Promise<void> {
    this.store.append(docName, update);
  }

  async appendNewDoc(docName: string, update: Uint8Array, summary: Parameters<IncidentStore['appendNewDoc']>[2]): Promise<void> {
    this.store.appendNewDoc(docName, update, summary);
  }

  async compact(docName: string): Promise<number> {
    return this.store.compact(docName);
  }

  async pendingUpdateCount(docName: string): Promise<number> {
    return this.store.pendingUpdateCount(docName);
  }

  async docNames(): Promise<string[]> {
    return this.store.docNames();
  }

  async hasDoc(docName: string): Promise<boolean> {
    return this.store.hasDoc(docName);
  }

  async upsertSummary(summary: Parameters<IncidentStore['upsertSummary']>[0]): Promise<void> {
    this.store.upsertSummary(summary);
  }

  async listSummaries() {
    return this.store.listSummaries();
  }

  async getSummary(id: string) {
    return this.store.getSummary(id);
  }

  onRoomTokenRevoked(listener: (tokenId: string) => void): Disposable {
    return this.rooms.onRevoke(listener);
  }

  async ping(): Promise<void> {
    if (!this.store.probe()) throw new StoreError(this.store.status.ok ? `${this.location} is closed` : this.store.status.reason);
  }

  async close(): Promise<void> {
    this.store.close();
  }
}

/** A document's state from any store: every stored update applied to a fresh Y.Doc (null when none). */
export async function loadStoredDoc(store: DocumentStore, docName: string): Promise<Y.Doc | null> {
  const updates = await store.loadUpdates(docName);
  if (updates.length === 0) return null;
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const update of updates) Y.applyUpdate(doc, update);
  });
  return doc;
}
