// Everything the host keeps on disk is for this user only: incident data, recordings of what was
// on screen during an outage, settings and shell-integration files. Directories are made 0700 and
// files 0600 here, in one place, so no caller has to remember a mode. On Windows the modes mean
// little (ACLs decide), so the calls still run but tightening reports nothing.
import { chmodSync, existsSync, lstatSync, mkdirSync, openSync, closeSync, readdirSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';

/** rwx for the owner only. */
export const PRIVATE_DIR_MODE = 0o700;
/** rw for the owner only. */
export const PRIVATE_FILE_MODE = 0o600;
/** The permission bits (what chmod sets); the rest of st_mode is the file type. */
const PERMISSION_BITS = 0o777;

/** Creates `dir` and any missing parents as 0700, and takes group and other access away from `dir` if it already existed. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  tighten(dir, PRIVATE_DIR_MODE);
}

/** Writes (or replaces the contents of) a file readable only by its owner. */
export function writePrivateFile(file: string, data: string): void {
  writeFileSync(file, data, { mode: PRIVATE_FILE_MODE });
  // The mode above applies only when the file is created; an older file keeps its own.
  tighten(file, PRIVATE_FILE_MODE);
}

/**
 * Creates a new file, 0600, that must not exist yet (O_EXCL: a planted file or symlink makes this
 * throw instead of writing through it).
 */
export function createPrivateFile(file: string, data: string): void {
  const fd = openSync(file, 'wx', PRIVATE_FILE_MODE);
  try {
    writeSync(fd, data);
  } finally {
    closeSync(fd);
  }
}

/**
 * Takes away every permission `mode` does not grant (for group and others: all of them), and never
 * adds one: a read-only store stays read-only and reports so, an unreadable folder stays an error.
 * True when something changed. Symlinks are left alone.
 */
function tighten(target: string, mode: number): boolean {
  if (process.platform === 'win32') return false;
  const stat = lstatSync(target);
  const current = stat.mode & PERMISSION_BITS;
  if (stat.isSymbolicLink() || (current & ~mode) === 0) return false;
  // Only the owner may chmod: another user's folder or file is theirs to set, and is reported
  // by whatever then cannot read or write it.
  if (process.getuid && stat.uid !== process.getuid()) return false;
  chmodSync(target, current & mode);
  return true;
}

export interface TightenTarget {
  path: string;
  /** A directory of ours: everything below it is tightened too. */
  withContents?: boolean;
}

/**
 * Tightens what already exists: a directory to 0700, a file to 0600, and with `withContents`
 * everything below a directory. Missing paths are skipped; so are symlinks (never followed).
 * Returns how many entries changed, so the caller can say so once.
 */
export function tightenExisting(targets: readonly TightenTarget[]): number {
  let changed = 0;
  const visit = (target: string, below: boolean): void => {
    if (!existsSync(target)) return;
    const stat = lstatSync(target);
    if (stat.isDirectory()) {
      if (tighten(target, PRIVATE_DIR_MODE)) changed++;
      if (below) for (const name of readdirSync(target)) visit(path.join(target, name), true);
    } else if (stat.isFile() && tighten(target, PRIVATE_FILE_MODE)) changed++;
  };
  for (const target of targets) visit(target.path, target.withContents === true);
  return changed;
}

/** A SQLite database with its WAL and shared-memory files (SQLite gives them the database's mode when it creates them). */
export function sqliteFiles(file: string): string[] {
  return [file, `${file}-wal`, `${file}-shm`];
}

/** True when `target` exists (not as a symlink) and others may read or enter it. */
export function isLoose(target: string): boolean {
  if (process.platform === 'win32' || !existsSync(target)) return false;
  const stat = lstatSync(target);
  if (stat.isSymbolicLink()) return false;
  return (stat.mode & PERMISSION_BITS & ~(stat.isDirectory() ? PRIVATE_DIR_MODE : PRIVATE_FILE_MODE)) !== 0;
}

/**
 * The host's own entries in its data dir. Only these are tightened: Electron's userData also holds
 * Chromium's files, which are not ours to change, and the store's files are tightened by the store
 * once it has checked that the file is ours.
 */
const OWN_FILES = ['settings.json'] as const;
const OWN_FOLDERS = ['recordings', 'shell-integration'] as const;

/** Creates the data dir 0700 (or tightens it) and tightens the host's own files and folders in it; returns how many changed. */
export function tightenDataDir(dataDir: string): number {
  const changed = isLoose(dataDir) ? 1 : 0;
  ensurePrivateDir(dataDir);
  return (
    changed +
    tightenExisting([...OWN_FILES.map((name) => ({ path: path.join(dataDir, name) })), ...OWN_FOLDERS.map((name) => ({ path: path.join(dataDir, name), withContents: true }))])
  );
}
