import { describe, expect, it } from 'vitest';
import { readEntries } from '../../model/doc';
import { importEntries } from '../../model/importEntries';
import { contextFor, openIncident } from '../../model/test/fixtures';
import { planImport, planRow } from '../importPlan';
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

  it('passes on the rows the choices leave as read, uncopied, and they import exactly as their planned copies', () => {
    const asRead = { kind: 'as read' as const, workstream: '', author: '' };
    const plan = planImport(rows, asRead, new Map([[4, { workstream: 'db' }]]));
    expect(plan[0]).toBe(rows[0]);
    expect(plan[1]).toEqual(expect.objectContaining({ line: 4, workstream: 'db', kind: 'note' }));
    expect(planImport(rows, asRead, new Map())).toBe(rows);
    // Committing the rows as read and committing their full planned copies write the same entries.
    const entriesOf = (planned: typeof plan) => {
      const { doc, ctx } = openIncident(contextFor('importer'));
      importEntries(doc, ctx, { source: 'notes.md', rows: planned });
      return readEntries(doc)
        .filter((entry) => entry.provenance)
        .map(({ id: _id, ...entry }) => entry);
    };
    expect(entriesOf(plan)).toEqual(entriesOf(rows.map((row) => planRow(row, asRead, row.line === 4 ? { workstream: 'db' } : undefined))));
    expect(entriesOf(plan).map((e) => [e.author, e.kind, e.workstream])).toEqual([
      ['Ana', 'event', ''],
      ['importer', 'note', 'db'],
    ]);
  });
});
