// Every file error names the file. Permissions do not bind root, so the read-only file and the
// unreadable directory are tried by running the built CLI as the unprivileged user `nobody`
// (setpriv); where that is impossible (not root, no setpriv) those cases are reported as skipped.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_FILE_NAME } from '../store';
import { buildCli, REPO_ROOT, runCli, seedStore, tempDir } from './helpers';

/** The conventional uid and gid of `nobody`. */
const NOBODY = '65534';
const WORLD_WRITABLE = 0o777;
const READ_ONLY = 0o444;
const NO_ACCESS = 0o000;
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

  it('a read-only database file: every command that writes says which file is read-only', () => {
    const dir = tempDir();
    // Written by a process that has exited, as a real store would be: nothing of root's is left open beside it.
    const id = runCli(cli, 'import', SAMPLE, '--data-dir', dir).stdout.trim();
    const file = path.join(dir, DB_FILE_NAME);
    chmodSync(dir, WORLD_WRITABLE);
    chmodSync(file, READ_ONLY);
    for (const args of [
      ['token', 'create', '--incident', id, '--role', 'observer'],
      ['import', SAMPLE],
    ]) {
      const res = warroomAsNobody(...args, '--data-dir', dir);
      expect(res.code, args.join(' ')).toBe(1);
      expect(res.stderr).toBe(`warroom: ${file} is read-only and could not be written\n`);
    }
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
