import { describe, expect, it } from 'vitest';
import { formatStartTime, parseStartTime } from '../startTime';

describe('parseStartTime', () => {
  it('reads wall time in the chosen zone and returns a UTC instant', () => {
    expect(parseStartTime('2026-11-21 14:25', 'America/Denver')).toEqual({ ok: true, instant: '2026-11-21T21:25:00.000Z' });
    expect(parseStartTime('2026-11-21 14:25', 'Australia/Sydney')).toEqual({ ok: true, instant: '2026-11-21T03:25:00.000Z' });
  });

  it('accepts the ISO T separator and extra spaces', () => {
    expect(parseStartTime(' 2026-11-21T14:25 ', 'UTC')).toEqual({ ok: true, instant: '2026-11-21T14:25:00.000Z' });
  });

  it('refuses a time skipped by a DST change', () => {
    const result = parseStartTime('2026-03-08 02:30', 'America/Denver');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/does not exist/);
  });

  it('explains the format for unreadable input', () => {
    const result = parseStartTime('yesterday-ish', 'UTC');
    expect(result).toEqual({ ok: false, error: expect.stringContaining('YYYY-MM-DD HH:MM') });
  });

  it('round-trips with formatStartTime in any zone', () => {
    for (const zone of ['UTC', 'America/Denver', 'Asia/Kolkata', 'Australia/Sydney']) {
      const typed = formatStartTime('2026-11-21T23:06:00.000Z', zone);
      expect(parseStartTime(typed, zone)).toEqual({ ok: true, instant: '2026-11-21T23:06:00.000Z' });
    }
  });
});
