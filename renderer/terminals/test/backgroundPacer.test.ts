import { describe, expect, it } from 'vitest';
import { BackgroundPacer, type Schedule } from '../backgroundPacer';

function fakeClock() {
  const timers: Array<{ fn: () => void; ms: number }> = [];
  const schedule: Schedule = (fn, ms) => {
    const timer = { fn, ms };
    timers.push(timer);
    return () => timers.splice(timers.indexOf(timer), 1);
  };
  const runNext = () => timers.shift()?.fn();
  return { schedule, timers, runNext };
}

describe('BackgroundPacer', () => {
  it('writes at once, in order, while the terminal is visible', () => {
    const written: string[] = [];
    const clock = fakeClock();
    const pacer = new BackgroundPacer((data, parsed) => (written.push(data), parsed()), clock.schedule, 1000);
    pacer.write('a', () => {});
    pacer.write('b', () => {});
    expect(written).toEqual(['a', 'b']);
    expect(clock.timers).toHaveLength(0);
  });

  it('paces a hidden terminal: one write, then a wait proportional to its size', () => {
    const written: string[] = [];
    const acked: string[] = [];
    const clock = fakeClock();
    const pacer = new BackgroundPacer((data, parsed) => (written.push(data), parsed()), clock.schedule, 1000);
    pacer.setVisible(false);
    pacer.write('x'.repeat(500), () => acked.push('first'));
    pacer.write('y'.repeat(100), () => acked.push('second'));
    expect(written).toHaveLength(1);
    expect(acked).toEqual(['first']);
    expect(clock.timers[0]!.ms).toBe(500);
    expect(pacer.queuedChars).toBe(100);
    clock.runNext();
    expect(written).toHaveLength(2);
    expect(acked).toEqual(['first', 'second']);
  });

  it('writes everything queued, in order, the moment the terminal is shown again', () => {
    const written: string[] = [];
    const clock = fakeClock();
    const pacer = new BackgroundPacer((data, parsed) => (written.push(data), parsed()), clock.schedule, 1000);
    pacer.setVisible(false);
    for (const chunk of ['1', '2', '3', '4']) pacer.write(chunk, () => {});
    pacer.setVisible(true);
    expect(written).toEqual(['1', '2', '3', '4']);
    expect(clock.timers).toHaveLength(0);
    pacer.write('5', () => {});
    expect(written.at(-1)).toBe('5');
  });

  it('hands a visible xterm only a bounded backlog, so hiding a flooding terminal paces the rest', () => {
    const inParser: Array<{ data: string; parsed: () => void }> = [];
    const clock = fakeClock();
    const pacer = new BackgroundPacer((data, parsed) => inParser.push({ data, parsed }), clock.schedule, 1000, 250);
    for (let i = 0; i < 10; i++) pacer.write(String(i).repeat(100), () => {});
    // Three writes reach 300 ≥ 250: the rest waits here, not in xterm.
    expect(inParser.map((w) => w.data[0])).toEqual(['0', '1', '2']);
    expect(pacer.queuedChars).toBe(700);
    inParser[0]!.parsed();
    expect(inParser.map((w) => w.data[0])).toEqual(['0', '1', '2', '3']);
    pacer.setVisible(false);
    for (const w of inParser.slice(1)) w.parsed();
    // Hidden: one write, then the background pace, not everything the host had sent.
    expect(inParser.map((w) => w.data[0])).toEqual(['0', '1', '2', '3', '4']);
    expect(clock.timers).toHaveLength(1);
    expect(clock.timers[0]!.ms).toBe(100);
    pacer.setVisible(true);
    expect(clock.timers).toHaveLength(0);
    inParser.at(-1)!.parsed();
    expect(inParser.map((w) => w.data[0])).toEqual(['0', '1', '2', '3', '4', '5', '6', '7']);
  });

  it('clear() drops queued output and its timer', () => {
    const written: string[] = [];
    const clock = fakeClock();
    const pacer = new BackgroundPacer((data, parsed) => (written.push(data), parsed()), clock.schedule, 1000);
    pacer.setVisible(false);
    pacer.write('a', () => {});
    pacer.write('b', () => {});
    pacer.clear();
    expect(clock.timers).toHaveLength(0);
    pacer.setVisible(true);
    expect(written).toEqual(['a']);
  });
});
