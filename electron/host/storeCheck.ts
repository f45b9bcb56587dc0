// Decides, without writing a single byte, whether an existing database file may be used.
// A corrupt file is evidence, and a file some other program made is not ours: we must never
// "repair" or convert either by writing to it. So the check opens it read-only (immutable when no
// WAL frames are beside it, so not even -wal or -shm appear), reads its marks, and never changes
// its journal mode.
import { openDatabase, pragmaList, sqliteCodeName, type SqliteDatabase } from './sqlite';
import { closeSync, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { readStoreMarks } from './storeSchema';

/** Every SQLite 3 file starts with these 16 bytes (https://www.sqlite.org/fileformat.html). */
const SQLITE_HEADER = 'SQLite format 3\u0000';
/** How many lines of integrity_check output to quote; the first few name the damage. */
const INTEGRITY_LINES_QUOTED = 3;

/** Thrown when the store cannot be used; `code` matches the RPC error code. */
export class StoreError extends Error {
  readonly code = 'store';
}

/** `marked`: the file already carries this build's marks (false for a new file or an unmarked old store). */
export type StoreCheck = { ok: true; marked: boolean } | { ok: false; reason: string };

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

/**
 * Whether the database file is there. Only "no such file" means absent: a data directory we may not
 * read (mode 000, another owner) must never pass for an empty one, as if its incidents were gone.
 */
export function storeFilePresence(file: string): { present: boolean } | { error: string } {
  try {
    statSync(file);
    return { present: true };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { present: false };
    const dir = path.dirname(file);
    if (code === 'EACCES' || code === 'EPERM') return { error: `${file} cannot be reached: permission denied on ${dir} or the file (${code})` };
    return { error: `${file} cannot be reached: ${(err as Error).message}` };
  }
}

/** Checks an existing database file; a missing file is fine (it will be created). */
export function checkDatabaseFile(file: string): StoreCheck {
  const presence = storeFilePresence(file);
  if ('error' in presence) return { ok: false, reason: presence.error };
  if (!presence.present) return { ok: true, marked: false };
  let size: number;
  try {
    size = statSync(file).size;
    // An empty file is what SQLite itself creates before the first write; it is a valid, empty database.
    if (size === 0) return { ok: true, marked: false };
    if (readHeader(file) !== SQLITE_HEADER) {
      return { ok: false, reason: `${file} is not a SQLite database (its header is not "SQLite format 3")` };
    }
  } catch (err) {
    return { ok: false, reason: `${file} could not be opened: ${(err as Error).message}` };
  }
  // A WAL with frames in it holds committed changes the main file lacks (a crash, or another
  // process at work): read through it, though that touches -shm. Otherwise the main file is the
  // whole database, read immutable.
  const shm = `${file}-shm`;
  const throughWal = walFrameBytes(`${file}-wal`) > 0;
  const shmBefore = existsSync(shm);
  let db: SqliteDatabase | null = null;
  let result: StoreCheck;
  try {
    db = openDatabase(file, throughWal ? { readOnly: true } : { immutable: true });
    result = checkOpenDatabase(db, file);
  } catch (err) {
    result = { ok: false, reason: `${file} could not be read: ${(err as Error).message}` };
  } finally {
    db?.close();
  }
  // The shared-memory index a read-only connection made beside a refused file goes with it.
  if (!result.ok && throughWal && !shmBefore) rmSync(shm, { force: true });
  return result;
}

function walFrameBytes(wal: string): number {
  try {
    return statSync(wal).size;
  } catch {
    return 0;
  }
}

function checkOpenDatabase(db: SqliteDatabase, file: string): StoreCheck {
  const marks = readStoreMarks(db, file);
  if (marks.kind === 'refused') return { ok: false, reason: marks.reason };
  const lines = pragmaList(db, 'integrity_check').map(String);
  if (lines.length === 1 && lines[0] === 'ok') return { ok: true, marked: marks.kind === 'ours' };
  return {
    ok: false,
    reason: `${file} failed PRAGMA integrity_check: ${lines.slice(0, INTEGRITY_LINES_QUOTED).join('; ')}`,
  };
}

/**
 * The error as people should read it when SQLite raised it: with the file named (SQLite's own
 * messages, such as "attempt to write a readonly database", name none). Other errors pass as they are.
 */
export function withFileNamed(err: unknown, file: string): unknown {
  const code = sqliteCodeName(err);
  if (code === '') return err;
  const sentence = /^SQLITE_(FULL|READONLY|IOERR|CANTOPEN)/.test(code) ? describeWriteError(err, file) : `${file}: ${(err as Error).message} (${code})`;
  return new StoreError(sentence);
}

/** The same methods, whose SQLite errors name the store file (for the RPC implementation). */
export function namingStoreFile<T extends object>(methods: T, file: string): T {
  const named = {} as Record<string, unknown>;
  for (const [name, fn] of Object.entries(methods)) {
    named[name] =
      typeof fn === 'function'
        ? async (...args: unknown[]) => {
            try {
              return await (fn as (...a: unknown[]) => unknown)(...args);
            } catch (err) {
              throw withFileNamed(err, file);
            }
          }
        : fn;
  }
  return named as T;
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
