import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../../shared/model/types';
import { MAX_ENTRY_CHOICES, entryChoices } from '../linkChoices';

function entry(id: string, minute: number, key: boolean, text = `entry ${id}`): TimelineEntry {
  const occurredAt = new Date(Date.UTC(2026, 10, 21, 20, minute)).toISOString();
  return { id, occurredAt, recordedAt: occurredAt, author: 'ana', kind: 'note', text, workstream: '', key, retraction: null, history: [] };
}

describe('entryChoices', () => {
  it('lists key entries newest first with their time in the zone', () => {
    const newestFirst = [entry('c', 30, true, 'Failover\n  started'), entry('b', 20, false), entry('a', 10, true)];
    expect(entryChoices(newestFirst, [], 'America/Denver')).toEqual([
      { id: 'c', label: '13:30 Failover started' },
      { id: 'a', label: '13:10 entry a' },
    ]);
  });

  it('keeps linked entries even when not key, and unknown ids as placeholders', () => {
    const newestFirst = [entry('b', 20, false), entry('a', 10, true)];
    expect(entryChoices(newestFirst, ['b', 'gone'], 'UTC').map((c) => c.id)).toEqual(['b', 'a', 'gone']);
  });

  it('caps the number of key entries and skips retracted ones', () => {
    const many = Array.from({ length: MAX_ENTRY_CHOICES + 5 }, (_, i) => entry(`k${i}`, 59 - i, true));
    const retracted = { ...entry('r', 59, true), retraction: { by: 'ana', at: '2026-11-21T21:00:00.000Z', reason: 'wrong' } };
    expect(entryChoices([retracted, ...many], [], 'UTC')).toHaveLength(MAX_ENTRY_CHOICES);
  });
});
