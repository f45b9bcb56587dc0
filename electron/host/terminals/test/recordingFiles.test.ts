// `warroom export --recordings <dir>` against a real store and real .cast files, through the built CLI.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeEvent, encodeHeader } from '../../../../shared/terminal/asciicast';
import { useBuiltCli } from '../../test/builtCli';
import { REPO_ROOT, tempDir } from '../../test/helpers';
import { copyRecordings } from '../recordingFiles';

const SAMPLE = path.join(REPO_ROOT, 'assets', 'sample-incident.json');
const EXIT_USAGE = 2;
function writeCast(dataDir: string, incidentId: string, id: string, title: string): string {
  const dir = path.join(dataDir, 'recordings', incidentId);
  mkdirSync(dir, { recursive: true });
  const content =
    encodeHeader({ version: 2, width: 80, height: 24, timestamp: 1_790_000_000, title, env: { TERM: 'xterm-256color', SHELL: '/bin/bash' } }) +
    encodeEvent(0.25, 'o', '$ ls\r\n') +
    encodeEvent(1.5, 'r', '100x30') +
    encodeEvent(2, 'o', 'backup.tar\r\n');
  writeFileSync(path.join(dir, `${id}.cast`), content);
  return content;
}

describe('warroom export --recordings', () => {
  const warroom = useBuiltCli();

  it('copies the incident recordings beside the postmortem, under their own names', () => {
    const dir = tempDir();
    const id = warroom('import', SAMPLE, '--data-dir', dir).stdout.trim();
    const first = writeCast(dir, id, '01JDAAAAAAAAAAAAAAAAAAAAAA', 'db restore');
    const second = writeCast(dir, id, '01JDBBBBBBBBBBBBBBBBBBBBBB', 'replication');
    writeCast(dir, 'OTHERINCIDENT', '01JDCCCCCCCCCCCCCCCCCCCCCC', 'not ours');
    writeFileSync(path.join(dir, 'recordings', id, 'notes.txt'), 'not a recording');

    const out = path.join(dir, 'export');
    mkdirSync(out);
    const res = warroom('export', id, '--format', 'md', '--out', path.join(out, 'pm.md'), '--recordings', path.join(out, 'recordings'), '--data-dir', dir);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(readdirSync(path.join(out, 'recordings')).sort()).toEqual(['01JDAAAAAAAAAAAAAAAAAAAAAA.cast', '01JDBBBBBBBBBBBBBBBBBBBBBB.cast']);
    expect(readFileSync(path.join(out, 'recordings', '01JDAAAAAAAAAAAAAAAAAAAAAA.cast'), 'utf8')).toBe(first);
    expect(readFileSync(path.join(out, 'recordings', '01JDBBBBBBBBBBBBBBBBBBBBBB.cast'), 'utf8')).toBe(second);
  });

  it('creates an empty folder for an incident without recordings', () => {
    const dir = tempDir();
    const id = warroom('import', SAMPLE, '--data-dir', dir).stdout.trim();
    const target = path.join(dir, 'casts');
    const res = warroom('export', id, '--format', 'json', '--recordings', target, '--data-dir', dir);
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout).entries.length).toBeGreaterThan(0);
    expect(readdirSync(target)).toEqual([]);
  });

  it('refuses --recordings with an archive file, and a target that is a file, in one line', () => {
    const fromArchive = warroom('export', SAMPLE, '--format', 'md', '--recordings', tempDir());
    expect(fromArchive.code).toBe(EXIT_USAGE);
    expect(fromArchive.stderr).toBe('warroom: --recordings needs an incident id: an archive file holds no recordings.\n');

    const dir = tempDir();
    const id = warroom('import', SAMPLE, '--data-dir', dir).stdout.trim();
    const blocker = path.join(dir, 'a-file');
    writeFileSync(blocker, '');
    const res = warroom('export', id, '--format', 'md', '--recordings', path.join(blocker, 'sub'), '--data-dir', dir);
    expect(res.code).toBe(EXIT_USAGE);
    expect(res.stderr).toMatch(/^warroom: cannot create .*a-file\/sub: ENOTDIR\n$/);
  });

  it('never reads outside the data dir for an id that is a path', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'out');
    expect(await copyRecordings(dir, '../../etc', out)).toEqual([]);
    expect(existsSync(out)).toBe(true);
  });
});
