import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_ROWS } from '../importTypes';
import { detectFormat, parseImport } from '../parseImport';

const NOW = '2026-12-07T00:00:00.000Z';
const opts = (extra: Partial<Parameters<typeof parseImport>[1]> = {}) => ({ zone: 'UTC', now: NOW, dateOrder: 'month-first' as const, source: 'test.txt', ...extra });

function rows(text: string, extra: Partial<Parameters<typeof parseImport>[1]> = {}) {
  const parsed = parseImport(text, opts(extra));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed;
}

describe('postmortem timelines', () => {
  // Two days under date rows, all times MST, as the public postmortem writes them.
  const MST_TIMELINE = [
    '## Timeline',
    '',
    'All times MST',
    '',
    'May 14, 2008',
    '0009 Replication stops on db-2',
    '2345 Restore begins',
    '',
    'May 15, 2008',
    '0010 - Restore at 20%',
    '13:05:30 Cut over',
    '  to the new primary',
  ].join('\n');

  it('reads date rows, HHMM, HH:MM - and HH:MM:SS rows in the stated zone, with continuation lines', () => {
    const parsed = rows(MST_TIMELINE, { zone: 'Europe/Berlin' });
    expect(parsed.format).toBe('timeline');
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows.map((r) => [r.line, r.occurredAt, r.text])).toEqual([
      [6, '2008-05-14T07:09:00.000Z', 'Replication stops on db-2'],
      [7, '2008-05-15T06:45:00.000Z', 'Restore begins'],
      [10, '2008-05-15T07:10:00.000Z', 'Restore at 20%'],
      [11, '2008-05-15T20:05:30.000Z', 'Cut over to the new primary'],
    ]);
    expect(parsed.rows[0]?.original).toBe('0009 Replication stops on db-2');
  });

  it('rolls past midnight under one date row, and lists lines with no time by number', () => {
    const parsed = rows(['2026-03-07', '23:50 pager fires', '00:10 failover', 'someone wrote this without a time'].join('\n'), { zone: 'America/Denver' });
    expect(parsed.rows.map((r) => r.occurredAt)).toEqual(['2026-03-08T06:50:00.000Z', '2026-03-08T07:10:00.000Z']);
    expect(parsed.problems).toEqual([{ line: 4, reason: expect.stringMatching(/No time/) }]);
  });

  it('reads wall times across a DST change in the zone given for the import', () => {
    const parsed = rows(['2026-03-08', '01:30 before the change', '03:30 after the change'].join('\n'), { zone: 'America/Denver' });
    expect(parsed.rows.map((r) => r.occurredAt)).toEqual(['2026-03-08T08:30:00.000Z', '2026-03-08T09:30:00.000Z']);
  });

  it('reads a Markdown table with date and time columns, and "(UTC)" stated once', () => {
    const table = ['(UTC)', '', '| Date | Time | What happened |', '| --- | --- | --- |', '| 2026-11-21 | 23:50 | db-1 down \\| writes fail |', '| 2026-11-22 | 00:10 | rsync started |'].join('\n');
    const parsed = rows(table, { zone: 'America/Denver' });
    expect(parsed.zone).toBe('UTC');
    expect(parsed.rows.map((r) => [r.line, r.occurredAt, r.text])).toEqual([
      [5, '2026-11-21T23:50:00.000Z', 'db-1 down | writes fail'],
      [6, '2026-11-22T00:10:00.000Z', 'rsync started'],
    ]);
  });

  it('names an unreadable time instead of keeping it as text', () => {
    const parsed = rows(['2026-11-21', '25:99 impossible'].join('\n'));
    expect(parsed.rows).toEqual([]);
    expect(parsed.problems[0]).toMatchObject({ line: 2, reason: expect.stringContaining('25:99') });
  });
});

