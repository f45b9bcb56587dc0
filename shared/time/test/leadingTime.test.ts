// Every leading date and time form the quick-add bar reads, as a live responder and a
// postmortem author write them, each checked in the zone it must be read in.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuickAdd, type QuickAddResult } from '../quickAdd';
import type { DateOrder } from '../leadingTime';

const DENVER = 'America/Denver';
const BERLIN = 'Europe/Berlin';
/** 14:30 MST on Saturday 21 November 2026. */
const NOW = '2026-11-21T21:30:00.000Z';

function parse(input: string, opts: { now?: string; zone?: string; dateOrder?: DateOrder } = {}): QuickAddResult {
  return parseQuickAdd(input, { now: opts.now ?? NOW, zone: opts.zone ?? DENVER, dateOrder: opts.dateOrder ?? 'month-first' });
}

function at(input: string, opts: Parameters<typeof parse>[1] = {}): string | null {
  const result = parse(input, opts);
  if (!result.ok) throw new Error(`expected ${input} to parse: ${result.error}`);
  expect(result.text).toBe('text');
  return result.occurredAt;
}

function refused(input: string, opts: Parameters<typeof parse>[1] = {}): string {
  const result = parse(input, opts);
  if (result.ok) throw new Error(`expected ${input} to be refused, got ${JSON.stringify(result)}`);
  return result.error;
}

describe('the forms a postmortem is written in', () => {
  it.each([
    // A public postmortem's 2008 timeline, typed in an incident kept in Denver time (MDT that May).
    ['2008-05-14 00:09 text', '2008-05-14T06:09:00.000Z'],
    ['2008-05-14T00:09 text', '2008-05-14T06:09:00.000Z'],
    ['2008-05-14 12:09am text', '2008-05-14T06:09:00.000Z'],
    ['2008-05-14 0009 text', '2008-05-14T06:09:00.000Z'],
    ['14 May 2008 00:09 text', '2008-05-14T06:09:00.000Z'],
    ['May 14 2008 00:09 text', '2008-05-14T06:09:00.000Z'],
    ['May 14, 2008 00:09 text', '2008-05-14T06:09:00.000Z'],
    ['Wed 14 May 2008 00:09 text', '2008-05-14T06:09:00.000Z'],
    ['5/14/2008 00:09 text', '2008-05-14T06:09:00.000Z'],
    ['14 May 2008 00:09:30 text', '2008-05-14T06:09:30.000Z'],
    ['14 May 2008 9:05 pm text', '2008-05-15T03:05:00.000Z'],
    ['14 Sept 2026 9pm text', '2026-09-15T03:00:00.000Z'],
  ])('%s', (input, expected) => {
    expect(at(input)).toBe(expected);
  });

  it('reads a bare HHMM as a clock time, today or yesterday', () => {
    expect(at('0009 text')).toBe('2026-11-21T07:09:00.000Z');
    expect(at('1415 text')).toBe('2026-11-21T21:15:00.000Z');
    // 20:45 is still ahead at 14:30, so it was yesterday evening.
    expect(at('2045 text')).toBe('2026-11-21T03:45:00.000Z');
  });

  it('reads a date without a year as the latest one that is not ahead', () => {
    expect(at('14 May 00:09 text')).toBe('2026-05-14T06:09:00.000Z');
    expect(at('Dec 24 18:00 text')).toBe('2025-12-25T01:00:00.000Z');
    expect(at('21 Nov 14:00 text')).toBe('2026-11-21T21:00:00.000Z');
    expect(at('21 Nov 15:00 text')).toBe('2025-11-21T22:00:00.000Z');
  });

  it('reads a weekday and a clock as the latest such moment', () => {
    expect(at('Wed 23:50 text')).toBe('2026-11-19T06:50:00.000Z');
    expect(at('Saturday 09:00 text')).toBe('2026-11-21T16:00:00.000Z');
    // Saturday 15:00 is still ahead: the Saturday before.
    expect(at('sat 15:00 text')).toBe('2026-11-14T22:00:00.000Z');
  });
});

describe('numeric dates follow the setting', () => {
  it('reads both orders when unambiguous only by the setting', () => {
    expect(at('5/6/2026 10:00 text', { dateOrder: 'month-first' })).toBe('2026-05-06T16:00:00.000Z');
    expect(at('5/6/2026 10:00 text', { dateOrder: 'day-first' })).toBe('2026-06-05T16:00:00.000Z');
    expect(at('14.5.2008 00:09 text', { dateOrder: 'day-first' })).toBe('2008-05-14T06:09:00.000Z');
    expect(at('14/5 00:09 text', { dateOrder: 'day-first' })).toBe('2026-05-14T06:09:00.000Z');
  });

  it('refuses a date that the setting cannot read, never swapping day and month', () => {
    expect(refused('5/14/2008 00:09 text', { dateOrder: 'day-first' })).toContain('“5/14/2008 00:09”');
    expect(refused('14/5/2008 00:09 text', { dateOrder: 'month-first' })).toContain('“14/5/2008 00:09”');
    expect(refused('5/14/08 00:09 text')).toContain('5/14/08');
  });

  it('shows the order in use in the error', () => {
    expect(refused('99:99 text', { dateOrder: 'day-first' })).toContain('14/5/2008 00:09');
    expect(refused('99:99 text', { dateOrder: 'month-first' })).toContain('5/14/2008 00:09');
  });
});

