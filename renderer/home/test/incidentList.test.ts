import { describe, expect, it } from 'vitest';
import type { IncidentSummary } from '../../../shared/model/types';
import { durationLabel, orderForHome } from '../incidentList';

function summary(id: string, updatedAt: string, extra: Partial<IncidentSummary> = {}): IncidentSummary {
  return {
    id,
    title: `incident ${id}`,
    severity: 'SEV2',
    status: 'investigating',
    startedAt: '2026-11-21T08:00:00.000Z',
    resolvedAt: null,
    createdAt: '2026-11-21T08:00:00.000Z',
    timeZone: 'UTC',
    entryCount: 0,
    updatedAt,
    ...extra,
  };
}

describe('orderForHome', () => {
  const a = summary('A', '2026-11-21T10:00:00.000Z');
  const b = summary('B', '2026-11-22T10:00:00.000Z');
  const c = summary('C', '2026-11-23T10:00:00.000Z');
  const d = summary('D', '2026-11-20T10:00:00.000Z');

  it('puts recent incidents first in recent order, then the rest newest first', () => {
    const rows = orderForHome([a, b, c, d], ['D', 'A']);
    expect(rows.map((r) => r.incident.id)).toEqual(['D', 'A', 'C', 'B']);
    expect(rows.map((r) => r.recent)).toEqual([true, true, false, false]);
  });

  it('ignores recent ids that no longer exist', () => {
    expect(orderForHome([a, b], ['gone', 'A']).map((r) => r.incident.id)).toEqual(['A', 'B']);
  });
});

describe('durationLabel', () => {
  it('writes out the total once resolved', () => {
    const resolved = summary('R', '2026-11-21T10:00:00.000Z', { resolvedAt: '2026-11-21T22:16:00.000Z', status: 'resolved' });
    expect(durationLabel(resolved, '2026-11-30T00:00:00.000Z')).toMatch(/14 hours 16 minutes/);
  });

  it('shows a running elapsed time while open', () => {
    const open = summary('O', '2026-11-21T10:00:00.000Z');
    expect(durationLabel(open, '2026-11-21T22:16:00.000Z')).toMatch(/^T\+14:16/);
  });
});
