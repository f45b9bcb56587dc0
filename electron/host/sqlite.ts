// The one door to SQLite. @photostructure/sqlite is node:sqlite's API built as an N-API module,
// so the same install loads in Node (the CLI, the tests) and in Electron's main process, with no
// rebuild per ABI. Statements are synchronous: when run() returns, SQLite has done the write
// (with WAL and synchronous=FULL, durably).
import { DatabaseSync, type DatabaseSyncInstance, type StatementSyncInstance } from '@photostructure/sqlite';
import { pathToFileURL } from 'node:url';

export type SqliteDatabase = DatabaseSyncInstance;
export type SqliteStatement = StatementSyncInstance;

export interface OpenOptions {
  /** Opened read-only: nothing, not even the journal mode, can be changed through it. */
  readOnly?: boolean;
  /**
   * Read-only, without locks and without the -wal and -shm files that even a read-only connection
   * to a WAL database creates beside it (SQLite's `immutable=1`). Only for a file that nothing else
   * has open: a WAL database is read from its main file alone.
   */
  immutable?: boolean;
}

/** Opens (or, unless read-only, creates) a database file. A missing file opened read-only throws. */
export function openDatabase(file: string, opts: OpenOptions = {}): SqliteDatabase {
  if (opts.immutable) {
    const url = pathToFileURL(file);
    url.search = 'immutable=1';
    return new DatabaseSync(url, { readOnly: true });
  }
  return new DatabaseSync(file, { readOnly: opts.readOnly ?? false });
}

/**
 * Closes a database, first folding its WAL into the main file. The binding (1.x, the line that
 * still supports Node 20) leaves a connection open until garbage collection finalizes its
 * prepared statements, and that late close would checkpoint whatever the WAL still holds; a
 * checkpoint now leaves it nothing to write. A failed checkpoint (a full disk) loses nothing:
 * the WAL is replayed on the next open.
 */
export function closeDatabase(db: SqliteDatabase): void {
  if (!db.isOpen) return;
  try {
    db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  } catch {
    // Kept in the WAL (see above), or a read-only connection, which has nothing to fold.
  }
  db.close();
}

/** A PRAGMA's single value (`PRAGMA name`), or undefined when it returns no row. */
export function pragmaValue(db: SqliteDatabase, name: string): unknown {
  const row = db.prepare(`PRAGMA ${name}`).get() as Record<string, unknown> | undefined;
  return row === undefined ? undefined : Object.values(row)[0];
}

/** Every row of a PRAGMA that returns a list (integrity_check, table_info…), first column only. */
export function pragmaList(db: SqliteDatabase, name: string): unknown[] {
  return (db.prepare(`PRAGMA ${name}`).all() as Array<Record<string, unknown>>).map((row) => Object.values(row)[0]);
}

/**
 * Runs fn inside BEGIN IMMEDIATE … COMMIT; any throw rolls the whole transaction back.
 * IMMEDIATE takes the write lock up front, so a second process waits at BEGIN rather than
 * failing half-way through.
 */
export function inTransaction<T>(db: SqliteDatabase, fn: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = fn();
    db.exec('COMMIT');
    return result;
  } catch (err) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw err;
  }
}

/** Prepared statements kept per database: compiling SQL on every append costs more than the insert. */
export class StatementCache {
  private readonly statements = new Map<string, SqliteStatement>();

  constructor(private readonly db: SqliteDatabase) {}

  get(sql: string): SqliteStatement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

/** SQLite's result code name for an error thrown by the binding (SQLITE_FULL, SQLITE_READONLY_…), or ''. */
export function sqliteCodeName(err: unknown): string {
  const name = (err as { sqliteCodeName?: unknown } | null)?.sqliteCodeName;
  return typeof name === 'string' ? name : '';
}
