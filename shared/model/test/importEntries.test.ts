import { describe, expect, it } from 'vitest';
import { parseArchive, toArchive } from '../../export/archive';
import { readEntries } from '../doc';
import { importSnapshot } from '../importSnapshot';
import { readSnapshot } from '../snapshot';
import * as Y from 'yjs';
import { importEntries, type ImportEntryRow } from '../importEntries';
import { commandError, openIncident } from './fixtures';

const row = (line: number, text: string, extra: Partial<ImportEntryRow> = {}): ImportEntryRow => ({
  line,
  occurredAt: `2026-11-21T2${line}:00:00.000Z`,
  text,
  original: `2${line}00 ${text}`,
  kind: 'note',
  workstream: '',
  author: '',
  ...extra,
});

describe('importEntries', () => {
  it('writes every row in one update, each with its provenance', () => {
    const { doc, ctx } = openIncident();
    let updates = 0;
    doc.on('update', () => updates++);
    const result = importEntries(doc, ctx, { source: 'notes.md', rows: [row(1, 'pager fired'), row(2, 'failover', { author: 'Jun', workstream: 'db', kind: 'action' })] });
    expect(result).toEqual({ added: 2, skipped: 0 });
    expect(updates).toBe(1);
    const imported = readEntries(doc).filter((e) => e.provenance);
    expect(imported.map((e) => [e.text, e.author, e.kind, e.workstream, e.provenance])).toEqual([
      ['pager fired', 'ana', 'note', '', { source: 'notes.md', line: 1, original: '2100 pager fired' }],
      ['failover', 'Jun', 'action', 'db', { source: 'notes.md', line: 2, original: '2200 failover' }],
    ]);
  });

  it('gives a batch ids that are distinct and sort in row order, even past the tenth row', () => {
    const { doc, ctx } = openIncident();
    const same = Array.from({ length: 40 }, (_, i) => row(1, `step ${i}`, { line: i + 1, occurredAt: '2026-11-21T21:00:00.000Z' }));
    importEntries(doc, ctx, { source: 'steps.log', rows: same });
    const imported = readEntries(doc).filter((e) => e.provenance);
    expect(new Set(imported.map((e) => e.id)).size).toBe(40);
    expect(imported.map((e) => e.text)).toEqual(same.map((r) => r.text));
  });

  it('skips rows already imported from the same source, line and text, and says how many', () => {
    const { doc, ctx } = openIncident();
    importEntries(doc, ctx, { source: 'notes.md', rows: [row(1, 'pager fired')] });
    const again = importEntries(doc, ctx, { source: 'notes.md', rows: [row(1, 'pager fired'), row(2, 'failover')] });
    expect(again).toEqual({ added: 1, skipped: 1 });
    // Another source with the same line and text is another entry.
    expect(importEntries(doc, ctx, { source: 'other.md', rows: [row(1, 'pager fired')] })).toEqual({ added: 1, skipped: 0 });
  });

  it('writes nothing when one row is bad, naming the row', () => {
    const { doc, ctx } = openIncident();
    const before = readEntries(doc).length;
    const error = commandError(() => importEntries(doc, ctx, { source: 'x', rows: [row(1, 'fine'), row(2, 'bad', { occurredAt: '2026-11-21 22:00' })] }));
    expect(error.message).toMatch(/Row 2 \(line 2\)/);
    expect(readEntries(doc)).toHaveLength(before);
  });

  it('keeps provenance through the archive and back', () => {
    const { doc, ctx } = openIncident();
    importEntries(doc, ctx, { source: 'notes.md', rows: [row(1, 'pager fired')] });
    const snapshot = readSnapshot(doc);
    if (!snapshot) throw new Error('no snapshot');
    const parsed = parseArchive(JSON.stringify(toArchive(snapshot)));
    if (!parsed.ok) throw new Error(parsed.message);
    const copy = new Y.Doc();
    importSnapshot(copy, parsed.snapshot);
    expect(readEntries(copy).find((e) => e.text === 'pager fired')?.provenance).toEqual({ source: 'notes.md', line: 1, original: '2100 pager fired' });
  });
});
