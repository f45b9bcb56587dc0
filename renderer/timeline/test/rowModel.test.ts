import { describe, expect, it } from 'vitest';
import { formatDayHeading } from '../../../shared/time/format';
import type { TimelineEntry } from '../../../shared/model/types';
import { toEntryRow, type EntryRow } from '../entryRow';
import { buildTimelineRows, entryFilter, isDayKey } from '../rowModel';
import { DEFAULT_FILTERS, type TimelineFilters } from '../viewStore';

function entry(id: string, occurredAt: string, patch: Partial<TimelineEntry> = {}): EntryRow {
  return toEntryRow({
    id,
    occurredAt,
    recordedAt: occurredAt,
    author: 'ana',
    kind: 'note',
    text: `entry ${id}`,
    workstream: '',
    key: false,
    retraction: null,
    history: [],
    ...patch,
  });
}

function model(rows: EntryRow[], zone: string, extra: { filters?: Partial<TimelineFilters>; search?: string; sort?: 'asc' | 'desc' } = {}) {
  return buildTimelineRows({
    orderedIds: rows.map((r) => r.id),
    byId: new Map(rows.map((r) => [r.id, r])),
    filters: { ...DEFAULT_FILTERS, ...extra.filters },
    search: extra.search ?? '',
    sort: extra.sort ?? 'asc',
    zone,
  });
}

const dayLabels = (rows: ReturnType<typeof model>) => rows.keys.filter(isDayKey).map((k) => rows.dayLabels.get(k));
const shape = (rows: ReturnType<typeof model>) => rows.keys.map((k) => (isDayKey(k) ? 'day' : k));

describe('timeline row model', () => {
  // 05:30Z and 06:30Z on 22 Nov are 22:30 and 23:30 on 21 Nov in Denver (MST, UTC-7); 07:30Z is 00:30 on the 22nd.
  const acrossMidnight = [
    entry('a', '2026-11-22T05:30:00.000Z'),
    entry('b', '2026-11-22T06:30:00.000Z'),
    entry('c', '2026-11-22T07:30:00.000Z'),
    entry('d', '2026-11-23T08:00:00.000Z'),
  ];

  it('puts a date row where the day changes in the display zone', () => {
    const rows = model(acrossMidnight, 'America/Denver');
    expect(shape(rows)).toEqual(['day', 'a', 'b', 'day', 'c', 'day', 'd']);
    expect(rows.entryCount).toBe(4);
    expect(dayLabels(rows)[0]).toBe(`${formatDayHeading('2026-11-22T05:30:00.000Z', 'America/Denver')} · MST`);
    expect(dayLabels(rows)[0]).toContain('21 Nov');
  });

  it('regroups days when the zone switches to UTC', () => {
    const rows = model(acrossMidnight, 'UTC');
    expect(shape(rows)).toEqual(['day', 'a', 'b', 'c', 'day', 'd']);
    expect(dayLabels(rows).every((l) => l?.endsWith('· UTC'))).toBe(true);
  });

  it('labels the zone abbreviation in force on each side of a DST change', () => {
    // Denver leaves daylight time on Sun 1 Nov 2026 at 02:00 MDT.
    const rows = model([entry('x', '2026-10-31T18:00:00.000Z'), entry('y', '2026-11-02T18:00:00.000Z')], 'America/Denver');
    expect(dayLabels(rows).map((l) => l?.split(' · ')[1])).toEqual(['MDT', 'MST']);
  });

  it('emits date rows in descending order too', () => {
    const rows = model(acrossMidnight, 'America/Denver', { sort: 'desc' });
    expect(shape(rows)).toEqual(['day', 'd', 'day', 'c', 'day', 'b', 'a']);
  });

  it('filters by kind, author, workstream, key events, retraction and text', () => {
    const rows = [
      entry('1', '2026-11-21T20:00:00.000Z', { kind: 'decision', text: 'Call the upgrade **off**' }),
      entry('2', '2026-11-21T20:05:00.000Z', { author: 'bo', workstream: 'turtle', key: true }),
      entry('3', '2026-11-21T20:10:00.000Z', { retraction: { by: 'ana', at: '2026-11-21T20:11:00.000Z', reason: 'dup' } }),
    ];
    const ids = (extra: Parameters<typeof model>[2]) => model(rows, 'UTC', extra).keys.filter((k) => !isDayKey(k));
    expect(ids({ filters: { kinds: ['decision'] } })).toEqual(['1']);
    expect(ids({ filters: { author: 'bo' } })).toEqual(['2']);
    expect(ids({ filters: { workstream: 'turtle' } })).toEqual(['2']);
    expect(ids({ filters: { keyOnly: true } })).toEqual(['2']);
    expect(ids({ filters: { showRetracted: false } })).toEqual(['1', '2']);
    expect(ids({ search: 'UPGRADE' })).toEqual(['1']);
    expect(ids({ search: 'turt' })).toEqual(['2']);
    expect(ids({})).toEqual(['1', '2', '3']);
  });

  it('has no predicate when nothing is filtered, so the fast path is taken', () => {
    expect(entryFilter(DEFAULT_FILTERS, '  ')).toBeNull();
    expect(entryFilter({ ...DEFAULT_FILTERS, keyOnly: true }, '')).not.toBeNull();
  });

  it('counts only entry rows', () => {
    const rows = model(acrossMidnight, 'America/Denver', { search: 'entry c' });
    expect(rows.entryCount).toBe(1);
    expect(shape(rows)).toEqual(['day', 'c']);
  });
});
