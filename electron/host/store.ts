// The SQLite store: an append-only log of Yjs updates per incident document, folded into
// snapshots by compaction, plus the derived `incidents` index the home screen lists.
// The binding is synchronous, so an update is on disk (WAL, synchronous=FULL) when append() returns.
import path from 'node:path';
import * as Y from 'yjs';
import type { StoreStatus } from '../../shared/protocol/api';
import { describeUnreadableRow, type UnreadableRow } from '../../shared/protocol/unreadableRows';
import type { IncidentSummary } from '../../shared/model/types';
import { closeDatabase, inTransaction, openDatabase, pragmaValue, StatementCache, type SqliteDatabase } from './sqlite';
import { checkDatabaseFile, describeWriteError, StoreError } from './storeCheck';
import { ensurePrivateDir, sqliteFiles, tightenExisting } from './privateFiles';
import { migrateStore, storeNeedsMigration } from './storeSchema';
import { UnreadableRowLedger, type StoredTable } from './unreadableRows';
import type { Disposable } from '../../shared/lifecycle/disposable';
import { Emitter } from '../../shared/lifecycle/emitter';

export { StoreError };

export const DB_FILE_NAME = 'warroom.db';
/** SQLite's own default ceiling for max_page_count; restoring it lifts a size limit. */
const SQLITE_DEFAULT_MAX_PAGES = 4294967294;
/** A probe writes this much, so it needs fresh pages just as a real update would. */
const PROBE_BYTES = 64 * 1024;

export interface StoreOptions {
  /** Test-only: simulate a full disk by capping the database at this many pages (SQLITE_FULL). */
  maxPageCount?: number;
}

/** One stored piece of a document: its snapshot or one update, and where it is kept. */
export interface StoredRow {
  table: StoredTable;
  rowId: number;
  data: Uint8Array;
}

/** An `incidents` index row as both stores keep it (the PostgreSQL store's columns are the same). */
export interface IncidentRow {
  id: string; title: string; severity: string; status: string; detected_at: string | null; resolved_at: string | null;
  created_at: string; time_zone: string; entry_count: number; updated_at: string;
}

export class IncidentStore {
  readonly file: string;
  private db: SqliteDatabase | null = null;
  private statements: StatementCache | null = null;
  private current: StoreStatus;
  private readonly statusChanged = new Emitter<StoreStatus>();
  private readonly unreadable: UnreadableRowLedger;

  private constructor(file: string) {
    this.file = file;
    this.current = { ok: true, dbFile: file };
    this.unreadable = new UnreadableRowLedger(
      file,
      (doc, table, rowId) => this.sql('SELECT 1 FROM unreadable_row_acks WHERE doc = ? AND tbl = ? AND row_id = ?').get(doc, table, rowId) !== undefined,
      () => this.emit(),
    );
  }

  /** Opens (or creates) `<dataDir>/warroom.db`. Never throws: a bad file puts the store in error state. */
  static open(dataDir: string, opts: StoreOptions = {}): IncidentStore {
    const store = new IncidentStore(path.join(dataDir, DB_FILE_NAME));
    try {
      ensurePrivateDir(dataDir);
    } catch (err) {
      store.current = { ok: false, file: store.file, reason: `${dataDir} could not be created: ${(err as Error).message}` };
      return store;
    }
    const check = checkDatabaseFile(store.file);
    if (!check.ok) {
      store.current = { ok: false, file: store.file, reason: check.reason };
      return store;
    }
    try {
      const db = openDatabase(store.file);
      db.exec('PRAGMA synchronous = FULL');
      // Tables and marks first, in one transaction (a new file is still in rollback mode here), then WAL.
      if (storeNeedsMigration(db, check.marked)) inTransaction(db, () => migrateStore(db));
      db.exec('PRAGMA journal_mode = WAL');
      // The file is ours (checked above): it and its WAL and SHM are for this user only.
      tightenExisting(sqliteFiles(store.file).map((file) => ({ path: file })));
      if (opts.maxPageCount !== undefined) db.exec(`PRAGMA max_page_count = ${Math.floor(opts.maxPageCount)}`);
      store.db = db;
      store.statements = new StatementCache(db);
    } catch (err) {
      store.current = { ok: false, file: store.file, reason: describeWriteError(err, store.file) };
      return store;
    }
    store.scanUpdates();
    return store;
  }

  /** The store's state; while usable, with every row known not to decode. */
  get status(): StoreStatus {
    if (!this.current.ok) return this.current;
    const rows = this.unreadable.all();
    return rows.length > 0 ? { ...this.current, unreadableRows: rows } : this.current;
  }

  /** Heard until disposed, or until the store closes. */
  onStatus(listener: (status: StoreStatus) => void): Disposable {
    return this.statusChanged.event(listener);
  }