describe('zones written with the time', () => {
  it.each([
    ['00:09 MST text', '2026-11-21T07:09:00.000Z'],
    ['MST 00:09 text', '2026-11-21T07:09:00.000Z'],
    ['14 May 2008 00:09 MST text', '2008-05-14T07:09:00.000Z'],
    // MDT was in force in Denver that May, but "MST" names the fixed offset the author used.
    ['2008-05-14 00:09 MDT text', '2008-05-14T06:09:00.000Z'],
    ['12:00 UTC text', '2026-11-21T12:00:00.000Z'],
    ['12:00 Europe/Berlin text', '2026-11-21T11:00:00.000Z'],
    ['12:00 +05:30 text', '2026-11-21T06:30:00.000Z'],
    ['12:00 UTC-3 text', '2026-11-21T15:00:00.000Z'],
    ['2026-11-21T12:00Z text', '2026-11-21T12:00:00.000Z'],
    ['2026-11-21T12:00+01:00 text', '2026-11-21T11:00:00.000Z'],
  ])('%s', (input, expected) => {
    expect(at(input)).toBe(expected);
  });

  it('counts "today" in the written zone', () => {
    // 14:30 in Denver is already 22:30 in Berlin: 23:50 Berlin time is yesterday there.
    expect(at('23:50 Europe/Berlin text')).toBe('2026-11-20T22:50:00.000Z');
    expect(at('22:00 Europe/Berlin text')).toBe('2026-11-21T21:00:00.000Z');
  });

  it('reads Berlin summer time for a Berlin date in July', () => {
    expect(at('2026-07-01 12:00 text', { zone: BERLIN })).toBe('2026-07-01T10:00:00.000Z');
    expect(at('2026-01-01 12:00 text', { zone: BERLIN })).toBe('2026-01-01T11:00:00.000Z');
  });

  it('leaves words that only look like zones in the text', () => {
    expect(parse('14:25 west region paged')).toMatchObject({ ok: true, occurredAt: '2026-11-21T21:25:00.000Z', text: 'west region paged' });
  });
});

describe('day boundaries and DST', () => {
  it('uses the zone for the calendar day of a bare HHMM', () => {
    // 00:30 UTC on the 22nd is 17:30 on the 21st in Denver.
    expect(at('1700 text', { now: '2026-11-22T00:30:00.000Z' })).toBe('2026-11-22T00:00:00.000Z');
  });

  it('takes the earlier pass of a repeated hour and moves a skipped one forward', () => {
    expect(at('2026-11-01 01:30 text')).toBe('2026-11-01T07:30:00.000Z');
    expect(at('Mar 8 2026 02:30 text')).toBe('2026-03-08T09:30:00.000Z');
  });
});

describe('refusals name the token and keep nothing as text', () => {
  it.each([
    ['14 May 2008 25:00 text', '14 May 2008 25:00'],
    ['14 May 2008 text', '14 May 2008'],
    ['31 Nov 2026 10:00 text', '31 Nov 2026 10:00'],
    ['Thu 14 May 2008 00:09 text', 'Thu 14 May 2008 00:09'],
    ['Wed 25:00 text', 'Wed 25:00'],
    ['2460 text', '2460'],
    ['5000 errors', '5000'],
    ['yesterday 9 text', 'yesterday 9'],
  ])('%s', (input, token) => {
    expect(refused(input)).toContain(`“${token}”`);
  });

  it('never reads text after a valid time as part of it (property)', () => {
    const word = fc.stringMatching(/^[A-Za-z][a-z]{0,8}$/).filter((w) => !/^(am|pm|a|p|z)$/i.test(w));
    fc.assert(
      fc.property(fc.constantFrom('14:25', '0009', '2008-05-14 00:09', '14 May 2008 00:09', 'Wed 23:50'), fc.array(word, { minLength: 1, maxLength: 5 }), (time, words) => {
        const text = words.join(' ');
        const result = parse(`${time} ${text}`);
        const alone = parse(`${time} x`);
        // The time reads the same whatever follows, and the text keeps every word.
        expect(result).toMatchObject({ ok: true, text });
        expect(alone.ok && result.ok && result.occurredAt === alone.occurredAt).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never yields an entry from a refused prefix (property)', () => {
    const bad = fc.oneof(
      fc.tuple(fc.integer({ min: 24, max: 99 }), fc.integer({ min: 0, max: 99 })).map(([h, m]) => `${h}:${String(m).padStart(2, '0')}`),
      fc.integer({ min: 2400, max: 9999 }).map(String),
      fc.tuple(fc.integer({ min: 13, max: 31 }), fc.integer({ min: 13, max: 31 })).map(([a, b]) => `${a}/${b}/2026 10:00`),
      fc.integer({ min: 32, max: 99 }).map((d) => `${d} May 2026 10:00`),
    );
    fc.assert(
      fc.property(bad, fc.string(), (prefix, rest) => {
        expect(parse(`${prefix} ${rest}`).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
