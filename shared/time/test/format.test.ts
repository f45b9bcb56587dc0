import { Settings } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { dayKey, durationWords, elapsedLabel, formatDateTime, formatDayHeading, formatTime, zoneAbbrev } from '../format';
import { canonicalInstant, instantFromMillis, isCanonicalInstantAt } from '../instant';
import { isValidZone, localZone, resolveZone } from '../zones';

const DENVER = 'America/Denver';
const SYDNEY = 'Australia/Sydney';

afterEach(() => {
  Settings.defaultZone = 'system';
});

describe('zones', () => {
  it('knows IANA zones and refuses made-up ones', () => {
    expect([DENVER, SYDNEY, 'UTC', 'Asia/Kolkata'].every(isValidZone)).toBe(true);
    expect(['Mars/Olympus', '', 'MST7MDT8'].some(isValidZone)).toBe(false);
  });

  it('resolves the display choice, falling back to UTC for a broken incident zone', () => {
    Settings.defaultZone = 'Europe/London';
    expect(localZone()).toBe('Europe/London');
    expect(resolveZone('incident', DENVER)).toBe(DENVER);
    expect(resolveZone('local', DENVER)).toBe('Europe/London');
    expect(resolveZone('utc', DENVER)).toBe('UTC');
    expect(resolveZone('incident', 'Nowhere/Special')).toBe('UTC');
  });

  it('shows one instant on three clocks when the zone is switched', () => {
    Settings.defaultZone = SYDNEY;
    const at = '2026-11-21T21:25:00.000Z';
    const shown = (['incident', 'local', 'utc'] as const).map((choice) => formatDateTime(at, resolveZone(choice, DENVER)));
    expect(shown).toEqual(['2026-11-21 14:25 MST', '2026-11-22 08:25 AEDT', '2026-11-21 21:25 UTC']);
  });
});

describe('instants', () => {
  it('canonicalises UTC strings and refuses offsets and nonsense', () => {
    expect(canonicalInstant('2026-11-21T23:06:00Z')).toBe('2026-11-21T23:06:00.000Z');
    expect(canonicalInstant('2026-11-21T23:06:00.5Z')).toBe('2026-11-21T23:06:00.500Z');
    expect(canonicalInstant('2026-11-21T23:06:00+01:00')).toBeNull();
    expect(canonicalInstant('2026-02-30T00:00:00Z')).toBeNull();
    expect(canonicalInstant('soon')).toBeNull();
    expect(instantFromMillis(Date.UTC(2026, 10, 21, 23, 6))).toBe(new Date(Date.UTC(2026, 10, 21, 23, 6)).toISOString());
  });

  it('tells a canonical instant where it stands in a line exactly as luxon reads one', () => {
    const values = [
      '2026-11-21T23:06:00.000Z',
      '2024-02-29T12:00:00.000Z',
      '2026-02-29T12:00:00.000Z',
      '2026-04-31T00:00:00.000Z',
      '2026-13-01T00:00:00.000Z',
      '2026-00-10T00:00:00.000Z',
      '2026-11-00T00:00:00.000Z',
      '2026-11-21T24:00:00.000Z',
      '2026-11-21T23:60:00.000Z',
      '2026-11-21T23:06:60.000Z',
      '2026-11-21T23:06:00.000z',
      '2026-11-21 23:06:00.000Z',
      '2026-11-21T23:06:00Z',
      '1900-02-29T00:00:00.000Z',
      '2000-02-29T00:00:00.000Z',
    ];
    for (const value of values) expect([value, isCanonicalInstantAt(value)]).toEqual([value, canonicalInstant(value) === value]);
    expect(isCanonicalInstantAt('> 2026-11-21T23:06:00.000Z app: up', 2)).toBe(true);
    expect(isCanonicalInstantAt('2026-11-21T23:06:00.00')).toBe(false);
  });
});