describe('machine formats', () => {
  it('reads bash HISTTIMEFORMAT history across midnight', () => {
    const parsed = rows(['#1779321540', 'systemctl stop mysql', '#1779321660', 'rsync -a /var/lib/mysql standby:'].join('\n'));
    expect(parsed.format).toBe('bash');
    expect(parsed.rows.map((r) => [r.line, r.occurredAt, r.text, r.kind])).toEqual([
      [2, '2026-05-20T23:59:00.000Z', '`$ systemctl stop mysql`', 'terminal'],
      [4, '2026-05-21T00:01:00.000Z', '`$ rsync -a /var/lib/mysql standby:`', 'terminal'],
    ]);
  });

  it('reads zsh extended history', () => {
    const parsed = rows([': 1779321540:0;df -h', ': 1779321600:12;du -sh /var'].join('\n'));
    expect(parsed.format).toBe('zsh');
    expect(parsed.rows.map((r) => [r.occurredAt, r.text])).toEqual([
      ['2026-05-20T23:59:00.000Z', '`$ df -h`'],
      ['2026-05-21T00:00:00.000Z', '`$ du -sh /var`'],
    ]);
  });

  it('reads a Slack export with its authors, and lists messages without text', () => {
    const slack = JSON.stringify([
      { ts: '1779321540.000200', user: 'U1', user_profile: { real_name: 'Ana Lima' }, text: 'db-1 is down' },
      { ts: '1779321600.000100', user: 'U2', text: '' },
    ]);
    const parsed = rows(slack);
    expect(parsed.format).toBe('slack');
    expect(parsed.rows).toEqual([expect.objectContaining({ line: 1, occurredAt: '2026-05-20T23:59:00.000Z', text: 'db-1 is down', author: 'Ana Lima', kind: 'comms' })]);
    expect(parsed.problems).toEqual([{ line: 2, reason: 'Message has no text.' }]);
  });

  it('reads journald JSON', () => {
    const line = JSON.stringify({ __REALTIME_TIMESTAMP: '1779321540123456', MESSAGE: 'Stopped MySQL', _HOSTNAME: 'db-1', SYSLOG_IDENTIFIER: 'systemd' });
    const parsed = rows(`${line}\nnot json`);
    expect(parsed.format).toBe('journald');
    expect(parsed.rows.map((r) => [r.occurredAt, r.text])).toEqual([['2026-05-20T23:59:00.123Z', 'db-1 systemd: Stopped MySQL']]);
    expect(parsed.problems).toEqual([{ line: 2, reason: 'Not a JSON object.' }]);
  });

  it('reads RFC 3339 and zone-less ISO log lines, the latter in the import zone across DST', () => {
    const log = ['2026-03-08T01:30:00-07:00 app: before', '2026-03-08 03:30:00,250 app: after', '[2026-03-08T10:00:00Z] app: utc'].join('\n');
    const parsed = rows(log, { zone: 'America/Denver' });
    expect(parsed.format).toBe('log');
    expect(parsed.rows.map((r) => [r.occurredAt, r.text])).toEqual([
      ['2026-03-08T08:30:00.000Z', 'app: before'],
      ['2026-03-08T09:30:00.250Z', 'app: after'],
      ['2026-03-08T10:00:00.000Z', 'app: utc'],
    ]);
  });

  it('reads a stamp already in the stored form, with or without brackets, and refuses an impossible hour', () => {
    const log = ['2026-03-08T10:00:00.000Z] app: closed only', '2026-03-08T10:00:01.000Z\tapp: tab  ', '2026-03-08T10:00:02.000Z', '2026-03-08T24:00:00.000Z app: no such hour'].join('\n');
    const parsed = rows(log, { format: 'log' });
    expect(parsed.rows.map((r) => [r.line, r.occurredAt, r.text, r.original])).toEqual([
      [1, '2026-03-08T10:00:00.000Z', 'app: closed only', '2026-03-08T10:00:00.000Z] app: closed only'],
      [2, '2026-03-08T10:00:01.000Z', 'app: tab', '2026-03-08T10:00:01.000Z\tapp: tab  '],
      [3, '2026-03-08T10:00:02.000Z', '2026-03-08T10:00:02.000Z', '2026-03-08T10:00:02.000Z'],
    ]);
    expect(parsed.problems.map((p) => p.line)).toEqual([4]);
  });

  it('measures the size cap in UTF-8 bytes, not characters', () => {
    const parsed = parseImport('€'.repeat(12 * 1024 * 1024), opts());
    expect(parsed).toEqual({ ok: false, error: expect.stringContaining('test.txt is 36.0 MB') as unknown });
  });

  it('refuses a day that does not exist rather than rolling it into the next month', () => {
    const parsed = rows(['2026-02-28T23:59:00.000Z app: last day', '2026-02-30T00:00:00.000Z app: no such day', '2026-02-29T01:00:00+01:00 app: nor this'].join('\n'));
    expect(parsed.rows.map((r) => r.text)).toEqual(['app: last day']);
    expect(parsed.problems.map((p) => p.line)).toEqual([2, 3]);
  });

  it('asks for the year of syslog lines, then reads them in the zone', () => {
    const log = ['Dec 31 23:59:30 db-1 mysqld[812]: shutting down', 'Jan  1 00:00:10 db-1 kernel: eth0 down'].join('\n');
    expect(rows(log).needsYear).toBe(true);
    const parsed = rows(log, { year: 2025, zone: 'Europe/Berlin' });
    expect(parsed.format).toBe('syslog');
    // The log runs on past New Year: its January line is the next year's.
    expect(parsed.rows.map((r) => r.occurredAt)).toEqual(['2025-12-31T22:59:30.000Z', '2025-12-31T23:00:10.000Z']);
  });
});

describe('limits', () => {
  it('refuses binary input, naming the source', () => {
    const parsed = parseImport('PK\u0003\u0004\u0000\u0000binary', opts({ source: 'dump.zip' }));
    expect(parsed).toEqual({ ok: false, error: expect.stringMatching(/^dump\.zip: .*binary/) });
  });

  it('refuses more rows than the cap, whole', () => {
    const many = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `: ${1779321540 + i}:0;echo ${i}`).join('\n');
    const parsed = parseImport(many, opts({ source: 'big_history' }));
    expect(parsed).toEqual({ ok: false, error: expect.stringMatching(/big_history has 100,001 rows.*nothing was imported/) });
  });

  it('takes the format it is given over the detected one', () => {
    expect(detectFormat('#1779321540\nls')).toBe('bash');
    const parsed = parseImport('#1779321540\nls', opts({ format: 'timeline' }));
    expect(parsed.ok && parsed.format).toBe('timeline');
  });
});