  /** Snapshot first (if any), then every later update, in arrival order. */
  loadRows(docName: string): StoredRow[] {
    const snap = this.sql('SELECT rowid AS id, data, upto_seq FROM snapshots WHERE doc = ?').get(docName) as
      | { id: number; data: Uint8Array; upto_seq: number }
      | undefined;
    // Acknowledged unreadable rows outlive compaction below the snapshot; read them too, so they stay reported.
    const rows = this.sql(
      `SELECT seq, data FROM updates WHERE doc = ? AND (seq > ? OR seq IN (SELECT row_id FROM unreadable_row_acks WHERE doc = ? AND tbl = 'updates')) ORDER BY seq`,
    ).all(docName, snap?.upto_seq ?? 0, docName) as Array<{
      seq: number;
      data: Uint8Array;
    }>;
    // Used as read: copying a 29 MB snapshot again would only raise the host's peak memory.
    return [
      ...(snap ? [{ table: 'snapshots' as const, rowId: snap.id, data: snap.data }] : []),
      ...rows.map((r) => ({ table: 'updates' as const, rowId: r.seq, data: r.data })),
    ];
  }

  /**
   * Applies a document's stored rows one by one, in one transaction. A row that will not decode
   * does not take the document down: it is skipped, kept in the file, and reported (status,
   * unreadableRowsOf); every other row is applied.
   */
  applyRows(doc: Y.Doc, docName: string, rows: StoredRow[], origin: unknown = null): void {
    const bad = [] as UnreadableRow[];
    doc.transact(() => {
      for (const row of rows) {
        try {
          Y.applyUpdate(doc, row.data);
        } catch (err) {
          bad.push(this.unreadable.row(docName, row.table, row.rowId, err));
        }
      }
    }, origin);
    this.unreadable.setDoc(docName, bad);
  }

  /** Loads a document's stored state into a fresh Y.Doc, or null when nothing is stored. */
  loadDoc(docName: string): Y.Doc | null {
    const rows = this.loadRows(docName);
    if (rows.length === 0) return null;
    const doc = new Y.Doc();
    this.applyRows(doc, docName, rows);
    return doc;
  }

  /** Rows of the document known not to decode (after it was read, or the scan on open). */
  unreadableRowsOf(docName: string): UnreadableRow[] {
    return this.unreadable.forDoc(docName);
  }

  /** Whether writing to the document waits for the user to acknowledge an unreadable row. */
  writeHeldBack(docName: string): boolean {
    return this.unreadable.blocking(docName) !== undefined;
  }

  /** The user has seen the document's unreadable rows: they stay, and writing resumes. Returns how many were new. */
  acknowledgeUnreadable(docName: string): number {
    const rows = this.unreadable.forDoc(docName).filter((r) => !r.acknowledged);
    if (rows.length === 0) return 0;
    const at = nowInstant();
    this.write(() =>
      inTransaction(this.readable(), () => {
        for (const r of rows) this.sql('INSERT OR IGNORE INTO unreadable_row_acks(doc, tbl, row_id, acknowledged_at) VALUES (?, ?, ?, ?)').run(docName, r.table, r.rowId, at);
      }),
    );
    return this.unreadable.acknowledge(docName).length;
  }

  hasDoc(docName: string): boolean {
    return this.sql('SELECT 1 FROM snapshots WHERE doc = ? UNION ALL SELECT 1 FROM updates WHERE doc = ? LIMIT 1').get(docName, docName) !== undefined;
  }

  docNames(): string[] {
    const rows = this.sql('SELECT doc FROM snapshots UNION SELECT DISTINCT doc FROM updates').all() as Array<{ doc: string }>;
    return rows.map((r) => r.doc);
  }

  /**
   * Each stored document's newest row number (its update's seq, or the seq its snapshot folds up to):
   * it grows with every change, so a row derived from the document is stale exactly when it moved.
   */
  docVersions(): Map<string, number> {
    const rows = this.sql(
      'SELECT doc, MAX(seq) AS version FROM (SELECT doc, seq FROM updates UNION ALL SELECT doc, upto_seq AS seq FROM snapshots) GROUP BY doc',
    ).all() as Array<{ doc: string; version: number }>;
    return new Map(rows.map((r) => [r.doc, r.version]));
  }

  /** How far the store holds the document: its last update's seq, else its snapshot's (0 when none). For derived indexes. */
  storedUpto(docName: string): number {
    const row = this.sql('SELECT MAX(upto) AS upto FROM (SELECT MAX(seq) AS upto FROM updates WHERE doc = ? UNION ALL SELECT upto_seq FROM snapshots WHERE doc = ?)').get(docName, docName) as
      | { upto: number | null }
      | undefined;
    return row?.upto ?? 0;
  }

