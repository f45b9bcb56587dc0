import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchRecordEncoder, encodeEntryRecord, foldEntry } from '../entryRecords';
import { ENTRY_KINDS } from '../types';

// The batch encoder writes records by hand for speed; whatever the strings hold (quotes,
// backslashes, control characters, lone or paired surrogate halves), its output must be
// exactly what the one-by-one encoder writes, and read back to the same entry.

const anyText = fc.string({ unit: 'binary', maxLength: 40 });
const someText = fc.oneof(anyText, fc.constantFrom('plain log text', 'a "quote"', 'back\\slash', 'tab\there', 'nul\u0000', 'half \ud800', 'pair 😀', 'end \udc00'));
const row = fc.record({
  occurredAt: fc.constantFrom('2026-11-21T23:50:00.000Z', '2008-05-14T07:09:00.000Z'),
  author: fc.oneof(fc.constant('Bench'), someText),
  kind: fc.constantFrom(...ENTRY_KINDS),
  text: someText,
  workstream: fc.oneof(fc.constant(''), someText),
  key: fc.boolean(),
  line: fc.nat(),
  // A line that ends with the text (stored as its prefix) or one that does not (stored whole).
  prefix: fc.option(someText, { nil: undefined }),
  other: someText,
});

describe('batch record encoder', () => {
  it('writes every row exactly as encodeEntryRecord does, and the row folds back to what was written', () => {
    fc.assert(
      fc.property(someText, fc.array(row, { minLength: 1, maxLength: 8 }), (source, rows) => {
        const recordedAt = '2026-11-22T00:00:00.000Z';
        const encode = batchRecordEncoder(recordedAt, source);
        for (const { line, prefix, other, ...fields } of rows) {
          const original = prefix === undefined ? other : prefix + fields.text;
          const provenance = { source, line, original };
          const stored = encode(fields, line, original);
          expect(stored).toBe(encodeEntryRecord({ ...fields, id: 'x', recordedAt, provenance }));
          expect(foldEntry(stored, [], 'x')).toMatchObject({ ...fields, recordedAt, provenance });
        }
      }),
      { numRuns: 300 },
    );
  });
});
