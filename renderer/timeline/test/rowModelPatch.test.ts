import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareEntries } from '../../../shared/model/order';
import { toEntryRow, type EntryRow } from '../entryRow';
import { buildTimelineRows, updateTimelineRows, type RowModelInput } from '../rowModel';
import { DEFAULT_FILTERS } from '../viewStore';

const BASE_MS = Date.parse('2026-11-21T04:00:00.000Z');
const MINUTE = 60_000;

function row(i: number, minute: number): EntryRow {
  const at = new Date(BASE_MS + minute * MINUTE).toISOString();
  return toEntryRow({ id: `E${String(i).padStart(5, '0')}`, occurredAt: at, recordedAt: at, author: 'ana', kind: 'note', text: `entry ${i}`, workstream: '', key: false, retraction: null, history: [] });
}

function inputFor(rows: EntryRow[], byId: Map<string, EntryRow>, extra: Partial<RowModelInput> = {}): RowModelInput {
  return { orderedIds: [...rows].sort(compareEntries).map((r) => r.id), byId, filters: DEFAULT_FILTERS, search: '', sort: 'asc', zone: 'America/Denver', ...extra };
}

// The patched model must always equal a full rebuild: a wrong patch would show an entry under the wrong day.
describe('updateTimelineRows', () => {
  it('patches one new entry into the same model a rebuild gives, at any time of any day (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4 * 24 * 60 }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 4 * 24 * 60 }), (minutes, newMinute) => {
        const rows = minutes.map((m, i) => row(i, m));
        const byId = new Map(rows.map((r) => [r.id, r]));
        const first = updateTimelineRows(null, inputFor(rows, byId));
        const added = row(rows.length, newMinute);
        byId.set(added.id, added);
        const next = inputFor([...rows, added], byId, { filters: first.input.filters });
        expect(updateTimelineRows(first, next).model).toEqual(buildTimelineRows(next));
      }),
      { numRuns: 300 },
    );
  });

  it('rebuilds rather than patches when a filter is on', () => {
    const rows = [row(0, 10), row(1, 20)];
    const byId = new Map(rows.map((r) => [r.id, r]));
    const filters = { ...DEFAULT_FILTERS, keyOnly: true };
    const first = updateTimelineRows(null, inputFor(rows, byId, { filters }));
    const added = { ...row(2, 15), key: true };
    byId.set(added.id, added);
    const next = inputFor([...rows, added], byId, { filters });
    expect(updateTimelineRows(first, next).model).toEqual(buildTimelineRows(next));
    expect(updateTimelineRows(first, next).model.keys).toContain(added.id);
  });
});
