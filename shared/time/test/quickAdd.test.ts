import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { formatTime } from '../format';
import { FUTURE_GRACE_MS, parseQuickAdd, type QuickAddResult } from '../quickAdd';

const DENVER = 'America/Denver';
const SYDNEY = 'Australia/Sydney';
/** 14:30 MST on Saturday 21 November 2026. */
const NOW = '2026-11-21T21:30:00.000Z';

function ok(input: string, now = NOW, zone = DENVER): Extract<QuickAddResult, { ok: true }> {
  const result = parseQuickAdd(input, { now, zone });
  if (!result.ok) throw new Error(`expected ${input} to parse: ${result.error}`);
  return result;
}

function error(input: string, now = NOW, zone = DENVER): string {
  const result = parseQuickAdd(input, { now, zone });
  if (result.ok) throw new Error(`expected ${input} to fail, got ${JSON.stringify(result)}`);
  return result.error;
}

describe('plain entries', () => {
  it('is a note happening now when nothing is prefixed', () => {
    expect(ok('  paged the DBA  ')).toEqual({ ok: true, occurredAt: null, kind: 'note', key: false, workstream: '', text: 'paged the DBA' });
  });

  it.each(['- item in a list', '/usr/bin/env failed', 'yesterday we saw this too', '# Heading stays', '## Notes', '\\2026 has been rough', 'C# build broke', 'May we restart?', '404 errors on checkout', '12 pods restarted'])(
    'keeps %j as text',
    (input) => {
      expect(ok(input)).toMatchObject({ occurredAt: null, workstream: '', text: input.replace(/^\\/, '') });
    },
  );
});

describe('leading times', () => {
  it.each([
    ['14:25 brought site back up', '2026-11-21T21:25:00.000Z'],
    ['14:25:30 brought site back up', '2026-11-21T21:25:30.000Z'],
    ['2:25pm brought site back up', '2026-11-21T21:25:00.000Z'],
    ['2026-11-21 14:25 brought site back up', '2026-11-21T21:25:00.000Z'],
    ['2026-11-19T09:05 brought site back up', '2026-11-19T16:05:00.000Z'],
    ['yesterday 23:50 brought site back up', '2026-11-21T06:50:00.000Z'],
    ['today 00:10 brought site back up', '2026-11-21T07:10:00.000Z'],
    ['-10m brought site back up', '2026-11-21T21:20:00.000Z'],
    ['-2h brought site back up', '2026-11-21T19:30:00.000Z'],
    ['-1h30m brought site back up', '2026-11-21T20:00:00.000Z'],
    ['-1d brought site back up', '2026-11-20T21:30:00.000Z'],
  ])('%s', (input, occurredAt) => {
    expect(ok(input)).toMatchObject({ occurredAt, text: 'brought site back up' });
  });

  it('reads a clock time later than now as yesterday', () => {
    expect(ok('14:35 rsync started').occurredAt).toBe('2026-11-20T21:35:00.000Z');
    expect(ok('23:50 rsync started').occurredAt).toBe('2026-11-21T06:50:00.000Z');
  });

  it('keeps today within the grace minute', () => {
    expect(FUTURE_GRACE_MS).toBeGreaterThan(0);
    expect(ok('14:31 rsync started', '2026-11-21T21:30:30.000Z').occurredAt).toBe('2026-11-21T21:31:00.000Z');
  });

  it('uses the incident zone for the calendar day, not UTC', () => {
    // 00:30 UTC on the 22nd is still the 21st in Denver, so "today 17:00" is the 21st.
    expect(ok('today 17:00 x', '2026-11-22T00:30:00.000Z').occurredAt).toBe('2026-11-22T00:00:00.000Z');
    // In Sydney it is already 11:30 on the 22nd.
    expect(ok('23:50 x', '2026-11-22T00:30:00.000Z', SYDNEY).occurredAt).toBe('2026-11-21T12:50:00.000Z');
    expect(ok('yesterday 23:50 x', '2026-11-22T00:30:00.000Z', SYDNEY).occurredAt).toBe('2026-11-21T12:50:00.000Z');
    expect(ok('09:00 x', '2026-11-22T00:30:00.000Z', SYDNEY).occurredAt).toBe('2026-11-21T22:00:00.000Z');
  });
});