describe('wall-clock display', () => {
  it('formats time, date, heading and abbreviation in the given zone', () => {
    const at = '2026-11-21T21:25:00.000Z';
    expect(formatTime(at, DENVER)).toBe('14:25');
    expect(formatDateTime(at, DENVER)).toBe('2026-11-21 14:25 MST');
    expect(formatDayHeading(at, DENVER)).toBe('Sat 21 Nov 2026');
    expect(formatDayHeading(at, SYDNEY)).toBe('Sun 22 Nov 2026');
    expect(zoneAbbrev(at, SYDNEY)).toBe('AEDT');
    expect(zoneAbbrev(at, 'UTC')).toBe('UTC');
    expect(zoneAbbrev('2026-07-01T12:00:00.000Z', 'Europe/London')).toBe('BST');
    expect(zoneAbbrev('2026-07-01T12:00:00.000Z', 'Asia/Tokyo')).toBe('GMT+9');
  });

  it('crosses the Denver spring-forward gap without a 02:xx hour', () => {
    expect(formatDateTime('2026-03-08T08:59:00.000Z', DENVER)).toBe('2026-03-08 01:59 MST');
    expect(formatDateTime('2026-03-08T09:00:00.000Z', DENVER)).toBe('2026-03-08 03:00 MDT');
  });

  it('shows the repeated Denver fall-back hour twice with different abbreviations', () => {
    expect(formatDateTime('2026-11-01T07:30:00.000Z', DENVER)).toBe('2026-11-01 01:30 MDT');
    expect(formatDateTime('2026-11-01T08:30:00.000Z', DENVER)).toBe('2026-11-01 01:30 MST');
  });

  it('follows Sydney out of and into daylight time', () => {
    // DST ends 2026-04-05 03:00 AEDT (16:00 UTC the day before) and starts 2026-10-04 02:00 AEST.
    expect(formatDateTime('2026-04-04T15:30:00.000Z', SYDNEY)).toBe('2026-04-05 02:30 AEDT');
    expect(formatDateTime('2026-04-04T16:30:00.000Z', SYDNEY)).toBe('2026-04-05 02:30 AEST');
    expect(formatDateTime('2026-10-03T15:59:00.000Z', SYDNEY)).toBe('2026-10-04 01:59 AEST');
    expect(formatDateTime('2026-10-03T16:00:00.000Z', SYDNEY)).toBe('2026-10-04 03:00 AEDT');
  });

  it('puts 23:50 and 00:10 on different days in the display zone, not in UTC', () => {
    const beforeMidnight = '2026-11-22T06:50:00.000Z';
    const afterMidnight = '2026-11-22T07:10:00.000Z';
    expect([dayKey(beforeMidnight, DENVER), dayKey(afterMidnight, DENVER)]).toEqual(['2026-11-21', '2026-11-22']);
    expect(dayKey(beforeMidnight, 'UTC')).toBe(dayKey(afterMidnight, 'UTC'));
    expect([formatTime(beforeMidnight, DENVER), formatTime(afterMidnight, DENVER)]).toEqual(['23:50', '00:10']);
  });

  it('falls back to UTC for an unknown zone rather than throwing', () => {
    expect(formatDateTime('2026-11-21T21:25:00.000Z', 'Nowhere')).toBe('2026-11-21 21:25 UTC');
  });
});

describe('elapsedLabel', () => {
  const start = '2026-11-19T17:00:00.000Z';
  it.each([
    ['2026-11-19T17:00:00.000Z', 'T+0:00'],
    ['2026-11-19T17:00:59.999Z', 'T+0:00'],
    ['2026-11-20T07:16:30.000Z', 'T+14:16'],
    ['2026-11-20T16:59:00.000Z', 'T+23:59'],
    ['2026-11-20T17:00:00.000Z', 'T+1d 00:00'],
    ['2026-11-22T16:15:00.000Z', 'T+2d 23:15'],
    ['2026-11-12T17:05:00.000Z', 'T-6d 23:55'],
    ['2026-11-19T16:55:00.000Z', 'T-0:05'],
    ['2026-11-19T15:30:00.000Z', 'T-1:30'],
    // "-10m" typed a few seconds after the start: ten minutes before it, not nine.
    ['2026-11-19T16:50:20.000Z', 'T-0:10'],
    ['2026-11-19T16:59:59.000Z', 'T-0:01'],
  ])('at %s reads %s', (at, label) => {
    expect(elapsedLabel(start, at)).toBe(label);
  });

  it('counts real hours across a DST change, not wall-clock hours', () => {
    // 13:00 MST to 14:00 MDT the next day is 24 real hours.
    expect(elapsedLabel('2026-03-07T20:00:00.000Z', '2026-03-08T20:00:00.000Z')).toBe('T+1d 00:00');
    expect(formatTime('2026-03-08T20:00:00.000Z', DENVER)).toBe('14:00');
  });
});

describe('durationWords', () => {
  it.each([
    ['2026-11-21T20:00:00.000Z', '2026-11-22T10:16:00.000Z', '14 hours 16 minutes'],
    ['2026-11-21T20:00:00.000Z', '2026-11-21T21:01:00.000Z', '1 hour 1 minute'],
    ['2026-11-21T20:00:00.000Z', '2026-11-23T04:44:00.000Z', '32 hours 44 minutes'],
    ['2026-11-21T20:00:00.000Z', '2026-11-23T20:00:00.000Z', '48 hours'],
    ['2026-11-21T20:00:00.000Z', '2026-11-24T22:05:00.000Z', '74 hours 5 minutes (3 days 2 hours 5 minutes)'],
    ['2026-11-19T17:00:00.000Z', '2026-11-22T16:15:00.000Z', '71 hours 15 minutes (2 days 23 hours 15 minutes)'],
    ['2026-11-21T20:00:00.000Z', '2026-11-21T20:45:00.000Z', '45 minutes'],
    ['2026-11-21T20:00:00.000Z', '2026-11-24T20:00:00.000Z', '72 hours (3 days)'],
    ['2026-11-21T20:00:00.000Z', '2026-11-21T20:00:59.000Z', 'less than a minute'],
  ])('%s → %s is “%s”', (start, end, words) => {
    expect(durationWords(start, end)).toBe(words);
  });

  it('counts real hours across DST, not wall-clock ones', () => {
    expect(durationWords('2026-03-07T20:00:00.000Z', '2026-03-08T20:00:00.000Z')).toBe('24 hours');
    expect(durationWords('2026-10-31T20:00:00.000Z', '2026-11-01T20:00:00.000Z')).toBe('24 hours');
  });

  it('does not care which instant comes first', () => {
    expect(durationWords('2026-11-22T10:16:00.000Z', '2026-11-21T20:00:00.000Z')).toBe('14 hours 16 minutes');
  });
});
