import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_FILE_NAME } from '../store';
import { buildCli, REPO_ROOT, runCli, tempDir } from './helpers';

const SAMPLE = path.join(REPO_ROOT, 'assets', 'sample-incident.json');
let cli = '';

const warroom = (...args: string[]) => runCli(cli, ...args);

describe('warroom CLI', () => {
  beforeAll(async () => {
    cli = await buildCli();
  });
  afterAll(() => rmSync(cli, { force: true }));

  it('imports, lists and exports on a data dir without a server', () => {
    const dir = tempDir();
    const imported = warroom('import', SAMPLE, '--data-dir', dir);
    expect(imported.code).toBe(0);
    const id = imported.stdout.trim();
    expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    const sample = JSON.parse(readFileSync(SAMPLE, 'utf8'));

    const list = warroom('list', '--data-dir', dir);
    expect(list.code).toBe(0);
    const [heading, row] = list.stdout.trim().split('\n');
    expect(heading).toMatch(/^ID\s+STATUS\s+SEVERITY\s+TITLE\s+STARTED\s+DURATION$/);
    expect(row).toContain(id);
    expect(row).toContain(sample.incident.title);
    const json = JSON.parse(warroom('list', '--data-dir', dir, '--json').stdout);
    expect(json).toEqual([expect.objectContaining({ id, entryCount: sample.entries.length })]);

    const out = path.join(dir, 'pm.md');
    const md = warroom('export', id, '--format', 'md', '--all', '--tz', 'UTC', '--out', out, '--data-dir', dir);
    expect(md.code).toBe(0);
    expect(md.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toContain(`# ${sample.incident.title}`);

    // Round trip: the exported archive imports again as another incident with the same entries.
    const archive = warroom('export', id, '--format', 'json', '--data-dir', dir);
    expect(archive.code).toBe(0);
    expect(JSON.parse(archive.stdout).entries).toHaveLength(sample.entries.length);
    const file = path.join(dir, 'again.json');
    writeFileSync(file, archive.stdout);
    const second = warroom('import', file, '--data-dir', dir).stdout.trim();
    expect(second).not.toBe(id);
    expect(JSON.parse(warroom('list', '--data-dir', dir, '--json').stdout)).toHaveLength(2);

    // An archive file exports without any store.
    const direct = warroom('export', SAMPLE, '--format', 'md');
    expect(direct.code).toBe(0);
    expect(direct.stdout).toContain(`# ${sample.incident.title}`);
  });

  it.each([
    [['export', 'x', '--format', 'pdf']],
    [['export', SAMPLE, '--format', 'md', '--tz', 'Mars/Olympus']],
    [['serve', '--port', '70000']],
    [['serve', '--bogus']],
    [['import', '/nonexistent/archive.json']],
    [['export', '/nonexistent/archive.json', '--format', 'md']],
    [['frobnicate']],
  ])('rejects bad arguments %j with one line and exit code 2', (args) => {
    const res = warroom(...args);
    expect(res.code).toBe(2);
    expect(res.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(res.stderr).toMatch(/^warroom: \S/);
  });

  it('reports an invalid archive naming the field and imports nothing', () => {
    const dir = tempDir();
    const sample = JSON.parse(readFileSync(SAMPLE, 'utf8'));
    sample.incident.severity = 'SEV9';
    const file = path.join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(sample));
    const res = warroom('import', file, '--data-dir', dir);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/^warroom: .*severity/);
    expect(JSON.parse(warroom('list', '--data-dir', dir, '--json').stdout)).toEqual([]);
  });

  it('reports a corrupt store with file and reason, exits 1, and leaves the file untouched', () => {
    const dir = tempDir();
    const db = path.join(dir, DB_FILE_NAME);
    writeFileSync(db, randomBytes(8192));
    const digest = createHash('sha256').update(readFileSync(db)).digest('hex');
    for (const args of [['list'], ['import', SAMPLE], ['export', '01J0000000000000000000000Z', '--format', 'md']]) {
      const res = warroom(...args, '--data-dir', dir);
      expect(res.code).toBe(1);
      expect(res.stderr).toContain(db);
      expect(res.stderr).toContain('not a SQLite database');
    }
    expect(createHash('sha256').update(readFileSync(db)).digest('hex')).toBe(digest);
  });
});
