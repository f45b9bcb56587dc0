// What makes a SQLite file ours: the marks in its header (application_id, user_version) and, for
// stores written before there were marks, the exact shape of their tables.
import { openDatabase, pragmaValue, type SqliteDatabase } from './sqlite';

/** "WARR" in ASCII: the SQLite header's application_id of every database War Room creates. */
export const WAR_ROOM_APPLICATION_ID = 0x57415252;
/**
 * The schema version this build writes (PRAGMA user_version). Raise it with a migration step in
 * migrateStore() whenever a table changes shape; a file with a higher number is refused.
 */
export const STORE_SCHEMA_VERSION = 4;

/** The store's own tables. `unreadable_row_acks` records which rows that would not decode the user has seen (unreadableRows.ts). */
export const STORE_SCHEMA = `
CREATE TABLE IF NOT EXISTS updates(seq INTEGER PRIMARY KEY AUTOINCREMENT, doc TEXT NOT NULL, data BLOB NOT NULL, at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS updates_by_doc ON updates(doc, seq);
CREATE TABLE IF NOT EXISTS snapshots(doc TEXT PRIMARY KEY, data BLOB NOT NULL, upto_seq INTEGER NOT NULL, at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS incidents(id TEXT PRIMARY KEY, title TEXT NOT NULL, severity TEXT NOT NULL, status TEXT NOT NULL,
  detected_at TEXT, resolved_at TEXT, created_at TEXT NOT NULL, time_zone TEXT NOT NULL, entry_count INTEGER NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS probe(data BLOB);
CREATE TABLE IF NOT EXISTS unreadable_row_acks(doc TEXT NOT NULL, tbl TEXT NOT NULL, row_id INTEGER NOT NULL, acknowledged_at TEXT NOT NULL,
  PRIMARY KEY(doc, tbl, row_id));
`;

/**
 * One step per store version after the first, applied in order to a store below it. Each step
 * only adds (tables, indexes), so an older file gains it without losing a row.
 */
const STORE_MIGRATIONS: ReadonlyArray<{ version: number; sql: string }> = [
  {
    // Alert intake: tokens (hashes only, bound to a source and a routing rule) and which incident
    // each alert's dedup key opened, so a repeat appends instead of opening a second one.
    version: 2,
    sql: `
CREATE TABLE IF NOT EXISTS intake_tokens(id TEXT PRIMARY KEY, secret_hash BLOB NOT NULL UNIQUE, source TEXT NOT NULL,
  route TEXT NOT NULL CHECK (route IN ('new', 'append')), service TEXT, severity_label TEXT NOT NULL, service_label TEXT NOT NULL,
  title_template TEXT NOT NULL, created_at TEXT NOT NULL, revoked_at TEXT);
CREATE TABLE IF NOT EXISTS intake_alerts(dedup_key TEXT NOT NULL, incident_id TEXT NOT NULL, service TEXT, source TEXT NOT NULL,
  opened_at TEXT NOT NULL, PRIMARY KEY(dedup_key, incident_id));
CREATE INDEX IF NOT EXISTS intake_alerts_by_service ON intake_alerts(service, opened_at);
`,
  },
  {
    // Alert storms: one entry per alert group per minute, with the count of alerts it stands for,
    // and every alert recorded once (a re-delivery is not counted twice).
    version: 3,
    sql: `
CREATE TABLE IF NOT EXISTS intake_groups(incident_id TEXT NOT NULL, group_key TEXT NOT NULL, minute TEXT NOT NULL, entry_id TEXT NOT NULL,
  alerts INTEGER NOT NULL, shown INTEGER NOT NULL, PRIMARY KEY(incident_id, group_key, minute));
CREATE TABLE IF NOT EXISTS intake_seen(alert_id TEXT PRIMARY KEY, at TEXT NOT NULL);
`,
  },
  {
    // Each incident's first screen (shared/model/firstScreen.ts) as JSON, derived from its document
    // like the incidents index, so opening a large incident paints without loading the document.
    // upto_seq: the last update it covers; a later update makes it stale (store.ts firstScreen).
    version: 4,
    sql: `
CREATE TABLE IF NOT EXISTS first_screens(doc TEXT PRIMARY KEY, data TEXT NOT NULL, upto_seq INTEGER NOT NULL, at TEXT NOT NULL);
`,
  },
];

/**
 * Every table a store had before the marks existed, exactly as it was created then (store.ts,
 * sharing/roomTokens.ts, replica/joinedRooms.ts). An unmarked file is taken for one of our old
 * stores only when its tables are these, column for column; it is then stamped. Frozen on purpose:
 * later shapes belong to marked files.
 */
export const UNMARKED_STORE_TABLES = `
CREATE TABLE updates(seq INTEGER PRIMARY KEY AUTOINCREMENT, doc TEXT NOT NULL, data BLOB NOT NULL, at TEXT NOT NULL);
CREATE TABLE snapshots(doc TEXT PRIMARY KEY, data BLOB NOT NULL, upto_seq INTEGER NOT NULL, at TEXT NOT NULL);
CREATE TABLE incidents(id TEXT PRIMARY KEY, title TEXT NOT NULL, severity TEXT NOT NULL, status TEXT NOT NULL,
  detected_at TEXT, resolved_at TEXT, created_at TEXT NOT NULL, time_zone TEXT NOT NULL, entry_count INTEGER NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE probe(data BLOB);
CREATE TABLE room_tokens(id TEXT PRIMARY KEY, secret_hash BLOB NOT NULL UNIQUE, code_hash BLOB NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('responder', 'observer')), incident_id TEXT NOT NULL, name TEXT, created_at TEXT NOT NULL, revoked_at TEXT);
CREATE TABLE joined_rooms(incident_id TEXT PRIMARY KEY, host TEXT NOT NULL, port INTEGER NOT NULL, token TEXT NOT NULL, tls TEXT,
  cert_pem TEXT, name TEXT NOT NULL, role TEXT, joined_at TEXT NOT NULL);
`;
/** Tables every unmarked store has: they were all created together on its first open. */
const UNMARKED_REQUIRED_TABLES = ['updates', 'snapshots', 'incidents', 'probe'];

