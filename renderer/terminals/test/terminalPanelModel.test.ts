import { describe, expect, it } from 'vitest';
import { DEFAULT_REDACTION_RULES } from '../../../shared/terminal/redactionRules';
import type { CommandRecord } from '../../../shared/terminal/protocol';
import type { Instant } from '../../../shared/model/types';
import { LineClock, type LineMarker } from '../lineClock';
import { dropOnto, moveBy, neighbourAfterClose, nextTerminalName } from '../tabOrder';
import { commandRow, pinEntry, withCommand } from '../terminalEntries';

/** A buffer whose markers shift up and die as lines scroll off, like xterm's. */
function scrollingBuffer(scrollback: number) {
  const markers: Array<{ line: number; isDisposed: boolean }> = [];
  let cursor = 0;
  return {
    cursorLine: () => cursor,
    markCursorLine: (): LineMarker => {
      const m = { line: cursor, isDisposed: false };
      markers.push(m);
      return m;
    },
    print(lines: number) {
      cursor += lines;
      const overflow = cursor - scrollback;
      if (overflow > 0) {
        cursor -= overflow;
        for (const m of markers) {
          m.line -= overflow;
          if (m.line < 0) m.isDisposed = true;
        }
      }
    },
    moveCursorTo(line: number) {
      cursor = line;
    },
  };
}

const t = (s: string) => `2026-03-01T02:00:${s}.000Z` as Instant;

describe('LineClock', () => {
  it('dates a line by the write that printed it', () => {
    const buffer = scrollingBuffer(1_000);
    const clock = new LineClock(buffer);
    buffer.print(3);
    clock.written(t('01'));
    buffer.print(2);
    clock.written(t('05'));
    clock.written(t('06')); // same cursor line: no new marker
    expect(clock.size).toBe(2);
    expect(clock.timeOfLine(0)).toBe(t('01'));
    expect(clock.timeOfLine(3)).toBe(t('01'));
    expect(clock.timeOfLine(4)).toBe(t('05'));
    expect(clock.timeOfLine(99)).toBeNull();
  });

  it('forgets markers whose lines left the scrollback', () => {
    const buffer = scrollingBuffer(10);
    const clock = new LineClock(buffer);
    for (let i = 0; i < 50; i++) {
      buffer.print(1);
      clock.written(t(String(i % 60).padStart(2, '0')));
    }
    expect(clock.size).toBeLessThanOrEqual(11);
    expect(clock.timeOfLine(10)).toBe(t('49'));
  });

  it('keeps line order when the cursor goes back up', () => {
    const buffer = scrollingBuffer(1_000);
    const clock = new LineClock(buffer);
    buffer.print(10);
    clock.written(t('10'));
    buffer.moveCursorTo(2);
    clock.written(t('20'));
    expect(clock.timeOfLine(1)).toBe(t('20'));
    expect(clock.timeOfLine(5)).toBe(t('10'));
  });
});

describe('LineClock with pacing', () => {
  /** A hand-driven clock and timer queue. */
  function pacing(intervalMs: number) {
    let now = 0;
    let timers: Array<{ at: number; fn: () => void }> = [];
    return {
      pacing: {
        intervalMs,
        now: () => now,
        schedule: (fn: () => void, ms: number) => {
          const timer = { at: now + ms, fn };
          timers.push(timer);
          return () => (timers = timers.filter((t) => t !== timer));
        },
      },
      advance(ms: number) {
        now += ms;
        const due = timers.filter((t) => t.at <= now);
        timers = timers.filter((t) => t.at > now);
        for (const t of due) t.fn();
      },
      get timers() {
        return timers.length;
      },
    };
  }

  it('places one marker per interval under a flood, and dates the rest by their latest write', () => {
    const buffer = scrollingBuffer(100_000);
    const clock$ = pacing(100);
    const clock = new LineClock(buffer, clock$.pacing);
    for (let i = 0; i < 50; i++) {
      buffer.print(10);
      clock.written(t(String(i).padStart(2, '0')));
      clock$.advance(10);
    }
    // 500 ms of writes every 10 ms: one marker per 100 ms (the first at once), not 50.
    expect(clock.size).toBeLessThanOrEqual(6);
    clock$.advance(100);
    expect(clock$.timers).toBe(0);
    // The last line was printed by the last write; no line is dated before the write that printed it.
    expect(clock.timeOfLine(499)).toBe(t('49'));
    expect(clock.timeOfLine(0)).toBe(t('00'));
    expect(clock.timeOfLine(15)! >= t('01')).toBe(true);
  });

  it('dates lines still waiting for the trailing marker when asked, and stops its timer on dispose', () => {
    const buffer = scrollingBuffer(1_000);
    const clock$ = pacing(100);
    const clock = new LineClock(buffer, clock$.pacing);
    buffer.print(2);
    clock.written(t('01'));
    clock$.advance(10);
    buffer.print(3);
    clock.written(t('02'));
    expect(clock.timeOfLine(4)).toBe(t('02'));
    expect(clock$.timers).toBe(0);
    buffer.print(1);
    clock.written(t('03'));
    expect(clock$.timers).toBe(1);
    clock.dispose();
    expect(clock$.timers).toBe(0);
  });
});

