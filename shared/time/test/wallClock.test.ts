import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it, vi } from 'vitest';
import { dayKey, formatDateTime, formatTime } from '../format';
import { ianaZone, wallClock } from '../wallClock';

const ZONES = ['America/Denver', 'Australia/Sydney', 'Australia/Lord_Howe', 'America/St_Johns', 'Asia/Kathmandu', 'Europe/London', 'UTC', 'Pacific/Chatham'];
const LARGE_TIMELINE = 100_000;
const ROW_SPACING_MS = 3_000;
const HOUR_MS = 3_600_000;

describe('wallClock', () => {
  it('agrees with luxon for any instant and zone, DST transitions included', () => {
    const instant = fc
      .integer({ min: Date.parse('2020-01-01T00:00:00.000Z'), max: Date.parse('2030-01-01T00:00:00.000Z') })
      .map((ms) => new Date(ms).toISOString());
    fc.assert(
      fc.property(instant, fc.constantFrom(...ZONES), (at, zone) => {
        const expected = DateTime.fromISO(at, { zone });
        expect(wallClock(at, zone)).toEqual({
          year: expected.year,
          month: expected.month,
          day: expected.day,
          hour: expected.hour,
          minute: expected.minute,
          second: expected.second,
          offset: expected.offset,
        });
      }),
      { numRuns: 400 },
    );
  });

  it('is exact minute by minute through the hour of a transition', () => {
    // Lord Howe shifts by 30 minutes; St John's historically at 00:01; Denver by an hour.
    const transitions = [
      ['America/Denver', '2026-03-08T08:00:00.000Z'],
      ['America/Denver', '2026-11-01T07:00:00.000Z'],
      ['Australia/Lord_Howe', '2026-04-04T14:00:00.000Z'],
      ['America/St_Johns', '2010-11-07T02:00:00.000Z'],
    ] as const;
    for (const [zone, from] of transitions) {
      for (let minute = 0; minute < 180; minute++) {
        const at = new Date(Date.parse(from) + minute * 60_000).toISOString();
        expect(formatTime(at, zone)).toBe(DateTime.fromISO(at, { zone }).toFormat('HH:mm'));
        expect(dayKey(at, zone)).toBe(DateTime.fromISO(at, { zone }).toISODate());
      }
    }
  });

  it('asks luxon for the offset about twice an hour of timeline, not once a row', () => {
    // A luxon lookup per row is what made a 100k-row export slow (npm run bench measures the time).
    const zone = ianaZone('America/Denver');
    const lookups = vi.spyOn(zone, 'offset');
    const base = Date.parse('2031-11-19T17:00:00.000Z');
    const instants = Array.from({ length: LARGE_TIMELINE }, (_, i) => new Date(base + i * ROW_SPACING_MS).toISOString());
    for (const at of instants) formatDateTime(at, 'America/Denver');
    const hours = Math.ceil((LARGE_TIMELINE * ROW_SPACING_MS) / HOUR_MS) + 1;
    expect(lookups.mock.calls.length).toBeLessThanOrEqual(2 * hours);
    lookups.mockRestore();
  });
});
