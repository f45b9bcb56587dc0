// Where the date rows sit in the row model, for the sticky day label (which day is the top
// visible row in?) and "Jump to date". One pass finds the date rows; each question after
// that is a binary search, so scrolling 100k rows never walks them.
import { DAY_KEY_PREFIX, isDayKey } from './rowModel';
import type { SortDirection } from './viewStore';

/** The indices of the date rows, in display order. */
export function dayRowIndices(keys: readonly string[]): number[] {
  const indices: number[] = [];
  for (let i = 0; i < keys.length; i++) if (isDayKey(keys[i] as string)) indices.push(i);
  return indices;
}

/** The date row at or above `index` (the day that row belongs to), or -1 above the first. */
export function dayRowAbove(dayRows: readonly number[], index: number): number {
  let lo = 0;
  let hi = dayRows.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((dayRows[mid] as number) <= index) {
      found = dayRows[mid] as number;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * The date row to jump to for a calendar day ("2026-11-21"): that day's row, else the
 * nearest day after it in time (before it in a newest-first list), else the last one
 * shown. -1 when there are no rows.
 */
export function dayRowForDate(keys: readonly string[], dayRows: readonly number[], date: string, sort: SortDirection): number {
  const target = DAY_KEY_PREFIX + date;
  for (const index of dayRows) {
    const key = keys[index] as string;
    if (sort === 'asc' ? key >= target : key <= target) return index;
  }
  return dayRows.length > 0 ? (dayRows[dayRows.length - 1] as number) : -1;
}