describe('tab order', () => {
  it('names new tabs after the highest default name', () => {
    expect(nextTerminalName([])).toBe('Terminal 1');
    expect(nextTerminalName(['Terminal 1', 'db logs', 'Terminal 3'])).toBe('Terminal 4');
  });

  it('moves by keyboard (clamped) and by dropping onto another tab', () => {
    expect(moveBy(['a', 'b', 'c'], 'a', 1)).toEqual(['b', 'a', 'c']);
    expect(moveBy(['a', 'b', 'c'], 'a', -1)).toEqual(['a', 'b', 'c']);
    expect(moveBy(['a', 'b', 'c'], 'c', 5)).toEqual(['a', 'b', 'c']);
    expect(dropOnto(['a', 'b', 'c'], 'a', 'c')).toEqual(['b', 'c', 'a']);
    expect(dropOnto(['a', 'b', 'c'], 'c', 'a')).toEqual(['c', 'a', 'b']);
    expect(dropOnto(['a', 'b'], 'x', 'a')).toEqual(['a', 'b']);
  });

  it('shows the right neighbour after a close, else the left', () => {
    expect(neighbourAfterClose(['a', 'b', 'c'], 'b')).toBe('c');
    expect(neighbourAfterClose(['a', 'b', 'c'], 'c')).toBe('b');
    expect(neighbourAfterClose(['a'], 'a')).toBeNull();
  });
});

describe('terminal entries', () => {
  it('pins a redacted excerpt as a text code block, timestamped when it appeared', () => {
    const entry = pinEntry({
      terminalName: 'db-1',
      selection: 'export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\nrsync: deleting var/lib/mysql/ibdata1\n',
      rules: DEFAULT_REDACTION_RULES,
      occurredAt: t('07'),
    });
    expect(entry.kind).toBe('terminal');
    expect(entry.occurredAt).toBe(t('07'));
    expect(entry.text).toContain('**db-1**');
    expect(entry.text).toContain('```text\n');
    expect(entry.text).toContain('rsync: deleting var/lib/mysql/ibdata1');
    expect(entry.text).not.toContain('AKIAIOSFODNN7EXAMPLE');
    expect(entry.text).toContain('[REDACTED: AWS access key id]');
  });

  it('refuses a broken rule with a message naming it', () => {
    expect(() => pinEntry({ terminalName: 'x', selection: 'y', rules: [{ name: 'Broken', pattern: '(', flags: '' }], occurredAt: t('00') })).toThrow(/Broken/);
  });

  const cmd = (seq: number, endedAt: string | null, exitCode: number | null): CommandRecord => ({
    seq,
    line: `step ${seq}`,
    cwd: null,
    startedAt: '2026-03-01T02:00:00.000Z',
    endedAt,
    exitCode,
  });

  it('shows history rows with time in the incident zone, duration and outcome', () => {
    expect(commandRow(cmd(1, '2026-03-01T02:02:03.000Z', 0), 'America/Denver')).toEqual({
      key: '1',
      line: 'step 1',
      started: '19:00',
      duration: '2 min 3 s',
      outcome: 'ok',
      exitLabel: 'exit 0',
    });
    expect(commandRow(cmd(2, '2026-03-01T02:00:01.000Z', 127), 'UTC')).toMatchObject({ outcome: 'failed', exitLabel: 'exit 127' });
    expect(commandRow(cmd(3, null, null), 'UTC')).toMatchObject({ outcome: 'running', exitLabel: 'running', duration: '' });
    expect(commandRow(cmd(4, '2026-03-01T02:00:01.000Z', null), 'UTC')).toMatchObject({ outcome: 'unknown' });
  });

  it('replaces a running command with its finished record', () => {
    const history = withCommand(withCommand([], cmd(1, null, null)), cmd(2, null, null));
    expect(withCommand(history, cmd(1, '2026-03-01T02:00:05.000Z', 0)).map((c) => [c.seq, c.exitCode])).toEqual([
      [1, 0],
      [2, null],
    ]);
  });
});
