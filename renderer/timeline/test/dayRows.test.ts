import { describe, expect, it } from 'vitest';
import { dayRowAbove, dayRowForDate, dayRowIndices } from '../dayRows';

const keys = ['day:2026-11-21', 'a', 'b', 'day:2026-11-22', 'c', 'day:2026-11-24', 'd', 'e'];

describe('day rows', () => {
  const days = dayRowIndices(keys);

  it('finds the day of any row by its date row above', () => {
    expect(days).toEqual([0, 3, 5]);
    expect([0, 1, 2, 3, 4, 5, 7].map((i) => dayRowAbove(days, i))).toEqual([0, 0, 0, 3, 3, 5, 5]);
    expect(dayRowAbove([], 4)).toBe(-1);
  });

  it('jumps to a day, or the next day with entries, or the last one', () => {
    expect(dayRowForDate(keys, days, '2026-11-22', 'asc')).toBe(3);
    expect(dayRowForDate(keys, days, '2026-11-23', 'asc')).toBe(5);
    expect(dayRowForDate(keys, days, '2026-12-01', 'asc')).toBe(5);
    const newestFirst = ['day:2026-11-24', 'e', 'day:2026-11-22', 'c', 'day:2026-11-21', 'a'];
    expect(dayRowForDate(newestFirst, dayRowIndices(newestFirst), '2026-11-23', 'desc')).toBe(2);
    expect(dayRowForDate([], [], '2026-11-23', 'asc')).toBe(-1);
  });
});
