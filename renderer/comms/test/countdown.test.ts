import { describe, expect, it } from 'vitest';
import { cadenceCountdown, clockSpan } from '../countdown';

const DUE = '2026-11-21T21:00:00.000Z';

describe('cadenceCountdown', () => {
  it('counts down in mm:ss under an hour', () => {
    expect(cadenceCountdown(DUE, '2026-11-21T20:47:56.000Z')).toEqual({
      overdue: false,
      seconds: 724,
      text: 'Next update in 12:04',
      short: 'in 12:04',
      label: 'Status update due in 12 minutes',
    });
  });

  it('writes hours and minutes from an hour up, so it never reads as minutes and seconds', () => {
    expect(cadenceCountdown(DUE, '2026-11-21T19:55:00.000Z').text).toBe('Next update in 1h 05m');
    expect(cadenceCountdown(DUE, '2026-11-22T14:46:00.000Z').short).toBe('overdue by 17h 46m');
    expect(cadenceCountdown('2026-11-21T23:00:00.000Z', '2026-11-21T19:00:00.000Z').label).toBe('Status update due in 240 minutes');
  });

  it('is due, not overdue, at the exact second, then turns overdue', () => {
    expect(cadenceCountdown(DUE, DUE)).toMatchObject({ overdue: false, text: 'Next update in 0:00', label: 'Status update due in less than a minute' });
    expect(cadenceCountdown(DUE, '2026-11-21T21:03:10.000Z')).toEqual({
      overdue: true,
      seconds: -190,
      text: 'Update overdue by 3:10',
      short: 'overdue by 3:10',
      label: 'Status update overdue by 3 minutes',
    });
    expect(cadenceCountdown(DUE, '2026-11-21T21:01:00.000Z').label).toBe('Status update overdue by 1 minute');
  });

  it('formats spans', () => {
    expect(clockSpan(0)).toBe('0:00');
    expect(clockSpan(59 * 60 + 59)).toBe('59:59');
    expect(clockSpan(3600)).toBe('1h 00m');
    expect(clockSpan(41 * 3600 + 46 * 60)).toBe('1d 17h');
    expect(clockSpan(26 * 3600 + 5 * 60 + 30)).toBe('1d 02h');
  });
});
