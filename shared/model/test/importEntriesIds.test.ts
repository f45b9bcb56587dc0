import { describe, expect, it } from 'vitest';
import { newIdBatch } from '../ids';

describe('batch ids', () => {
  it('are the batch ULID, then it with a five-digit base-36 counter, sorting in batch order', () => {
    const idAt = newIdBatch(Date.parse('2026-11-22T00:00:00.000Z'));
    const first = idAt(0);
    expect(first).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    const indices = [1, 9, 10, 35, 36, 1295, 1296, 46_655, 46_656, 99_999, 36 ** 5 - 1];
    const ids = indices.map((index) => idAt(index));
    expect(ids).toEqual(indices.map((index) => first + index.toString(36).padStart(5, '0')));
    expect([first, ...ids]).toEqual([first, ...ids].sort());
  });
});
