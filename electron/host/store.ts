// The SQLite store: an append-only log of Yjs updates per incident document, folded into
// snapshots by compaction, plus the derived `incidents` index the home screen lists.
// The binding is synchronous, so an update is on disk (WAL, synchronous=FULL) when append() returns.
import path from 'node:path';
import * as Y from 'yjs';
import type { StoreStatus } from '../../shared/protocol/api';
import type { IncidentSummary } from '../../shared/model/types';
import { closeDatabase, inTransaction, openDatabase, pragmaValue, StatementCache, type SqliteDatabase } from './sqlite';
import { checkDatabaseFile, describeWriteError, StoreError } from './storeCheck';
import { migrateStore } from './storeSchema';
import { ensurePrivateDir, sqliteFiles, tightenExisting } from './privateFiles';

export { StoreError };

export const DB_FILE_NAME = 'warroom.db';
/** SQLite's own default ceiling for max_page_count; restoring it lifts a simulated full disk. */
const SQLITE_DEFAULT_MAX_PAGES = 4294967294;
/** A probe writes this much, so it needs fresh pages just as a real update would. */
const PROBE_BYTES = 64 * 1024;



export interface StoreOptions {
  /** Test-only: simulate a full disk by capping the database at this many pages (SQLITE_FULL). */
  maxPageCount?: number;
}

interface IncidentRow {
  id: string; title: string; severity: string; status: string; detected_at: string | null; resolved_at: string | null;
  created_at: string; time_zone: string; entry_count: number; updated_at: string;
}

export class IncidentStore {
  readonly file: string;
  private db: SqliteDatabase | null = null;
  private statements: StatementCache | null = null;
  private current: StoreStatus;
  private readonly listeners = new Set<(status: StoreStatus) => void>();

  private constructor(file: string) {
    this.file = file;
    this.current = { ok: true, dbFile: file };
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
      if (!check.marked) inTransaction(db, () => migrateStore(db));
      db.exec('PRAGMA journal_mode = WAL');
      // The file is ours (checked above): it and its WAL and SHM are for this user only.
      tightenExisting(sqliteFiles(store.file).map((file) => ({ path: file })));
      if (opts.maxPageCount !== undefined) db.exec(`PRAGMA max_page_count = ${Math.floor(opts.maxPageCount)}`);
      store.db = db;
      store.statements = new StatementCache(db);
    } catch (err) {
      store.current = { ok: false, file: store.file, reason: describeWriteError(err, store.file) };
    }
    return store;
  }

  get status(): StoreStatus {
    return this.current;
  }

  onStatus(listener: (status: StoreStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Snapshot first (if any), then every later update, in arrival order. */
  loadUpdates(docName: string): Uint8Array[] {
    const snap = this.sql('SELECT data, upto_seq FROM snapshots WHERE doc = ?').get(docName) as
      | { data: Uint8Array; upto_seq: number }
      | undefined;
    const rows = this.sql('SELECT data FROM updates WHERE doc = ? AND seq > ? ORDER BY seq').all(docName, snap?.upto_seq ?? 0) as Array<{
      data: Uint8Array;
    }>;
    // Used as read: copying a 29 MB snapshot again would only raise the host's peak memory.
    return [...(snap ? [snap.data] : []), ...rows.map((r) => r.data)];
  }

  /** Loads a document's stored state into a fresh Y.Doc, or null when nothing is stored. */
  loadDoc(docName: string): Y.Doc | null {
    const updates = this.loadUpdates(docName);
    if (updates.length === 0) return null;
    const doc = new Y.Doc();
    doc.transact(() => updates.forEach((u) => Y.applyUpdate(doc, u)));
    return doc;
  }

  hasDoc(docName: string): boolean {
    return this.sql('SELECT 1 FROM snapshots WHERE doc = ? UNION ALL SELECT 1 FROM updates WHERE doc = ? LIMIT 1').get(docName, docName) !== undefined;
  }

  docNames(): string[] {
    const rows = this.sql('SELECT doc FROM snapshots UNION SELECT DISTINCT doc FROM updates').all() as Array<{ doc: string }>;
    return rows.map((r) => r.doc);
  }

  /** Updates stored after the document's snapshot (what the next load must replay). */
  pendingUpdateCount(docName: string): number {
    const snap = this.sql('SELECT upto_seq FROM snapshots WHERE doc = ?').get(docName) as { upto_seq: number } | undefined;
    const row = this.sql('SELECT COUNT(*) AS n FROM updates WHERE doc = ? AND seq > ?').get(docName, snap?.upto_seq ?? 0) as { n: number };
    return row.n;
  }

  /** Appends one update durably. On failure the store enters error state and this throws. */
  append(docName: string, update: Uint8Array): void {
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
        const state = Y.encodeStateAsUpdate(doc);
        doc.destroy();
        this.sql('INSERT OR REPLACE INTO snapshots(doc, data, upto_seq, at) VALUES (?, ?, ?, ?)').run(docName, state, maxRow.m, nowInstant());
        this.sql('DELETE FROM updates WHERE doc = ? AND seq <= ?').run(docName, maxRow.m);
        folded = maxRow.n;
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

  /** Test-only simulation of a full disk: cap the file at its current size, or lift the cap. */
  simulateDiskFull(full: boolean): void {
    if (!this.db) return;
    const pages = full ? Number(pragmaValue(this.db, 'page_count')) : SQLITE_DEFAULT_MAX_PAGES;
    this.db.exec(`PRAGMA max_page_count = ${pages}`);
  }

  close(): void {
    if (this.db) closeDatabase(this.db);
    this.db = null;
    this.statements = null;
    this.listeners.clear();
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
    ).run(s.id, s.title, s.severity, s.status, s.detectedAt, s.resolvedAt, s.createdAt, s.timeZone, s.entryCount, s.updatedAt);
  }

  private setStatus(status: StoreStatus): void {
    this.current = status;
    for (const listener of this.listeners) listener(status);
  }
}

function rowToSummary(r: IncidentRow): IncidentSummary {
  return {
    id: r.id,
    title: r.title,
    severity: r.severity as IncidentSummary['severity'],
    status: r.status as IncidentSummary['status'],
    detectedAt: r.detected_at,
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
