import { describe, expect, it } from 'vitest';
import { dueLabel, dueState, fromDueInput, toDueInput } from '../dueDate';

describe('due dates in the incident zone', () => {
  it('round-trips a datetime-local value through UTC', () => {
    expect(fromDueInput('2026-11-28T10:00', 'America/Denver')).toBe('2026-11-28T17:00:00.000Z');
    // 24-hour, as every other time in the app: never a locale's AM/PM.
    expect(fromDueInput('2026-11-28 22:30', 'America/Denver')).toBe('2026-11-29T05:30:00.000Z');
    expect(toDueInput('2026-11-28T17:00:00.000Z', 'America/Denver')).toBe('2026-11-28 10:00');
    expect(toDueInput('2026-11-29T05:30:00.000Z', 'America/Denver')).toBe('2026-11-28 22:30');
    expect(fromDueInput('11/28/2026 10:00 PM', 'UTC')).toBe('invalid');
    expect(toDueInput(null, 'UTC')).toBe('');
  });

  it('reads empty as no due date and garbage as invalid', () => {
    expect(fromDueInput('  ', 'UTC')).toBeNull();
    expect(fromDueInput('next tuesday', 'UTC')).toBe('invalid');
  });

  it('flags overdue and soon, never for done actions', () => {
    const now = '2026-11-21T20:00:00.000Z';
    expect(dueState('2026-11-21T19:59:00.000Z', now, false)).toBe('overdue');
    expect(dueState('2026-11-21T19:59:00.000Z', now, true)).toBe('none');
    expect(dueState('2026-11-22T10:00:00.000Z', now, false)).toBe('soon');
    expect(dueState('2026-11-25T10:00:00.000Z', now, false)).toBe('later');
    expect(dueState(null, now, false)).toBe('none');
  });

  it('labels a due date in the zone', () => {
    expect(dueLabel('2026-11-28T17:00:00.000Z', 'America/Denver')).toBe('2026-11-28 10:00 MST');
    expect(dueLabel(null, 'UTC')).toBe('—');
  });
});