/** What the header marks say about a database. */
export type StoreMarks =
  | { kind: 'ours' }
  | { kind: 'unmarked' }
  | { kind: 'refused'; reason: string };

/** A table's columns as PRAGMA table_info gives them (name, type, not null, default, primary key). */
function tableShapes(db: SqliteDatabase): Map<string, string> {
  const names = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name").all() as Array<{ name: string }>;
  return new Map(names.map(({ name }) => [name, JSON.stringify(db.prepare('SELECT * FROM pragma_table_info(?)').all(name))]));
}

let unmarkedShapes: Map<string, string> | null = null;
function unmarkedStoreShapes(): Map<string, string> {
  if (!unmarkedShapes) {
    const memory = openDatabase(':memory:');
    try {
      memory.exec(UNMARKED_STORE_TABLES);
      unmarkedShapes = tableShapes(memory);
    } finally {
      memory.close();
    }
  }
  return unmarkedShapes;
}

const hex = (n: number) => `0x${(n >>> 0).toString(16).padStart(8, '0')}`;

/** Reads the marks (and, when there are none, the table shapes) through a read-only connection. */
export function readStoreMarks(db: SqliteDatabase, file: string): StoreMarks {
  const applicationId = Number(pragmaValue(db, 'application_id'));
  const version = Number(pragmaValue(db, 'user_version'));
  if (applicationId === WAR_ROOM_APPLICATION_ID) {
    if (version > STORE_SCHEMA_VERSION) {
      return { kind: 'refused', reason: `${file} was made by a newer War Room (store version ${version}; this build reads up to ${STORE_SCHEMA_VERSION}). Update War Room to open it; the file was left untouched.` };
    }
    if (version < 1) return { kind: 'refused', reason: `${file} has an unknown War Room store version (${version}); the file was left untouched.` };
    return { kind: 'ours' };
  }
  const notOurs = (why: string): StoreMarks => ({ kind: 'refused', reason: `${file} is not a War Room database (${why}); the file was left untouched.` });
  if (applicationId !== 0) return notOurs(`its application_id is ${hex(applicationId)}, not War Room's ${hex(WAR_ROOM_APPLICATION_ID)}`);
  if (version !== 0) return notOurs(`it carries user_version ${version} and no War Room application_id`);
  const known = unmarkedStoreShapes();
  const shapes = tableShapes(db);
  const foreign = [...shapes.keys()].filter((name) => !known.has(name));
  if (foreign.length > 0) return notOurs(`it holds tables War Room does not make: ${foreign.join(', ')}`);
  const reshaped = [...shapes].filter(([name, shape]) => known.get(name) !== shape).map(([name]) => name);
  if (reshaped.length > 0) return notOurs(`its table${reshaped.length > 1 ? 's' : ''} ${reshaped.join(', ')} ${reshaped.length > 1 ? 'have' : 'has'} another shape than War Room's`);
  const missing = UNMARKED_REQUIRED_TABLES.filter((name) => !shapes.has(name));
  if (missing.length > 0) return notOurs(`it lacks War Room's tables ${missing.join(', ')}`);
  return { kind: 'unmarked' };
}

/** Whether a marked store lacks one of this version's tables (a store from before a table was added to it). */
export function storeTablesMissing(db: SqliteDatabase): boolean {
  const schema = [STORE_SCHEMA, ...STORE_MIGRATIONS.map((step) => step.sql)].join('\n');
  const wanted = [...schema.matchAll(/CREATE TABLE IF NOT EXISTS (\w+)/g)].map((m) => m[1]);
  const present = new Set((db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as Array<{ name: string }>).map((r) => r.name));
  return wanted.some((name) => !present.has(name as string));
}

/** Whether a writable connection needs migrateStore(): unmarked, an older version, or a table missing. */
export function storeNeedsMigration(db: SqliteDatabase, marked: boolean): boolean {
  return !marked || Number(pragmaValue(db, 'user_version')) < STORE_SCHEMA_VERSION || storeTablesMissing(db);
}

/**
 * Brings a writable connection to this build's schema; the caller runs it in one transaction, so a
 * new file or an older store gets the tables and the marks together and a crash leaves either the
 * old file or a marked one at this version.
 */
export function migrateStore(db: SqliteDatabase): void {
  const from = Number(pragmaValue(db, 'user_version'));
  db.exec(STORE_SCHEMA);
  for (const step of STORE_MIGRATIONS) if (step.version > from) db.exec(step.sql);
  db.exec(`PRAGMA application_id = ${WAR_ROOM_APPLICATION_ID}`);
  db.exec(`PRAGMA user_version = ${STORE_SCHEMA_VERSION}`);
}
