// The flattened row model the virtualized table renders: entry rows in display
// order, with a date row wherever the calendar day changes in the display zone.
// One pass over the ordered ids; luxon is consulted only when a row leaves the
// current day, so 100k rows over four days cost four zone conversions.
import { DateTime } from 'luxon';
import { formatDayHeading, zoneAbbrev } from '../../shared/time/format';
import { recordsLineage } from '../state/keyedRecords';
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

/** The last model and what it was built from, so the next change can patch it. */
interface BuiltRows {
  input: RowModelInput;
  model: TimelineRowModel;
}

/**
 * The row model for `input`, patched from `previous` when the only change is one entry
 * inserted into an unfiltered, ascending timeline on a day that already has rows — the
 * shape of almost every new entry during an incident. A patch is one array copy; a rebuild
 * is a pass over every entry with a map lookup each, ~40 ms at 100k. Anything else rebuilds.
 */
export function updateTimelineRows(previous: BuiltRows | null, input: RowModelInput): BuiltRows {
  if (previous && onlyContentChanged(previous.input, input)) return { input, model: previous.model };
  const patched = previous ? patchOneInsertion(previous, input) : null;
  return { input, model: patched ?? buildTimelineRows(input) };
}

/** The last build per entries store: keyed by its rows' lineage, which every version of one store's byId shares. */
const lastBuilt = new WeakMap<object, BuiltRows>();

/** The row model for `input`, patched from the last one built for the same store when `mayPatch`. */
export function timelineRowsFor(input: RowModelInput, mayPatch: boolean): TimelineRowModel {
  const lineage = recordsLineage(input.byId);
  const built = updateTimelineRows(mayPatch ? (lastBuilt.get(lineage) ?? null) : null, input);
  lastBuilt.set(lineage, built);
  return built.model;
}

/**
 * Only rows' contents changed (a new byId version, the same order) and no filter looks at content:
 * the keys and day rows depend on order alone (an edit of a time moves its entry, so the order
 * changes with it), and the last model still holds.
 */
function onlyContentChanged(before: RowModelInput, input: RowModelInput): boolean {
  return (
    before.orderedIds === input.orderedIds &&
    before.sort === input.sort &&
    before.zone === input.zone &&
    before.filters === input.filters &&
    before.search === input.search &&
    recordsLineage(before.byId) === recordsLineage(input.byId) &&
    entryFilter(input.filters, input.search) === null
  );
}

function patchOneInsertion(previous: BuiltRows, input: RowModelInput): TimelineRowModel | null {
  const before = previous.input;
  if (input.sort !== 'asc' || before.sort !== 'asc' || input.zone !== before.zone || recordsLineage(input.byId) !== recordsLineage(before.byId)) return null;
  if (input.filters !== before.filters || input.search !== before.search || entryFilter(input.filters, input.search) !== null) return null;
  const next = input.orderedIds;
  const prev = before.orderedIds;
  if (next.length !== prev.length + 1) return null;
  let at = 0;
  while (at < prev.length && prev[at] === next[at]) at++;
  for (let i = at; i < prev.length; i++) if (prev[i] !== next[i + 1]) return null;

  const id = next[at] as string;
  const row = input.byId.get(id);
  if (!row) return null;
  const day = DateTime.fromMillis(row.occurredMs, { zone: input.zone }).startOf('day');
  const dayStart = day.toMillis();
  const dayEnd = day.plus({ days: 1 }).toMillis();
  const sameDay = (neighbour: string | undefined) => {
    const other = neighbour === undefined ? undefined : input.byId.get(neighbour);
    return other !== undefined && other.occurredMs >= dayStart && other.occurredMs < dayEnd;
  };
  const keys = previous.model.keys;
  let insertAt = -1;
  if (at > 0 && sameDay(next[at - 1])) {
    // Right after the previous entry's row (day rows only ever shift keys later than the ids).
    insertAt = keys.indexOf(next[at - 1] as string, at - 1) + 1;
  } else if (sameDay(next[at + 1])) {
    // Right before the next entry's row, i.e. just under that day's date row.
    insertAt = keys.indexOf(next[at + 1] as string, at);
  }
  if (insertAt <= 0) return null;
  const patchedKeys = keys.slice(0, insertAt);
  patchedKeys.push(id);
  for (let i = insertAt; i < keys.length; i++) patchedKeys.push(keys[i] as string);
  return { keys: patchedKeys, dayLabels: previous.model.dayLabels, entryCount: previous.model.entryCount + 1 };
}
