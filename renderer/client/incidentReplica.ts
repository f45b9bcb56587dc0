// A copy of an incident kept in this browser's IndexedDB (y-indexeddb), so opening it again syncs
// only what changed on the host while it was closed, instead of downloading the whole document.
//  - One database per host and incident: the host's data dir names the host, so two hosts (or two
//    data dirs) serving an incident with the same id never share a copy.
//  - Beside the updates it keeps what the host has said is on its disk (its saved vectors). A copy
//    is used again only if the host's document still holds all of that: an incident deleted and
//    imported again under the same id starts from other Yjs clients, so its host lacks them, and
//    merging the old copy into it would bring back what the new document never had. Such a copy is
//    deleted and the incident opens by a full sync, as the first time.
//  - Changes made here that the host never confirmed stay in the copy and count as unsaved; the
//    sync on re-open sends them to the host. Only the host's word makes them "Saved".
import * as idb from 'lib0/indexeddb';
import { IndexeddbPersistence, clearDocument } from 'y-indexeddb';
import type * as Y from 'yjs';
import { incidentDocName } from '../../shared/protocol/api';

/** Prefix of every replica database's name, so the app's other databases are never touched. */
export const REPLICA_DB_PREFIX = 'warroom-replica';
/** The key, in y-indexeddb's `custom` store, of the clocks the host has confirmed as on its disk. */
const CONFIRMED_KEY = 'host-confirmed';

/** Where the host is known to have a replica's history: client id → clock, as saved vectors say. */
export type ClockVector = ReadonlyMap<number, number>;

/** The database holding one incident's replica from one host. */
export function replicaName(hostKey: string, incidentId: string): string {
  return `${REPLICA_DB_PREFIX}:${encodeURIComponent(hostKey)}:${incidentDocName(incidentId)}`;
}

/**
 * Whether the host's document descends from the replica: it holds everything the host confirmed to
 * the replica. A replica with no confirmation, or a host that did not say what it holds, cannot be
 * told apart from another document's, so neither is used.
 */
export function hostHoldsReplica(confirmed: ClockVector | null, hostVector: ClockVector | null): boolean {
  if (!confirmed || !hostVector || confirmed.size === 0) return false;
  for (const [client, clock] of confirmed) {
    if ((hostVector.get(client) ?? 0) < clock) return false;
  }
  return true;
}

/** Raises `into` to `clocks` where they are higher; returns whether anything rose. */
export function raiseClocks(into: Map<number, number>, clocks: ClockVector): boolean {
  let rose = false;
  for (const [client, clock] of clocks) {
    if ((into.get(client) ?? 0) >= clock) continue;
    into.set(client, clock);
    rose = true;
  }
  return rose;
}

/** The stored confirmation as a vector; anything unreadable counts as none (the copy is not used). */
export function readConfirmed(value: unknown): Map<number, number> | null {
  if (!Array.isArray(value)) return null;
  const clocks = new Map<number, number>();
  for (const pair of value) {
    if (!Array.isArray(pair) || pair.length !== 2 || !pair.every((n) => Number.isSafeInteger(n) && n >= 0)) return null;
    clocks.set(pair[0] as number, pair[1] as number);
  }
  return clocks;
}

/** Whether this page can keep replicas at all (a browser with IndexedDB; not Node tests). */
export function replicasAvailable(): boolean {
  return typeof indexedDB !== 'undefined';
}

/** y-indexeddb's object stores, created the same way it creates them. */
function createStores(db: IDBDatabase): void {
  idb.createStores(db, [['updates', { autoIncrement: true }], ['custom']]);
}

/** What the stored replica says the host confirmed, without applying anything to a document. */
export async function storedConfirmation(name: string): Promise<Map<number, number> | null> {
  const db = await idb.openDB(name, createStores);
  try {
    const [custom] = idb.transact(db, ['custom'], 'readonly');
    return readConfirmed(await idb.get(custom!, CONFIRMED_KEY));
  } finally {
    db.close();
  }
}

/** Deletes a replica that is not used again, so its updates can never be applied to another document. */
export function discardReplica(name: string): Promise<void> {
  return clearDocument(name);
}

/**
 * The replica attached to a document: loads what is stored (on construction, with this object's
 * persistence as the transaction origin), then stores every later update. dispose() closes the
 * IndexedDB handle.
 */
export class IncidentReplica {
  private readonly persistence: IndexeddbPersistence;
  private readonly confirmed = new Map<number, number>();

  constructor(name: string, doc: Y.Doc) {
    this.persistence = new IndexeddbPersistence(name, doc);
  }

  /** The origin of the transaction that applies the stored updates. */
  get origin(): unknown {
    return this.persistence;
  }

  /**
   * Resolves once the stored updates are in the document; rejects when the database cannot be
   * opened (y-indexeddb's own promise would then wait for good, and the socket with it).
   */
  loaded(): Promise<void> {
    const unopenable = this.persistence._db.then(() => new Promise<never>(() => {}));
    return Promise.race([this.persistence.whenSynced.then(() => undefined), unopenable]);
  }

  /**
   * Records what the host confirmed as on its disk. The write spans the updates store too, so
   * IndexedDB commits it after every update already written (the whole state written on attach
   * among them): a stored confirmation always comes with the copy it was given for.
   */
  async confirm(clocks: ClockVector): Promise<void> {
    if (!raiseClocks(this.confirmed, clocks)) return;
    try {
      const db = await this.persistence._db;
      const [, custom] = idb.transact(db, ['updates', 'custom']);
      await idb.put(custom!, [...this.confirmed] as never, CONFIRMED_KEY);
    } catch {
      // Closed (the incident was left) or refused (storage full): the copy keeps the older
      // confirmation, which only makes the next open sync a little more.
    }
  }

  dispose(): void {
    // Closing a database that never opened has nothing to close.
    this.persistence.destroy().catch(() => {});
  }
}
