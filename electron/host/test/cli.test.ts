import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DB_FILE_NAME } from '../store';
import { useBuiltCli } from './builtCli';
import { REPO_ROOT, tempDir } from './helpers';

const SAMPLE = path.join(REPO_ROOT, 'assets', 'sample-incident.json');
describe('warroom CLI', () => {
  const warroom = useBuiltCli();

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

  it('keeps the hypotheses and the history of the summary, impact and hypothesis through import and export', () => {
    const dir = tempDir();
    const sample = JSON.parse(readFileSync(SAMPLE, 'utf8'));
    const situation = {
      hypothesis: 'The WAL mirror stopped copying on Thursday',
      ruledOut: [{ text: 'Network partition between the racks', reason: 'Switch counters show no drops', by: 'Elena Sokolova', at: '2026-10-31T04:40:00.000Z' }],
      edits: [
        { field: 'hypothesis', previous: '', value: 'Network partition between the racks', by: 'Marcus Webb', at: '2026-10-31T04:30:00.000Z' },
        { field: 'hypothesis', previous: 'Network partition between the racks', value: '', by: 'Elena Sokolova', at: '2026-10-31T04:40:00.000Z' },
        { field: 'hypothesis', previous: '', value: 'The WAL mirror stopped copying on Thursday', by: 'Priya Raman', at: '2026-10-31T05:00:00.000Z' },
      ],
    };
    const file = path.join(dir, 'with-situation.json');
    writeFileSync(file, JSON.stringify({ ...sample, version: 3, situation }));
    const imported = warroom('import', file, '--data-dir', dir);
    expect(imported.code).toBe(0);
    const id = imported.stdout.trim();
    const exported = JSON.parse(warroom('export', id, '--format', 'json', '--data-dir', dir).stdout);
    expect(exported.version).toBe(3);
    expect(exported.situation).toEqual(situation);
    const md = warroom('export', id, '--format', 'md', '--tz', 'UTC', '--data-dir', dir).stdout;
    expect(md).toContain('- **Ruled out:** Network partition between the racks — Switch counters show no drops (ruled out by Elena Sokolova at 2026-10-31 04:40 UTC)');
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

  it('imports a timeline file into an incident: dry run, then for real, then a re-import skips every row', () => {
    const dir = tempDir();
    const id = warroom('import', SAMPLE, '--data-dir', dir).stdout.trim();
    const entryCount = () => (JSON.parse(warroom('list', '--data-dir', dir, '--json').stdout) as Array<{ entryCount: number }>)[0]?.entryCount;
    const before = entryCount();
    const notes = path.join(dir, 'night-notes.md');
    writeFileSync(notes, ['All times UTC', '', '2026-11-01', '0630 Elena takes the slow restore', '23:50 - restore at 90%', 'a line without a time'].join('\n'));

    const dry = warroom('timeline', 'import', notes, '--incident', id, '--dry-run', '--data-dir', dir);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toBe('Would import 2 of 2 rows (timeline, times in UTC); 0 already there; 1 lines not read.\n');
    expect(dry.stderr).toBe('warroom: night-notes.md:6: No time at the start of the line.\n');
    expect(entryCount()).toBe(before);

    expect(warroom('timeline', 'import', notes, '--incident', id, '--data-dir', dir).stdout).toMatch(/^Imported 2 of 2 rows/);
    expect(entryCount()).toBe((before ?? 0) + 2);
    expect(warroom('timeline', 'import', notes, '--incident', id, '--data-dir', dir).stdout).toMatch(/^Imported 0 of 2 rows .*; 2 already there/);
    const md = warroom('export', id, '--format', 'md', '--all', '--tz', 'UTC', '--data-dir', dir).stdout;
    expect(md).toContain('| 06:30 |');
    expect(md).toContain('Elena takes the slow restore');

    // The sample already holds the shell history it was reconstructed from: nothing is added twice.
    const history = path.join(REPO_ROOT, 'assets', 'examples', 'db-restore-1.bash_history');
    expect(warroom('timeline', 'import', history, '--incident', id, '--data-dir', dir).stdout).toMatch(/^Imported 0 of 9 rows \(bash.*9 already there/);
  });

  it('refuses binary input and a syslog without its year, importing nothing', () => {
    const dir = tempDir();
    const id = warroom('import', SAMPLE, '--data-dir', dir).stdout.trim();
    const binary = path.join(dir, 'core.dump');
    writeFileSync(binary, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 3]));
    const refused = warroom('timeline', 'import', binary, '--incident', id, '--data-dir', dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^warroom: core\.dump: .*binary/);
    const syslog = path.join(dir, 'messages');
    writeFileSync(syslog, 'Nov  1 00:32:10 db-restore-1 mysqld[812]: InnoDB: recovery started\n');
    const noYear = warroom('timeline', 'import', syslog, '--incident', id, '--data-dir', dir);
    expect(noYear.stderr).toMatch(/--year/);
    expect(warroom('timeline', 'import', syslog, '--incident', id, '--year', '2026', '--data-dir', dir).stdout).toMatch(/^Imported 1 of 1 rows \(syslog/);
  });
});
