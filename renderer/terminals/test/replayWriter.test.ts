import { describe, expect, it } from 'vitest';
import { batchSteps, createReplayWriter, type ReplayTerminal } from '../replayWriter';

const INITIAL = { cols: 80, rows: 24 };

/** Records calls; writes complete only when `finish` is called, like xterm's async parser. */
function fakeTerminal() {
  const log: string[] = [];
  const callbacks: (() => void)[] = [];
  const terminal: ReplayTerminal = {
    write: (data, cb) => {
      log.push(`write ${data}`);
      if (cb) callbacks.push(cb);
    },
    resize: (c, r) => log.push(`resize ${c}x${r}`),
    reset: () => log.push('reset'),
  };
  return { terminal, log, finish: () => callbacks.shift()?.() };
}

describe('batchSteps', () => {
  it('merges output and keeps resizes in place', () => {
    expect(
      batchSteps(
        [
          [0, 'o', 'a'],
          [1, 'o', 'b'],
          [2, 'r', '100x30'],
          [3, 'r', 'junk'],
          [4, 'o', 'c'],
        ],
        true,
        INITIAL,
      ),
    ).toEqual([
      { kind: 'reset' },
      { kind: 'resize', cols: 80, rows: 24 },
      { kind: 'write', data: 'ab' },
      { kind: 'resize', cols: 100, rows: 30 },
      { kind: 'write', data: 'c' },
    ]);
  });
});

describe('createReplayWriter', () => {
  it('resizes only after the output before it was written', () => {
    const { terminal, log, finish } = fakeTerminal();
    const writer = createReplayWriter(terminal, INITIAL);
    writer.write(
      [
        [0, 'o', 'a'],
        [1, 'r', '100x30'],
        [2, 'o', 'b'],
      ],
      false,
    );
    expect(log).toEqual(['write a']);
    finish();
    expect(log).toEqual(['write a', 'resize 100x30', 'write b']);
  });

  it('drops queued batches on a reset', () => {
    const { terminal, log, finish } = fakeTerminal();
    const writer = createReplayWriter(terminal, INITIAL);
    writer.write([[0, 'o', 'a']], false);
    writer.write([[1, 'o', 'stale']], false);
    writer.write([[0, 'o', 'fresh']], true);
    finish();
    expect(log).toEqual(['write a', 'reset', 'resize 80x24', 'write fresh']);
    writer.dispose();
    writer.write([[2, 'o', 'late']], false);
    finish();
    expect(log.at(-1)).toBe('write fresh');
  });
});
