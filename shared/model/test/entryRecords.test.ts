import { describe, expect, it } from 'vitest';
import { decodeEntryRecord, encodeEntryRecord, foldEntry, type EntryRecord } from '../entryRecords';

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

  it('still read a record written as a plain object, and read unknown layouts as empty', () => {
    expect(decodeEntryRecord(JSON.stringify(record))).toMatchObject({ text: record.text, key: true });
    expect(decodeEntryRecord(record)).toMatchObject({ author: 'Priya Raman' });
    expect(decodeEntryRecord('[99,"x"]')).toEqual({});
    expect(decodeEntryRecord('{not json')).toEqual({});
  });
});
