import fc from 'fast-check';
import { decodeTime } from 'ulid';
import { describe, expect, it } from 'vitest';
import { newId } from '../ids';
import { compareEntries } from '../order';

const instant = fc
  .integer({ min: Date.parse('2026-11-20T00:00:00.000Z'), max: Date.parse('2026-11-24T00:00:00.000Z') })
  .map((ms) => new Date(ms).toISOString());
const ordered = fc.record({ occurredAt: instant, recordedAt: instant, id: fc.stringMatching(/^[0-9A-Z]{4}$/) });

describe('compareEntries', () => {
  it('orders by occurredAt, then recordedAt, then id', () => {
    const a = { occurredAt: '2026-11-21T20:00:00.000Z', recordedAt: '2026-11-21T23:00:00.000Z', id: 'B' };
    expect(compareEntries(a, { ...a, occurredAt: '2026-11-21T20:00:00.001Z' })).toBeLessThan(0);
    expect(compareEntries(a, { ...a, recordedAt: '2026-11-21T22:59:59.999Z' })).toBeGreaterThan(0);
    expect(compareEntries(a, { ...a, id: 'A' })).toBeGreaterThan(0);
    expect(compareEntries(a, { ...a })).toBe(0);
  });

  it('is a total order consistent with the timestamps', () => {
    fc.assert(
      fc.property(ordered, ordered, ordered, (a, b, c) => {
        expect(Math.sign(compareEntries(a, b))).toBe(-Math.sign(compareEntries(b, a)));
        if (compareEntries(a, b) <= 0 && compareEntries(b, c) <= 0) expect(compareEntries(a, c)).toBeLessThanOrEqual(0);
        if (a.occurredAt !== b.occurredAt) expect(compareEntries(a, b) < 0).toBe(Date.parse(a.occurredAt) < Date.parse(b.occurredAt));
      }),
      { numRuns: 300 },
    );
  });

  it('sorts the same whatever order the entries arrive in', () => {
    fc.assert(
      fc.property(fc.uniqueArray(ordered, { selector: (e) => e.id, maxLength: 30 }), fc.func(fc.integer()), (entries, shuffleKey) => {
        const shuffled = [...entries].sort((x, y) => shuffleKey(x.id) - shuffleKey(y.id));
        expect([...shuffled].sort(compareEntries)).toEqual([...entries].sort(compareEntries));
      }),
      { numRuns: 200 },
    );
  });
});

describe('newId', () => {
  it('makes time-prefixed ULIDs that increase within one millisecond', () => {
    const ms = Date.parse('2026-11-21T20:00:00.000Z');
    const ids = Array.from({ length: 50 }, () => newId(ms));
    expect(ids.every((id) => /^[0-9A-HJKMNP-TV-Z]{26}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    expect(ids.every((id) => decodeTime(id) === ms)).toBe(true);
  });

  it('keeps an older time prefix instead of borrowing the latest', () => {
    const later = newId(Date.parse('2026-11-22T00:00:00.000Z'));
    const earlier = newId(Date.parse('2026-11-21T00:00:00.000Z'));
    expect(decodeTime(earlier)).toBe(Date.parse('2026-11-21T00:00:00.000Z'));
    expect(earlier < later).toBe(true);
  });
});
