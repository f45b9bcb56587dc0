// The search index's own SQLite file beside the store: `<dataDir>/search.db`. It is derived data
// (rebuilt by `warroom reindex`), so it lives apart from warroom.db: the store's check on every
// open runs PRAGMA integrity_check, which since SQLite 3.44 also verifies every FTS5 index against
// its content; with the index inside warroom.db that check took 13 s instead of 0.18 s at 1M entries.
// Being rebuildable, it is written with synchronous=NORMAL.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { closeDatabase, inTransaction, openDatabase, pragmaValue, type SqliteDatabase } from '../sqlite';
import { sqliteFiles, tightenExisting } from '../privateFiles';

export const SEARCH_DB_FILE_NAME = 'search.db';
/** "WRSI" in ASCII: the header's application_id of War Room's search index. */
export const SEARCH_APPLICATION_ID = 0x57525349;
/** Raise with a change of the tables below; an older index is dropped and rebuilt (it is derived). */
export const SEARCH_SCHEMA_VERSION = 1;

/**
 * `search_rows` says what each FTS row is; `search_text` holds its words (same rowid), with prefix
 * indexes for the short prefixes of typing; `search_terms` lists its words, to complete longer ones;
 * `search_profile` is one row per incident for "similar incidents"; `search_indexed` is how far into
 * each document's stored updates the index has read, so a restart catches up what it missed.
 */
const SEARCH_SCHEMA = `
CREATE TABLE IF NOT EXISTS search_rows(id INTEGER PRIMARY KEY, incident_id TEXT NOT NULL, kind TEXT NOT NULL, record_id TEXT NOT NULL,
  part TEXT NOT NULL, entry_id TEXT, at TEXT, retracted INTEGER NOT NULL, key_event INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS search_rows_by_record ON search_rows(incident_id, kind, record_id);
CREATE INDEX IF NOT EXISTS search_rows_key_events ON search_rows(incident_id) WHERE key_event = 1 AND retracted = 0;
CREATE VIRTUAL TABLE IF NOT EXISTS search_text USING fts5(body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4');
CREATE VIRTUAL TABLE IF NOT EXISTS search_terms USING fts5vocab(search_text, 'row');
CREATE VIRTUAL TABLE IF NOT EXISTS search_profile USING fts5(incident_id UNINDEXED, title, summary, key_events, tokenize = 'unicode61 remove_diacritics 2');
CREATE TABLE IF NOT EXISTS search_indexed(doc TEXT PRIMARY KEY, upto_seq INTEGER NOT NULL);
`;
const SEARCH_TABLES = ['search_rows', 'search_text', 'search_terms', 'search_profile', 'search_indexed'];

/**
 * Opens (or creates) the index file beside the store file. A file of that name that is not War
 * Room's index is refused and left untouched (throws, naming it); an index of another version is
 * emptied, to be rebuilt.
 */
export function openSearchDatabase(storeFile: string): SqliteDatabase {
  const file = path.join(path.dirname(storeFile), SEARCH_DB_FILE_NAME);
  const existed = existsSync(file);
  const db = openDatabase(file);
  try {
    const applicationId = Number(pragmaValue(db, 'application_id'));
    const foreignTables = (db.prepare("SELECT COUNT(*) AS n FROM sqlite_schema WHERE name NOT LIKE 'search\\_%' ESCAPE '\\'").get() as { n: number }).n > 0;
    if (existed && applicationId !== SEARCH_APPLICATION_ID && (applicationId !== 0 || foreignTables)) {
      throw new Error(`${file} is not War Room's search index (application_id ${applicationId}); it was left untouched and search is off until it is moved away`);
    }
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = NORMAL');
    inTransaction(db, () => {
      if (Number(pragmaValue(db, 'user_version')) !== SEARCH_SCHEMA_VERSION) for (const table of SEARCH_TABLES) db.exec(`DROP TABLE IF EXISTS ${table}`);
      db.exec(SEARCH_SCHEMA);
      db.exec(`PRAGMA application_id = ${SEARCH_APPLICATION_ID}`);
      db.exec(`PRAGMA user_version = ${SEARCH_SCHEMA_VERSION}`);
    });
    tightenExisting(sqliteFiles(file).map((f) => ({ path: f })));
    return db;
  } catch (err) {
    closeDatabase(db);
    throw err;
  }
}
