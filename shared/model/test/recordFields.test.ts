import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ENTRY_FIELDS } from '../entryRecords';
import { archiveShape, flag, ids, instant, instantOrNull, oneOf, storedRecord, storedShape, text, textOrNull } from '../recordFields';

/** Stored values as old versions, damaged files and hostile peers write them, with the ones a field expects mixed in. */
const storedValue = fc.oneof(
  fc.anything(),
  fc.constantFrom('', 'note', 'event', 'decision', 'P1', 'true', '2026-11-21T23:50:00.000Z', true, false, null, undefined, 0, [], {}),
);

describe('record fields', () => {
  it('read every stored value the same way through the plain reader (the timeline fold) and through zod', () => {
    const fast = { ...ENTRY_FIELDS, severity: oneOf(['SEV1', 'SEV2'], 'SEV2') };
    for (const [name, field] of Object.entries(fast)) {
      fc.assert(
        fc.property(storedValue, (value) => {
          expect(field.read(value), name).toEqual(field.stored.parse(value));
        }),
      );
    }
  });

  it('read a damaged stored record as its fields’ empty values, never failing', () => {
    const fields = { title: text, at: instant, owner: textOrNull, due: instantOrNull, urgent: flag, links: ids, level: oneOf(['low', 'high'], 'low') };
    const Stored = storedRecord(storedShape(fields));
    const empty = { title: '', at: '', owner: null, due: null, urgent: false, links: [], level: 'low' };
    for (const damaged of ['{not json', 7, null, [], '[]', JSON.stringify({ title: 5, owner: '', links: 'x', level: 'extreme' })]) {
      expect(Stored.parse(damaged)).toEqual(empty);
    }
    expect(Stored.parse(JSON.stringify({ title: 'Fail over', owner: 'Dana', links: ['a', '', 3, 'b'], urgent: true, level: 'high' }))).toMatchObject({
      title: 'Fail over',
      owner: 'Dana',
      links: ['a', 'b'],
      urgent: true,
      level: 'high',
    });
  });

  it('reject in the archive what the stored reader reads tolerantly, naming the field', () => {
    const Archive = z.strictObject(archiveShape({ title: text, at: instant, level: oneOf(['low', 'high'], 'low') }));
    expect(Archive.safeParse({ title: 'x', at: '2026-11-21T23:50:00.000Z', level: 'low' }).success).toBe(true);
    for (const [bad, path] of [
      [{ title: 5, at: '2026-11-21T23:50:00.000Z', level: 'low' }, 'title'],
      [{ title: 'x', at: 'yesterday', level: 'low' }, 'at'],
      [{ title: 'x', at: '2026-11-21T23:50:00.000Z', level: 'extreme' }, 'level'],
      [{ title: 'x', at: '2026-11-21T23:50:00.000Z', level: 'low', extra: 1 }, ''],
    ] as const) {
      const result = Archive.safeParse(bad);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.path.join('.')).toBe(path);
    }
  });
});