  /** storedUpto of every document. */
  storedUptoByDoc(): Map<string, number> {
    const rows = this.sql('SELECT doc, MAX(upto) AS upto FROM (SELECT doc, MAX(seq) AS upto FROM updates GROUP BY doc UNION ALL SELECT doc, upto_seq FROM snapshots) GROUP BY doc').all() as Array<{
      doc: string;
      upto: number;
    }>;
    return new Map(rows.map((r) => [r.doc, r.upto]));
  }

  /** Updates stored after the document's snapshot (what the next load must replay). */
  pendingUpdateCount(docName: string): number {
    const snap = this.sql('SELECT upto_seq FROM snapshots WHERE doc = ?').get(docName) as { upto_seq: number } | undefined;
    const row = this.sql('SELECT COUNT(*) AS n FROM updates WHERE doc = ? AND seq > ?').get(docName, snap?.upto_seq ?? 0) as { n: number };
    return row.n;
  }

  /**
   * Appends one update durably. On failure the store enters error state and this throws. A document
   * with an unacknowledged unreadable row takes nothing new (StoreError), and the store stays usable.
   */
  append(docName: string, update: Uint8Array): void {
    const held = this.unreadable.blocking(docName);
    if (held) throw new StoreError(describeUnreadableRow(held));
    this.write(() => this.insertUpdate(docName, update));
  }

  /** Writes a whole new document and its index row in one transaction: all or nothing. */
  appendNewDoc(docName: string, update: Uint8Array, summary: IncidentSummary): void {
    this.write(() =>
      inTransaction(this.readable(), () => {
        this.insertUpdate(docName, update);
        this.upsertRow(summary);
      }),
    );
  }

  /** Folds the snapshot and every update into one snapshot, in one transaction. Returns rows folded. */
  compact(docName: string): number {
    let folded = 0;
    this.write(() =>
      inTransaction(this.readable(), () => {
        const maxRow = this.sql('SELECT MAX(seq) AS m, COUNT(*) AS n FROM updates WHERE doc = ?').get(docName) as { m: number | null; n: number };
        if (maxRow.m === null) return;
        const doc = this.loadDoc(docName) as Y.Doc;
        // Rows that did not decode are never deleted: before they are acknowledged the document is
        // held as it is, and a bad snapshot would be replaced; acknowledged update rows stay beside
        // the new snapshot (loadRows keeps reading them, so they stay reported).
        const unreadable = this.unreadable.forDoc(docName);
        if (unreadable.some((r) => !r.acknowledged || r.table === 'snapshots')) {
          doc.destroy();
          return;
        }
        const state = Y.encodeStateAsUpdate(doc);
        doc.destroy();
        this.sql('INSERT OR REPLACE INTO snapshots(doc, data, upto_seq, at) VALUES (?, ?, ?, ?)').run(docName, state, maxRow.m, nowInstant());
        const deleted = this.sql(
          `DELETE FROM updates WHERE doc = ? AND seq <= ? AND seq NOT IN (SELECT row_id FROM unreadable_row_acks WHERE doc = ? AND tbl = 'updates')`,
        ).run(docName, maxRow.m, docName);
        folded = Number(deleted.changes);
      }),
    );
    return folded;
  }

  upsertSummary(summary: IncidentSummary): void {
    this.write(() => this.upsertRow(summary));
  }

  listSummaries(): IncidentSummary[] {
    const rows = this.sql('SELECT * FROM incidents ORDER BY created_at DESC, id DESC').all() as IncidentRow[];
    return rows.map(rowToSummary);
  }

  getSummary(id: string): IncidentSummary | undefined {
    const row = this.sql('SELECT * FROM incidents WHERE id = ?').get(id) as IncidentRow | undefined;
    return row && rowToSummary(row);
  }

  /**
   * Keeps a document's first screen (JSON of shared/model/firstScreen.ts), read from a document
   * holding every update stored so far. Derived data like the index, so it is never written while
   * the store is unusable.
   */
  saveFirstScreen(docName: string, json: string): void {
    this.write(() => this.sql('INSERT OR REPLACE INTO first_screens(doc, data, upto_seq, at) VALUES (?, ?, ?, ?)').run(docName, json, this.lastSeq(docName), nowInstant()));
  }

  /**
   * The document's stored first screen as JSON; undefined when none was written or when an update
   * arrived after it (a write that bypassed the loaded document, e.g. `warroom import-timeline`).
   */
  firstScreen(docName: string): string | undefined {
    const row = this.sql('SELECT data, upto_seq FROM first_screens WHERE doc = ?').get(docName) as { data: string; upto_seq: number } | undefined;
    return row && row.upto_seq >= this.lastSeq(docName) ? row.data : undefined;
  }

