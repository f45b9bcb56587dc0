import { describe, expect, it } from 'vitest';
import { batchRecordEncoder, decodeEntryRecord, encodeEntryRecord, foldEntry, recordTimes, type EntryRecord } from '../entryRecords';

const record: EntryRecord = {
  id: '01KAB0000000000000000000AA',
  occurredAt: '2026-11-21T23:50:00.000Z',
  recordedAt: '2026-11-21T23:52:10.000Z',
  author: 'Priya Raman',
  kind: 'event',
  text: 'db-1 stopped accepting writes | "quoted" \\ back',
  workstream: 'restore-from-backup',
  key: true,
};

describe('stored entry records', () => {
  it('round-trip every field except the id, which is the map key', () => {
    const { id, ...fields } = record;
    expect(decodeEntryRecord(encodeEntryRecord(record))).toEqual(fields);
    expect(foldEntry(encodeEntryRecord(record), [], id)).toMatchObject(record);
  });

  it('store no field names and no id, so 100k entries stay small', () => {
    const stored = encodeEntryRecord(record);
    expect(stored).not.toContain('occurredAt');
    expect(stored).not.toContain(record.id);
  });

  it('read their two times off the front exactly as a full decode reads them, whatever the shape', () => {
    const times = ({ occurredAt, recordedAt }: { occurredAt?: unknown; recordedAt?: unknown }) => ({ occurredAt, recordedAt });
    for (const stored of [encodeEntryRecord(record), encodeEntryRecord({ ...record, provenance: { source: 'a.log', line: 1, original: 'x' } }), JSON.stringify(record), record, '[1,2,"x"]', '[99,"x"]', '{not json', 7]) {
      expect(recordTimes(stored)).toEqual(times(decodeEntryRecord(stored)));
    }
    expect(recordTimes(encodeEntryRecord(record))).toEqual({ occurredAt: record.occurredAt, recordedAt: record.recordedAt });
  });

  it('still read a record written as a plain object, and read unknown layouts as empty', () => {
    expect(decodeEntryRecord(JSON.stringify(record))).toMatchObject({ text: record.text, key: true });
    expect(decodeEntryRecord(record)).toMatchObject({ author: 'Priya Raman' });
    expect(decodeEntryRecord('[99,"x"]')).toEqual({});
    expect(decodeEntryRecord('{not json')).toEqual({});
  });

  it.each([
    ['a line that is a prefix and the text', '2026-11-21T23:50:00Z db-1 stopped accepting writes | "quoted" \\ back'],
    ['a line that is not', '{"ts":"1779321540.0002","text":"db-1 stopped"}'],
  ])('writes an imported record the same way in a batch as one by one: %s', (_case, original) => {
    const provenance = { source: 'notes "v2".md', line: 7, original };
    const one = encodeEntryRecord({ ...record, provenance });
    const { id: _id, recordedAt, ...fields } = record;
    expect(batchRecordEncoder(recordedAt, provenance.source)(fields, provenance.line, original)).toBe(one);
    expect(foldEntry(one, [], record.id).provenance).toEqual(provenance);
  });

  it('writes every row of a batch as one record would, as authors, kinds, workstreams and key change from row to row', () => {
    const encode = batchRecordEncoder(record.recordedAt, 'chat.json');
    const rows = [
      { author: 'Ana "night" Lima', workstream: '', text: 'one', kind: 'comms' as const, key: false },
      { author: 'Ana "night" Lima', workstream: 'db', text: 'two', kind: 'comms' as const, key: false },
      { author: 'Ana "night" Lima', workstream: 'db', text: 'two and a half', kind: 'event' as const, key: false },
      { author: 'Ana "night" Lima', workstream: 'db', text: 'key', kind: 'event' as const, key: true },
      { author: '', workstream: 'db', text: 'three', kind: 'event' as const, key: true },
      { author: '', workstream: 'db', text: 'three again', kind: 'comms' as const, key: false },
      { author: 'Jun', workstream: '', text: 'four', kind: 'comms' as const, key: false },
    ];
    rows.forEach((row, line) => {
      const fields = { occurredAt: record.occurredAt, ...row };
      const original = `{"text":"${row.text}"}`;
      expect(encode(fields, line, original)).toBe(encodeEntryRecord({ ...fields, id: 'x', recordedAt: record.recordedAt, provenance: { source: 'chat.json', line, original } }));
    });
  });
});
