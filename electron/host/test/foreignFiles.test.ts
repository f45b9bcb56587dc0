// Files we did not write: each is refused with the file and the reason, through the store and the
// CLI, and stays byte for byte as it was, with nothing new beside it (no -wal, no -shm).
import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addEntry, createIncident } from '../../../shared/model/commands';
import { readEntries } from '../../../shared/model/doc';
import { newId } from '../../../shared/model/ids';
import { incidentDocName } from '../../../shared/protocol/api';
import { closeDatabase, openDatabase, pragmaValue } from '../sqlite';
import { DB_FILE_NAME, IncidentStore } from '../store';
import { STORE_SCHEMA_VERSION, UNMARKED_STORE_TABLES, WAR_ROOM_APPLICATION_ID } from '../storeSchema';
import { useBuiltCli } from './builtCli';
import { REPO_ROOT, seedStore, tempDir } from './helpers';

const SAMPLE = path.join(REPO_ROOT, 'assets', 'sample-incident.json');
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
/** SQLite's default page size. */
const PAGE_BYTES = 4096;

/** A SQLite file written by "another program": the given SQL, in the given journal mode. */
function sqliteFile(file: string, sql: string, journal: 'WAL' | 'DELETE' = 'WAL'): void {
  const db = openDatabase(file);
  db.exec(`PRAGMA journal_mode = ${journal}`);
  db.exec(sql);
  closeDatabase(db);
}


const BAD_FILES: Array<[string, (file: string) => void, RegExp]> = [
  ['a database with a table "notes"', (f) => sqliteFile(f, "CREATE TABLE notes(body TEXT); INSERT INTO notes VALUES ('groceries');"), /not a War Room database.*notes/],
  [
    'a database whose changes are still in its WAL (its program was killed)',
    (f) => {
      // Copied while the writer is still open, so the -wal beside the copy holds the only table.
      const elsewhere = path.join(tempDir(), 'other.db');
      const db = openDatabase(elsewhere);
      db.exec('PRAGMA journal_mode = WAL; CREATE TABLE notes(body TEXT);');
      copyFileSync(elsewhere, f);
      copyFileSync(`${elsewhere}-wal`, `${f}-wal`);
      closeDatabase(db);
    },
    /not a War Room database.*notes/,
  ],
  ['a rollback-journal database with a table "notes"', (f) => sqliteFile(f, 'CREATE TABLE notes(body TEXT);', 'DELETE'), /not a War Room database.*notes/],
  ['a table "updates" of another shape', (f) => sqliteFile(f, 'CREATE TABLE updates(id INTEGER PRIMARY KEY, payload TEXT);'), /not a War Room database.*updates has another shape/],
  ['a database with no tables', (f) => sqliteFile(f, 'PRAGMA user_version = 0;'), /not a War Room database.*lacks/],
  ['another application_id', (f) => sqliteFile(f, 'PRAGMA application_id = 1234; CREATE TABLE t(x);'), /not a War Room database.*application_id is 0x000004d2/],
  [
    'a newer store version',
    (f) => {
      seedStore(path.dirname(f));
      const db = openDatabase(f);
      db.exec(`PRAGMA user_version = ${STORE_SCHEMA_VERSION + 1}`);
      closeDatabase(db);
    },
    /made by a newer War Room/,
  ],
  ['random bytes', (f) => writeFileSync(f, randomBytes(3 * PAGE_BYTES)), /not a SQLite database/],
  [
    'a store cut short',
    (f) => {
      seedStore(path.dirname(f));
      truncateSync(f, 2 * PAGE_BYTES);
    },
    /could not be read|integrity_check/,
  ],
];

/** The directory as names and digests: a new file, a removed one or a changed byte all show. */
function listing(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map((name) => [name, sha256(path.join(dir, name))]));
}

function badStore(make: (file: string) => void): { dir: string; file: string; before: Record<string, string> } {
  const dir = tempDir();
  const file = path.join(dir, DB_FILE_NAME);
  make(file);
  return { dir, file, before: listing(dir) };
}

