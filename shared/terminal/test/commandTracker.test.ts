import { describe, expect, it } from 'vitest';
import { createCommandTracker } from '../commandTracker';

const T = (second: number): string => new Date(Date.UTC(2026, 10, 21, 22, 0, second)).toISOString();

describe('createCommandTracker', () => {
  it('starts a command on line + executed and finishes it with its exit code', () => {
    const tracker = createCommandTracker();
    expect(tracker.apply({ kind: 'cwd', path: '/srv' }, T(0))).toEqual({});
    expect(tracker.apply({ kind: 'commandLine', line: 'ls -l' }, T(1))).toEqual({});
    const { started } = tracker.apply({ kind: 'executed' }, T(2));
    expect(started).toEqual({ seq: 1, line: 'ls -l', cwd: '/srv', startedAt: T(2), endedAt: null, exitCode: null });
    expect(tracker.apply({ kind: 'finished', exitCode: 2 }, T(5))).toEqual({ finished: { ...started, endedAt: T(5), exitCode: 2 } });
    tracker.apply({ kind: 'commandLine', line: 'pwd' }, T(6));
    expect(tracker.apply({ kind: 'executed' }, T(7)).started?.seq).toBe(2);
  });

  it('accepts executed before the command line', () => {
    const tracker = createCommandTracker();
    tracker.apply({ kind: 'executed' }, T(1));
    expect(tracker.apply({ kind: 'commandLine', line: 'make' }, T(2)).started).toMatchObject({ seq: 1, line: 'make', startedAt: T(1) });
  });

  it('yields nothing for an empty line or a finish without a started command', () => {
    const tracker = createCommandTracker();
    expect(tracker.apply({ kind: 'finished', exitCode: 0 }, T(0))).toEqual({});
    tracker.apply({ kind: 'commandLine', line: '   ' }, T(1));
    expect(tracker.apply({ kind: 'executed' }, T(2))).toEqual({});
    expect(tracker.apply({ kind: 'finished', exitCode: 0 }, T(3))).toEqual({});
    expect(tracker.apply({ kind: 'executed' }, T(4))).toEqual({});
  });

  it('ends a command that never reported its end when the next one starts (exit unknown)', () => {
    const tracker = createCommandTracker();
    tracker.apply({ kind: 'commandLine', line: 'sleep 100' }, T(0));
    tracker.apply({ kind: 'executed' }, T(0));
    tracker.apply({ kind: 'commandLine', line: 'date' }, T(9));
    const result = tracker.apply({ kind: 'executed' }, T(9));
    expect(result.finished).toMatchObject({ seq: 1, endedAt: T(9), exitCode: null });
    expect(result.started).toMatchObject({ seq: 2, line: 'date' });
  });
});
