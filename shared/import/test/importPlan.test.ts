import { describe, expect, it } from 'vitest';
import { planImport } from '../importPlan';
import type { ImportRow } from '../importTypes';

const rows: ImportRow[] = [
  { line: 3, occurredAt: '2008-05-14T07:09:00.000Z', text: 'pager fired', original: '0009 pager fired', kind: 'event', author: 'Ana' },
  { line: 4, occurredAt: '2008-05-14T08:00:00.000Z', text: 'call with Berlin', original: '0100 call with Berlin' },
];

describe('planImport', () => {
  it('applies the import-wide choices, then each row’s own, and leaves deselected rows out', () => {
    const defaults = { zone: 'Etc/GMT+7', kind: 'as read' as const, workstream: 'db', author: '' };
    const plan = planImport(rows, defaults, new Map([[4, { zone: 'Europe/Berlin', kind: 'comms' as const, author: 'Jun' }]]));
    expect(plan).toEqual([
      { line: 3, occurredAt: '2008-05-14T07:09:00.000Z', text: 'pager fired', original: '0009 pager fired', kind: 'event', workstream: 'db', author: 'Ana' },
      // 01:00 read in MST becomes 01:00 in Berlin (CEST, UTC+2).
      { line: 4, occurredAt: '2008-05-13T23:00:00.000Z', text: 'call with Berlin', original: '0100 call with Berlin', kind: 'comms', workstream: 'db', author: 'Jun' },
    ]);
    expect(planImport(rows, { ...defaults, kind: 'note', author: 'Priya' }, new Map([[3, { include: false }]]))).toEqual([
      expect.objectContaining({ line: 4, kind: 'note', author: 'Priya' }),
    ]);
  });
});
