import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { editEntry } from '../commands';
import { entriesMap, entryEditsArray, readEntries, readEntry } from '../doc';
import { decodeEntryRecord, encodeEntryRecord, type EntryEditRecord } from '../entryRecords';
import { compareEntries } from '../order';
import { openIncident } from './fixtures';

const LARGE_TIMELINE = 100_000;
/** One entry in this many carries an edit, so the read also folds a real log. */
const EDIT_EVERY = 100;
/** Generous on a slow CI machine; a per-entry log scan or repeated sorting takes several times this. */

const entryId = (i: number) => `E${String(i).padStart(6, '0')}`;

describe('readEntries', () => {
  it('reads 100k entries with their edits in order within budget', () => {
    const { doc } = openIncident();
    const base = Date.parse('2026-11-21T20:00:00.000Z');
    doc.transact(() => {
      const entries = entriesMap(doc);
      const edits: EntryEditRecord[] = [];
      for (let i = 0; i < LARGE_TIMELINE; i++) {
        // Reverse-ish insertion order so the sort has real work to do.
        const at = new Date(base + ((i * 7919) % LARGE_TIMELINE) * 1000).toISOString();
        const id = entryId(i);
        entries.set(id, encodeEntryRecord({ id, occurredAt: at, recordedAt: at, author: 'bench', kind: 'note', text: `entry ${i}`, workstream: '', key: false }));
        if (i % EDIT_EVERY === 0) edits.push({ entryId: id, by: 'bench', at, field: 'text', value: `edited ${i}` });
      }
      entryEditsArray(doc).push(edits);
    });
    // Its speed is a bench row (npm run bench); here, that it is complete, ordered and edited.
    const entries = readEntries(doc);
    expect(entries).toHaveLength(LARGE_TIMELINE + 1);
    const outOfOrder = entries.findIndex((entry, i) => i > 0 && compareEntries(entries[i - 1]!, entry) > 0);
    expect(outOfOrder).toBe(-1);
    const edited = entries.filter((e) => e.history.length > 0);
    expect(edited).toHaveLength(LARGE_TIMELINE / EDIT_EVERY);
    expect(edited.every((e) => e.text === `edited ${Number(e.id.slice(1))}` && e.history[0]?.previous === `entry ${Number(e.id.slice(1))}`)).toBe(true);
  });

  it('reads damaged records and edits with empty values instead of throwing', () => {
    const { doc } = openIncident();
    const entries = entriesMap(doc) as Y.Map<unknown>;
    entries.set('ODD', { kind: 'gossip', key: 'yes', text: 7 });
    entries.set('NOT-A-RECORD', 42);
    entries.set('NOT-JSON', 'just a string');
    entries.set('A-Y-MAP', new Y.Map());
    (entryEditsArray(doc) as Y.Array<unknown>).push([
      null,
      'junk',
      { entryId: 'ODD', by: 'x', at: 'y', field: 'colour', value: 'red' },
      { entryId: 'ODD', by: 'x', at: 'y', field: 'retraction', value: 'not an object' },
      { entryId: 'NOBODY', by: 'x', at: 'y', field: 'text', value: 'orphan edit' },
    ]);
    expect(readEntry(doc, 'ODD')).toEqual({
      id: 'ODD',
      occurredAt: '',
      recordedAt: '',
      author: '',
      kind: 'note',
      text: '',
      workstream: '',
      key: false,
      retraction: null,
      history: [],
    });
    expect(readEntry(doc, 'NOT-A-RECORD')).toBeNull();
    expect(readEntry(doc, 'NOT-JSON')).toMatchObject({ id: 'NOT-JSON', text: '', kind: 'note', retraction: null });
    expect(readEntry(doc, 'NOBODY')).toBeNull();
    const ids = readEntries(doc).map((e) => e.id);
    expect(ids).toContain('ODD');
    expect(ids).not.toContain('NOT-A-RECORD');
    expect(ids).not.toContain('A-Y-MAP');
  });

  it('reads one entry as readEntries does, and copies history so callers cannot alias the log', () => {
    const { doc, ctx } = openIncident();
    const id = readEntries(doc)[0]!.id;
    editEntry(doc, ctx, id, { text: 'opened by the on-call', key: true });
    const one = readEntry(doc, id)!;
    expect(one).toEqual(readEntries(doc).find((e) => e.id === id));
    one.history[0]!.by = 'someone else';
    expect(readEntry(doc, id)!.history[0]!.by).toBe('ana');
    const record = decodeEntryRecord(entriesMap(doc).get(id));
    expect(record.text).not.toBe('opened by the on-call');
  });
});
