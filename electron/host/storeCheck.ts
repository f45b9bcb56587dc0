// Decides, without writing a single byte, whether an existing database file may be used.
// A corrupt file is evidence: we must never "repair" it by writing to it, so the check opens it
// read-only and never changes its journal mode.
import { openDatabase, pragmaList, sqliteCodeName, type SqliteDatabase } from './sqlite';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';

/** Every SQLite 3 file starts with these 16 bytes (https://www.sqlite.org/fileformat.html). */
const SQLITE_HEADER = 'SQLite format 3\u0000';
/** How many lines of integrity_check output to quote; the first few name the damage. */
const INTEGRITY_LINES_QUOTED = 3;

export type StoreCheck = { ok: true } | { ok: false; reason: string };

function readHeader(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(SQLITE_HEADER.length);
    const read = readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, read).toString('latin1');
  } finally {
    closeSync(fd);
  }
}

/** Checks an existing database file; a missing file is fine (it will be created). */
export function checkDatabaseFile(file: string): StoreCheck {
  if (!existsSync(file)) return { ok: true };
  let size: number;
  try {
    size = statSync(file).size;
    // An empty file is what SQLite itself creates before the first write; it is a valid, empty database.
    if (size === 0) return { ok: true };
    if (readHeader(file) !== SQLITE_HEADER) {
      return { ok: false, reason: `${file} is not a SQLite database (its header is not "SQLite format 3")` };
    }
  } catch (err) {
    return { ok: false, reason: `${file} could not be opened: ${(err as Error).message}` };
  }
  let db: SqliteDatabase | null = null;
  try {
    db = openDatabase(file, { readOnly: true });
    const lines = pragmaList(db, 'integrity_check').map(String);
    if (lines.length === 1 && lines[0] === 'ok') return { ok: true };
    return {
      ok: false,
      reason: `${file} failed PRAGMA integrity_check: ${lines.slice(0, INTEGRITY_LINES_QUOTED).join('; ')}`,
    };
  } catch (err) {
    return { ok: false, reason: `${file} could not be read: ${(err as Error).message}` };
  } finally {
    db?.close();
  }
}

/** A human sentence for a failed write, naming the file (shown verbatim in the UI). */
export function describeWriteError(err: unknown, file: string): string {
  const text = sqliteCodeName(err);
  if (text === 'SQLITE_FULL') return `Disk is full: ${file} could not be written`;
  if (text.startsWith('SQLITE_READONLY')) return `${file} is read-only and could not be written`;
  if (text.startsWith('SQLITE_IOERR')) return `I/O error while writing ${file} (${text})`;
  if (text === 'SQLITE_CANTOPEN') return `${file} could not be opened for writing`;
  return `${file} could not be written: ${(err as Error)?.message ?? String(err)}`;
}
