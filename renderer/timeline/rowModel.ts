// The flattened row model the virtualized table renders: entry rows in display
// order, with a date row wherever the calendar day changes in the display zone.
// One pass over the ordered ids; luxon is consulted only when a row leaves the
// current day, so 100k rows over four days cost four zone conversions.
import { DateTime } from 'luxon';
import { formatDayHeading, zoneAbbrev } from '../../shared/time/format';
import type { EntryRow } from './entryRow';
import type { SortDirection, TimelineFilters } from './viewStore';

/**
 * Rows in display order as plain keys: an entry row's key is its id, a date row's key starts
 * with DAY_KEY_PREFIX (ULIDs never do). Keys are strings the store already holds, so a
 * rebuild over 100k entries allocates one array and no per-row objects.
 */
export interface TimelineRowModel {
  keys: string[];
  /** Date-row key → heading, e.g. "Sat 21 Nov 2026 · MST". */
  dayLabels: Map<string, string>;
  entryCount: number;
}

export const DAY_KEY_PREFIX = 'day:';

export function isDayKey(key: string): boolean {
  return key.startsWith(DAY_KEY_PREFIX);
}

export interface RowModelInput {
  orderedIds: readonly string[];
  byId: ReadonlyMap<string, EntryRow>;
  filters: TimelineFilters;
  search: string;
  sort: SortDirection;
  zone: string;
}

/** A predicate for the current filters and search, or null when every entry passes. */
export function entryFilter(filters: TimelineFilters, search: string): ((row: EntryRow) => boolean) | null {
  const needle = search.trim().toLowerCase();
  const kinds = filters.kinds.length > 0 ? new Set<string>(filters.kinds) : null;
  const { author, workstream, keyOnly, showRetracted } = filters;
  if (!kinds && author === '' && workstream === '' && !keyOnly && showRetracted && needle === '') return null;
  return (row) =>
    (kinds === null || kinds.has(row.kind)) &&
    (author === '' || row.author === author) &&
    (workstream === '' || row.workstream === workstream) &&
    (!keyOnly || row.key) &&
    (showRetracted || row.retraction === null) &&
    (needle === '' || row.searchText.includes(needle));
}

export function buildTimelineRows(input: RowModelInput): TimelineRowModel {
  const { orderedIds, byId, sort, zone } = input;
  const keep = entryFilter(input.filters, input.search);
  const keys: string[] = [];
  const dayLabels = new Map<string, string>();
  let entryCount = 0;
  let dayStart = Number.POSITIVE_INFINITY;
  let dayEnd = Number.NEGATIVE_INFINITY;
  const n = orderedIds.length;
  for (let i = 0; i < n; i++) {
    const id = orderedIds[sort === 'asc' ? i : n - 1 - i] as string;
    const row = byId.get(id);
    if (!row || (keep !== null && !keep(row))) continue;
    if (row.occurredMs < dayStart || row.occurredMs >= dayEnd) {
      const start = DateTime.fromMillis(row.occurredMs, { zone }).startOf('day');
      dayStart = start.toMillis();
      dayEnd = start.plus({ days: 1 }).toMillis();
      const key = `${DAY_KEY_PREFIX}${start.toISODate() ?? row.occurredAt}`;
      dayLabels.set(key, `${formatDayHeading(row.occurredAt, zone)} · ${zoneAbbrev(row.occurredAt, zone)}`);
      keys.push(key);
    }
    keys.push(id);
    entryCount += 1;
  }
  return { keys, dayLabels, entryCount };
}