  private lastSeq(docName: string): number {
    const row = this.sql('SELECT MAX(seq) AS m FROM updates WHERE doc = ?').get(docName) as { m: number | null };
    return row.m ?? 0;
  }

  /** The open database, for tables kept beside the documents (sharing/roomTokens.ts). Throws when unusable. */
  database(): SqliteDatabase {
    return this.readable();
  }

  /** Tries a throw-away write; when it succeeds after a failure, the store is usable again. */
  probe(): boolean {
    if (!this.db) return false;
    const db = this.db;
    try {
      db.exec('BEGIN IMMEDIATE');
      try {
        db.prepare('INSERT INTO probe(data) VALUES (?)').run(new Uint8Array(PROBE_BYTES));
      } finally {
        db.exec('ROLLBACK');
      }
    } catch {
      return false;
    }
    if (!this.current.ok) this.setStatus({ ok: true, dbFile: this.file });
    return true;
  }

  /**
   * Stops the file growing past its current size (the next write that needs a page fails with
   * SQLITE_FULL, as on a full disk), or lifts that limit again. `maxPageCount` is the same at open.
   */
  limitToCurrentSize(limited: boolean): void {
    if (!this.db) return;
    const pages = limited ? Number(pragmaValue(this.db, 'page_count')) : SQLITE_DEFAULT_MAX_PAGES;
    this.db.exec(`PRAGMA max_page_count = ${pages}`);
  }

  close(): void {
    if (this.db) closeDatabase(this.db);
    this.db = null;
    this.statements = null;
    this.statusChanged.dispose();
  }

  private readable(): SqliteDatabase {
    if (!this.db) throw new StoreError(this.current.ok ? `${this.file} is closed` : this.current.reason);
    return this.db;
  }

  /** A cached prepared statement on the open database. */
  private sql(text: string) {
    this.readable();
    return (this.statements as StatementCache).get(text);
  }

  private write(fn: () => void): void {
    if (!this.current.ok) throw new StoreError(this.current.reason);
    this.readable();
    try {
      fn();
    } catch (err) {
      const reason = describeWriteError(err, this.file);
      this.setStatus({ ok: false, file: this.file, reason });
      throw new StoreError(reason);
    }
  }

  private insertUpdate(docName: string, update: Uint8Array): void {
    this.sql('INSERT INTO updates(doc, data, at) VALUES (?, ?, ?)').run(docName, update, nowInstant());
  }

  private upsertRow(s: IncidentSummary): void {
    this.sql(
      `INSERT OR REPLACE INTO incidents(id, title, severity, status, detected_at, resolved_at, created_at, time_zone, entry_count, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(s.id, s.title, s.severity, s.status, s.startedAt, s.resolvedAt, s.createdAt, s.timeZone, s.entryCount, s.updatedAt);
  }

  private setStatus(status: StoreStatus): void {
    this.current = status;
    this.emit();
  }

  private emit(): void {
    this.statusChanged.fire(this.status);
  }

  /** Finds the update rows that do not decode, so the list and the status report them before anyone opens the incident. */
  private scanUpdates(): void {
    const found = new Map<string, UnreadableRow[]>();
    for (const row of this.sql('SELECT seq, doc, data FROM updates').iterate() as Iterable<{ seq: number; doc: string; data: Uint8Array }>) {
      try {
        readsWhole(row.data);
      } catch (err) {
        found.set(row.doc, [...(found.get(row.doc) ?? []), this.unreadable.row(row.doc, 'updates', row.seq, err)]);
      }
    }
    for (const [doc, rows] of found) this.unreadable.setDoc(doc, rows);
  }
}

/**
 * Throws where Y.decodeUpdate would (every struct, then the delete set), without holding every
 * decoded struct at once: decodeUpdate on a 21 MB imported incident built all of its structs in one
 * array and left a freshly started host at ~196 MB RSS. Two streaming passes: the first finds each
 * client's last clock, the second reads every struct against that state vector (so none is written
 * out) and then the delete set.
 */
function readsWhole(update: Uint8Array): void {
  Y.diffUpdate(update, Y.encodeStateVector(Y.parseUpdateMeta(update).to));
}

export function rowToSummary(r: IncidentRow): IncidentSummary {
  return {
    id: r.id,
    title: r.title,
    severity: r.severity as IncidentSummary['severity'],
    status: r.status as IncidentSummary['status'],
    // The column predates impact start times; it holds where the incident's span starts.
    startedAt: r.detected_at,
    resolvedAt: r.resolved_at,
    createdAt: r.created_at,
    timeZone: r.time_zone,
    entryCount: r.entry_count,
    updatedAt: r.updated_at,
  };
}

function nowInstant(): string {
  return new Date().toISOString();
}
