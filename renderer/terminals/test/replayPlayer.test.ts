import { describe, expect, it } from 'vitest';
import type { ReplayEvent } from '../replayClock';
import { ReplayPlayer, type ReplayClockSource } from '../replayPlayer';

/** A hand-driven clock: `advance` fires due timers in order, like real time would. */
function fakeClock() {
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const clock: ReplayClockSource = {
    now: () => now,
    setTimer: (fn, ms) => {
      const id = nextId++;
      timers.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimer: (id) => timers.delete(id as number),
  };
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      timers.delete(due[0]);
      now = due[1].at;
      due[1].fn();
    }
    now = end;
  };
  return { clock, advance, pending: () => timers.size };
}

function setup(events: ReplayEvent[]) {
  const writes: { data: string; reset: boolean }[] = [];
  const { clock, advance, pending } = fakeClock();
  const player = new ReplayPlayer(events, { write: (batch, reset) => writes.push({ data: batch.map((e) => e[2]).join(''), reset }) }, clock);
  const text = () => writes.map((w) => w.data).join('');
  return { player, writes, advance, pending, text };
}

const EVENTS: ReplayEvent[] = [
  [0.1, 'o', 'a'],
  [1, 'o', 'b'],
  [1.001, 'o', 'c'],
  [10, 'r', '100x30'],
  [30, 'o', 'd'],
];

describe('ReplayPlayer', () => {
  it('plays events at their recorded times and stops at the end', () => {
    const { player, advance, text, pending } = setup(EVENTS);
    const states: boolean[] = [];
    player.subscribe((s) => states.push(s.playing));
    player.play();
    advance(500);
    expect(text()).toBe('a');
    advance(600);
    expect(text()).toBe('abc');
    advance(28_000);
    expect(text()).toBe('abc100x30');
    advance(2_000);
    expect(text()).toBe('abc100x30d');
    expect(player.state()).toMatchObject({ playing: false, position: 30, duration: 30 });
    expect(states.at(-1)).toBe(false);
    expect(pending()).toBe(0);
  });

  it('pauses and resumes where it was', () => {
    const { player, advance, text } = setup(EVENTS);
    player.play();
    advance(500);
    player.pause();
    advance(60_000);
    expect(text()).toBe('a');
    expect(player.position()).toBeCloseTo(0.5);
    player.toggle();
    advance(600);
    expect(text()).toBe('abc');
  });

  it('plays faster at a higher speed', () => {
    const { player, advance, text } = setup(EVENTS);
    player.setSpeed(16);
    player.play();
    advance(30_000 / 16 + 20);
    expect(text()).toBe('abc100x30d');
  });

  it('skips idle time by capping pauses at 2 s', () => {
    const { player, advance, text } = setup(EVENTS);
    player.setSkipIdle(true);
    expect(player.state().duration).toBeCloseTo(0.1 + 0.9 + 0.001 + 2 + 2);
    player.play();
    advance(5_100);
    expect(text()).toBe('abc100x30d');
  });

  it('seeks forward in one batch and backward from a reset', () => {
    const { player, writes } = setup(EVENTS);
    player.seek(20);
    expect(writes).toEqual([{ data: 'abc100x30', reset: false }]);
    player.seek(1);
    expect(writes.at(-1)).toEqual({ data: 'ab', reset: true });
    player.seekBy(5);
    expect(writes.at(-1)).toEqual({ data: 'c', reset: false });
    expect(player.position()).toBe(6);
    player.seek(1e9);
    expect(player.position()).toBe(30);
    player.seek(0);
    expect(writes.at(-1)).toEqual({ data: '', reset: true });
  });

  it('starts over when played at the end', () => {
    const { player, writes, advance } = setup(EVENTS);
    player.seek(30);
    player.play();
    expect(writes.at(-1)?.reset).toBe(true);
    advance(200);
    expect(writes.at(-1)).toEqual({ data: 'a', reset: false });
    player.dispose();
  });

  it('copes with a recording without events', () => {
    const { player, writes } = setup([]);
    player.play();
    expect(player.state()).toMatchObject({ playing: false, position: 0, duration: 0 });
    expect(writes).toEqual([]);
  });
});
