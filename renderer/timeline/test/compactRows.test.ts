import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareEntries } from '../../../shared/model/order';
import type { EntryKind } from '../../../shared/model/types';
import { compactRows, foldRoutineBursts, rowKeyFor, type CompactRowModel } from '../compactRows';
import { toEntryRow, type EntryRow } from '../entryRow';
import { buildTimelineRows, updateTimelineRows, type RowModelInput } from '../rowModel';
import { DEFAULT_FILTERS } from '../viewStore';

const BASE_MS = Date.parse('2026-11-21T14:00:00.000Z');
const MINUTE = 60_000;

function row(i: number, minute: number, kind: EntryKind, extra: Partial<EntryRow> = {}): EntryRow {
  const at = new Date(BASE_MS + minute * MINUTE).toISOString();
  const text = kind === 'handoff' ? `commander: ana → ben` : `entry ${i}`;
  return { ...toEntryRow({ id: `E${String(i).padStart(5, '0')}`, occurredAt: at, recordedAt: at, author: 'ana', kind, text, workstream: '', key: false, retraction: null, history: [] }), ...extra };
}

function inputFor(rows: EntryRow[], byId: Map<string, EntryRow>): RowModelInput {
  return { orderedIds: [...rows].sort(compareEntries).map((r) => r.id), byId, filters: DEFAULT_FILTERS, search: '', sort: 'asc', zone: 'UTC' };
}

function fold(rows: EntryRow[], expanded: ReadonlySet<string> = new Set()): CompactRowModel {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return foldRoutineBursts(buildTimelineRows(inputFor(rows, byId)), byId, expanded);
}

describe('compact mode folding', () => {
  it('folds each run of checklist ticks and role changes into one summary row; decisions, key events and briefed handoffs stay', () => {
    const rows = [
      row(0, 0, 'note'),
      row(1, 1, 'checklist'),
      row(2, 2, 'checklist'),
      row(3, 3, 'handoff'),
      row(4, 4, 'decision'),
      row(5, 5, 'checklist'),
      row(6, 6, 'checklist', { key: true }),
      row(7, 7, 'handoff', { text: 'Handoff: commander: ana → ben, with a briefing' }),
      row(8, 8, 'checklist'),
    ];
    const model = fold(rows);
    expect(model.keys).toEqual(['day:2026-11-21', 'E00000', 'burst:E00001', 'E00004', 'E00005', 'E00006', 'E00007', 'E00008']);
    expect(model.bursts.get('burst:E00001')).toMatchObject({ ids: ['E00001', 'E00002', 'E00003'], checklist: 2, roles: 1 });
    expect(model.entryCount).toBe(9);
    expect(rowKeyFor(model, 'E00002')).toBe('burst:E00001');
    expect(rowKeyFor(model, 'E00004')).toBe('E00004');
  });

  it('shows the folded rows under an expanded summary row, and never folds across a day', () => {
    const rows = [row(0, 0, 'checklist'), row(1, 1, 'checklist'), row(2, 10 * 60 - 1, 'checklist'), row(3, 10 * 60 + 1, 'checklist')];
    expect(fold(rows, new Set(['burst:E00000'])).keys).toEqual(['day:2026-11-21', 'burst:E00000', 'E00000', 'E00001', 'E00002', 'day:2026-11-22', 'E00003']);
  });

  // The patched model must always equal a full refold: a wrong patch would hide or duplicate an entry.
  it('patches one new entry into the same rows a refold gives, whatever its kind and place (property)', () => {
    const kinds: EntryKind[] = ['note', 'checklist', 'handoff', 'decision', 'checklist'];
    const entry = fc.record({ minute: fc.integer({ min: 0, max: 36 * 60 }), kind: fc.constantFrom(...kinds), key: fc.boolean() });
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 30 }), entry, fc.array(fc.integer({ min: 0, max: 29 }), { maxLength: 3 }), (list, extra, open) => {
        const rows = list.map((e, i) => row(i, e.minute, e.kind, { key: e.key && e.kind !== 'checklist' }));
        const byId = new Map(rows.map((r) => [r.id, r]));
        const first = updateTimelineRows(null, inputFor(rows, byId));
        const expanded = new Set(open.map((i) => `burst:E${String(i).padStart(5, '0')}`));
        const before = compactRows(null, first.model, byId, expanded);
        const added = row(rows.length, extra.minute, extra.kind);
        byId.set(added.id, added);
        const next = updateTimelineRows(first, inputFor([...rows, added], byId));
        const patched = compactRows(before, next.model, byId, expanded);
        const refolded = foldRoutineBursts(next.model, byId, expanded);
        expect(patched.keys).toEqual(refolded.keys);
        expect([...patched.bursts.entries()].sort()).toEqual([...refolded.bursts.entries()].sort());
      }),
      { numRuns: 400 },
    );
  });

  it('keeps the folded rows array when a collapsed burst grows at its end, so the table does not re-measure', () => {
    const rows = [row(0, 0, 'note'), row(1, 1, 'checklist'), row(2, 2, 'checklist')];
    const byId = new Map(rows.map((r) => [r.id, r]));
    const expanded = new Set<string>();
    const first = updateTimelineRows(null, inputFor(rows, byId));
    const before = compactRows(null, first.model, byId, expanded);
    const added = row(3, 3, 'checklist');
    byId.set(added.id, added);
    const after = compactRows(before, updateTimelineRows(first, inputFor([...rows, added], byId)).model, byId, expanded);
    expect(after.keys).toBe(before.keys);
    expect(after.bursts.get('burst:E00001')?.ids).toEqual(['E00001', 'E00002', 'E00003']);
  });

  it('refolds when an edit marks a folded entry as a key event, and not for a text edit', () => {
    const rows = [row(0, 0, 'checklist'), row(1, 1, 'checklist'), row(2, 2, 'checklist')];
    const byId = new Map(rows.map((r) => [r.id, r]));
    const source = buildTimelineRows(inputFor(rows, byId));
    const expanded = new Set<string>();
    const before = compactRows(null, source, byId, expanded);
    byId.set('E00001', { ...byId.get('E00001')!, text: 'edited' });
    expect(compactRows(before, source, byId, expanded, new Set(['E00001']))).toBe(before);
    byId.set('E00001', { ...byId.get('E00001')!, key: true });
    expect(compactRows(before, source, byId, expanded, new Set(['E00001'])).keys).toEqual(['day:2026-11-21', 'E00000', 'E00001', 'E00002']);
  });
});
