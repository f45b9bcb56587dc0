import { describe, expect, it } from 'vitest';
import { countLabel } from '../countLabel';

describe('countLabel', () => {
  it('says "1 entry", never "1 entries"', () => {
    expect(countLabel(1, 'entry', 'entries')).toBe('1 entry');
    expect(countLabel(0, 'entry', 'entries')).toBe('0 entries');
    expect(countLabel(2, 'entry', 'entries')).toBe('2 entries');
  });
});
