// Every file error names the file. Permissions do not bind root, so the read-only file and the
// unreadable directory are tried by running the built CLI as the unprivileged user `nobody`
// (setpriv); where that is impossible (not root, no setpriv) those cases are reported as skipped.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../sqlite';
import { DB_FILE_NAME } from '../store';
import { namingStoreFile } from '../storeCheck';
import { buildCli, REPO_ROOT, seedStore, tempDir } from './helpers';

/** The conventional uid and gid of `nobody`. */
const NOBODY = '65534';
const WORLD_WRITABLE = 0o777;
const READ_ONLY = 0o444;
const NO_ACCESS = 0o000;
const WRITE_BITS = 0o222;
const SAMPLE = path.join(REPO_ROOT, 'assets', 'sample-incident.json');
const canDropPrivileges = process.getuid?.() === 0 && existsSync('/usr/bin/setpriv');

let cli = '';
function warroomAsNobody(...args: string[]) {
  const res = spawnSync('/usr/bin/setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath, cli, ...args], {
    encoding: 'utf8',
    env: { ...process.env, XDG_DATA_HOME: tempDir(), HOME: '/nonexistent' },
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

describe.runIf(canDropPrivileges)('file errors name the file (as an unprivileged user)', () => {
  beforeAll(async () => {
    cli = await buildCli();
    chmodSync(cli, READ_ONLY);
  });
  afterAll(() => rmSync(cli, { force: true }));

  it('a read-only database file: every command that writes says which file is read-only, and it stays read-only', () => {
    // The user's own data dir and store, written by a process that has exited; then the file is made read-only.
    const parent = tempDir();
    chmodSync(parent, WORLD_WRITABLE);
    const dir = path.join(parent, 'data');
    const id = warroomAsNobody('import', SAMPLE, '--data-dir', dir).stdout.trim();
    expect(id).toMatch(/^[0-9A-Z]{26}$/);
    const file = path.join(dir, DB_FILE_NAME);
    chmodSync(file, READ_ONLY);
    for (const args of [['token', 'create', '--incident', id, '--role', 'observer'], ['import', SAMPLE], ['token', 'create', '--incident', id, '--role', 'responder']]) {
      const res = warroomAsNobody(...args, '--data-dir', dir);
      expect(res.code, args.join(' ')).toBe(1);
      expect(res.stderr).toBe(`warroom: ${file} is read-only and could not be written\n`);
    }
    expect(statSync(file).mode & WRITE_BITS).toBe(0);
    // Reading still works.
    const list = warroomAsNobody('list', '--data-dir', dir);
    expect(list.stderr).toBe('');
    expect(list.code).toBe(0);
    expect(list.stdout).toContain(id);
  });

  it('an unreadable data directory is an error naming it, never an empty list', () => {
    const dir = tempDir();
    seedStore(dir);
    chmodSync(dir, NO_ACCESS);
    try {
      for (const args of [['list'], ['list', '--json'], ['export', '01J0000000000000000000000Z', '--format', 'md']]) {
        const res = warroomAsNobody(...args, '--data-dir', dir);
        expect(res.code, args.join(' ')).toBe(1);
        expect(res.stdout).toBe('');
        expect(res.stderr).toMatch(new RegExp(`^warroom: ${path.join(dir, DB_FILE_NAME)} cannot be reached: permission denied`));
      }
    } finally {
      chmodSync(dir, WORLD_WRITABLE);
    }
    expect(readdirSync(dir)).toContain(DB_FILE_NAME);
  });
});

describe('SQLite errors reach the user with the file named', () => {
  it('an RPC method that writes through a read-only connection fails naming the store file', async () => {
    const dir = tempDir();
    seedStore(dir);
    const file = path.join(dir, DB_FILE_NAME);
    // A real SQLITE_READONLY from SQLite: root cannot be kept out by file modes, a read-only connection can.
    const db = openDatabase(file, { readOnly: true });
    const writes = {
      async createRoomToken() {
        db.prepare('INSERT INTO probe(data) VALUES (1)').run();
      },
    };
    const api = namingStoreFile(writes, file);
    await expect(api.createRoomToken()).rejects.toMatchObject({ code: 'store', message: `${file} is read-only and could not be written` });
    db.close();
  });
});