describe('a file we did not write', () => {
  const warroom = useBuiltCli();

  it.each(BAD_FILES)('the store refuses %s with the file and the reason, and leaves it byte-identical', (_label, make, reason) => {
    const { dir, file, before } = badStore(make);
    const store = IncidentStore.open(dir);
    const status = store.status;
    store.close();
    expect(status.ok).toBe(false);
    if (status.ok) return;
    expect(status.file).toBe(file);
    expect(status.reason).toContain(file);
    expect(status.reason).toMatch(reason);
    expect(listing(dir)).toEqual(before);
  });

  it.each(BAD_FILES)('warroom list, import and export refuse %s, exit 1, and leave it byte-identical', (_label, make, reason) => {
    const { dir, file, before } = badStore(make);
    for (const args of [['list'], ['list', '--json'], ['import', SAMPLE], ['export', '01J0000000000000000000000Z', '--format', 'md']]) {
      const res = warroom(...args, '--data-dir', dir);
      expect(res.code, args.join(' ')).toBe(1);
      expect(res.stderr).toContain(file);
      expect(res.stderr).toMatch(reason);
      expect(res.stdout).toBe('');
    }
    expect(listing(dir)).toEqual(before);
  });
});

describe('our marks', () => {
  it('a new store carries War Room application_id and the store version', () => {
    const dir = tempDir();
    seedStore(dir);
    const db = openDatabase(path.join(dir, DB_FILE_NAME), { readOnly: true });
    expect(pragmaValue(db, 'application_id')).toBe(WAR_ROOM_APPLICATION_ID);
    expect(pragmaValue(db, 'user_version')).toBe(STORE_SCHEMA_VERSION);
    db.close();
  });

  it('a marked store missing a table of this version gets it on open, and keeps its incidents', () => {
    const dir = tempDir();
    const id = seedStore(dir);
    const file = path.join(dir, DB_FILE_NAME);
    const raw = openDatabase(file);
    raw.exec('DROP TABLE unreadable_row_acks');
    closeDatabase(raw);
    const store = IncidentStore.open(dir);
    expect(store.status.ok).toBe(true);
    expect(store.hasDoc(incidentDocName(id))).toBe(true);
    const tables = (store.database().prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as Array<{ name: string }>).map((r) => r.name);
    expect(tables).toContain('unreadable_row_acks');
    store.close();
  });

  it('a store made before the marks is recognised by its tables, stamped, and reads as before', () => {
    const dir = tempDir();
    const file = path.join(dir, DB_FILE_NAME);
    // What a store looked like before it carried marks, holding one incident.
    sqliteFile(file, UNMARKED_STORE_TABLES);
    const id = newId();
    const doc = new Y.Doc();
    createIncident(doc, { author: 'Priya' }, { id, title: 'Old store', severity: 'SEV2', startedAt: '2026-11-21T23:06:00.000Z', timeZone: 'UTC' });
    addEntry(doc, { author: 'Priya' }, { text: 'written before the marks' });
    const raw = openDatabase(file);
    raw.prepare('INSERT INTO updates(doc, data, at) VALUES (?, ?, ?)').run(incidentDocName(id), Y.encodeStateAsUpdate(doc), '2026-11-21T23:07:00.000Z');
    closeDatabase(raw);

    const store = IncidentStore.open(dir);
    expect(store.status.ok).toBe(true);
    expect(readEntries(store.loadDoc(incidentDocName(id)) as Y.Doc).map((e) => e.text)).toContain('written before the marks');
    store.close();
    const db = openDatabase(file, { readOnly: true });
    expect(pragmaValue(db, 'application_id')).toBe(WAR_ROOM_APPLICATION_ID);
    expect(pragmaValue(db, 'user_version')).toBe(STORE_SCHEMA_VERSION);
    db.close();
  });
});