describe('times across daylight-saving changes', () => {
  const afterSpringForward = '2026-03-08T16:00:00.000Z'; // 09:00 MDT, Sunday 8 March 2026
  const afterFallBack = '2026-11-01T18:00:00.000Z'; // 11:00 MST, Sunday 1 November 2026

  it('uses MST before and MDT after the Denver spring-forward', () => {
    expect(ok('01:30 x', afterSpringForward).occurredAt).toBe('2026-03-08T08:30:00.000Z');
    expect(ok('03:30 x', afterSpringForward).occurredAt).toBe('2026-03-08T09:30:00.000Z');
    expect(ok('yesterday 23:50 x', afterSpringForward).occurredAt).toBe('2026-03-08T06:50:00.000Z');
  });

  it('moves a skipped wall time forward by the gap', () => {
    expect(ok('02:30 x', afterSpringForward).occurredAt).toBe('2026-03-08T09:30:00.000Z');
  });

  it('counts relative times in real minutes across the change', () => {
    expect(ok('-8h x', afterSpringForward).occurredAt).toBe('2026-03-08T08:00:00.000Z');
    expect(ok('-12h x', afterFallBack).occurredAt).toBe('2026-11-01T06:00:00.000Z');
  });

  it('takes the earlier of a repeated wall time at the Denver fall-back', () => {
    expect(ok('01:30 x', afterFallBack).occurredAt).toBe('2026-11-01T07:30:00.000Z');
    expect(ok('00:30 x', afterFallBack).occurredAt).toBe('2026-11-01T06:30:00.000Z');
    expect(ok('03:00 x', afterFallBack).occurredAt).toBe('2026-11-01T10:00:00.000Z');
  });

  it('handles the Sydney end of daylight time', () => {
    const now = '2026-04-05T00:00:00.000Z'; // 10:00 AEST, Sunday 5 April 2026
    expect(ok('01:00 x', now, SYDNEY).occurredAt).toBe('2026-04-04T14:00:00.000Z');
    expect(ok('04:00 x', now, SYDNEY).occurredAt).toBe('2026-04-04T18:00:00.000Z');
  });

  it('always lands in the last day and shows the typed time back (property)', () => {
    const zones = [DENVER, SYDNEY, 'UTC', 'Asia/Kolkata', 'Europe/London'];
    const nowArb = fc.integer({ min: Date.parse('2026-01-01T00:00:00.000Z'), max: Date.parse('2026-12-31T00:00:00.000Z') });
    fc.assert(
      fc.property(nowArb, fc.constantFrom(...zones), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (nowMs, zone, hour, minute) => {
        const clock = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
        const now = new Date(nowMs).toISOString();
        const at = ok(`${clock} event`, now, zone).occurredAt!;
        const ageMs = nowMs - Date.parse(at);
        // A day can be 25 hours long at a fall-back; a skipped wall time shifts by the one-hour gap.
        expect(ageMs).toBeGreaterThanOrEqual(-FUTURE_GRACE_MS - 60 * 60_000);
        expect(ageMs).toBeLessThanOrEqual(25 * 60 * 60_000);
        // The typed time is shown back, unless it fell into a DST gap (an offset change within the hour).
        const dt = DateTime.fromISO(at, { zone });
        const nearTransition = dt.minus({ hours: 2 }).offset !== dt.plus({ hours: 2 }).offset;
        if (!nearTransition) expect(formatTime(at, zone)).toBe(clock);
      }),
      { numRuns: 150 },
    );
  });
});

describe('prefixes', () => {
  it('accepts kind, key, time and workstream in any order', () => {
    const expected = { ok: true, occurredAt: '2026-11-21T21:20:00.000Z', kind: 'decision', key: true, workstream: 'db', text: 'call the upgrade off' };
    expect(parseQuickAdd('/decision ! -10m #db call the upgrade off', { now: NOW, zone: DENVER })).toEqual(expected);
    expect(parseQuickAdd('#db -10m /decision call the upgrade off !', { now: NOW, zone: DENVER })).toEqual(expected);
    expect(parseQuickAdd('! 14:20 /Decision call the upgrade off #db', { now: NOW, zone: DENVER })).toEqual(expected);
  });

  it.each([
    ['/action restart replica', 'action'],
    ['/comms status page updated', 'comms'],
    ['/event disk full', 'event'],
    ['/note remember the turtle', 'note'],
  ])('%s sets the kind', (input, kind) => {
    expect(ok(input).kind).toBe(kind);
  });

  it('names the known kinds for an unknown one', () => {
    const message = error('/foo something');
    expect(message).toContain('/foo');
    for (const kind of ['/decision', '/action', '/comms', '/event', '/note']) expect(message).toContain(kind);
  });

  it('takes the first #tag anywhere as the workstream and leaves the rest', () => {
    expect(ok('restored replica #restore-from-DR before noon')).toMatchObject({ workstream: 'restore-from-DR', text: 'restored replica before noon' });
    expect(ok('#turtle #hare racing')).toMatchObject({ workstream: 'turtle', text: '#hare racing' });
    expect(ok('checked ## heading and # note')).toMatchObject({ workstream: '', text: 'checked ## heading and # note' });
    expect(ok('moved to #db.')).toMatchObject({ workstream: 'db', text: 'moved to' });
    expect(ok('see ticket#12 here')).toMatchObject({ workstream: '', text: 'see ticket#12 here' });
  });

  it('treats ! as a key marker only when it stands alone', () => {
    expect(ok('site is down!')).toMatchObject({ key: false, text: 'site is down!' });
    expect(ok('site is down !')).toMatchObject({ key: true, text: 'site is down' });
    expect(ok('! site is down')).toMatchObject({ key: true, text: 'site is down' });
  });
});

describe('errors', () => {
  it.each(['25:99 foo', '-10x foo', '-10 foo', '14:2 foo', '2026-13-01 10:00 foo', '2026-11-31 10:00 foo', 'yesterday 25:00 foo', '24:00 foo', '14:25pmx foo'])(
    'refuses the unreadable time in %j',
    (input) => {
      const message = error(input);
      expect(message).toMatch(/^Can't read the time “.+”: use 14:25, 0009, 14 May 00:09, 5\/14\/2008 00:09, 2008-05-14 00:09 MST, -10m or yesterday 23:50\. Start with \\ to keep it as text\.$/);
      expect(message).toContain(input.replace(/ foo$/, ''));
    },
  );

  it('asks for the text when only prefixes are given', () => {
    expect(error('14:25')).toBe('Write what happened after the time.');
    expect(error('/decision ! #db -10m   ')).toBe('Write what happened after the time.');
    expect(error('   ')).toBe('Write what happened.');
    expect(error('/decision !')).toBe('Write what happened.');
  });
});
