import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildTimeline,
  clampPosition,
  eventsDueAt,
  formatReplayTime,
  IDLE_CAP_SECONDS,
  mapPosition,
  parseResize,
  wallDelayMs,
  type ReplayEvent,
} from '../replayClock';

const out = (time: number, data = 'x'): ReplayEvent => [time, 'o', data];

describe('buildTimeline', () => {
  it('keeps recorded times without an idle cap', () => {
    const timeline = buildTimeline([out(0.5), out(1), out(61)], null);
    expect(timeline.times).toEqual([0.5, 1, 61]);
    expect(timeline.duration).toBe(61);
  });

  it('caps every gap, the first one included, at the idle limit', () => {
    const timeline = buildTimeline([out(10), out(10.5), out(3600), out(3601)], IDLE_CAP_SECONDS);
    expect(timeline.times).toEqual([2, 2.5, 4.5, 5.5]);
    expect(timeline.duration).toBe(5.5);
  });

  it('treats times that go backwards as no gap', () => {
    expect(buildTimeline([out(5), out(3), out(6)], null).times).toEqual([5, 5, 6]);
  });

  it('is empty for a recording without events', () => {
    expect(buildTimeline([], IDLE_CAP_SECONDS)).toEqual({ times: [], duration: 0 });
  });

  it('never decreases and never exceeds the uncapped duration (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e5, noNaN: true }), { maxLength: 50 }), (raw) => {
        const events = [...raw].sort((a, b) => a - b).map((t) => out(t));
        const capped = buildTimeline(events, IDLE_CAP_SECONDS);
        const plain = buildTimeline(events, null);
        capped.times.forEach((t, i) => {
          if (i > 0) expect(t).toBeGreaterThanOrEqual(capped.times[i - 1]!);
          expect(t - (capped.times[i - 1] ?? 0)).toBeLessThanOrEqual(IDLE_CAP_SECONDS + 1e-9);
        });
        expect(capped.duration).toBeLessThanOrEqual(plain.duration + 1e-9);
      }),
    );
  });
});

describe('eventsDueAt', () => {
  const timeline = buildTimeline([out(1), out(2), out(2), out(5)], null);

  it('counts the events at or before the position', () => {
    expect(eventsDueAt(timeline, 0)).toBe(0);
    expect(eventsDueAt(timeline, 1)).toBe(1);
    expect(eventsDueAt(timeline, 2)).toBe(3);
    expect(eventsDueAt(timeline, 4.99)).toBe(3);
    expect(eventsDueAt(timeline, 5)).toBe(4);
    expect(eventsDueAt(timeline, 100)).toBe(4);
  });

  it('agrees with a linear scan (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 40 }), fc.integer({ min: -5, max: 110 }), (raw, pos) => {
        const t = buildTimeline([...raw].sort((a, b) => a - b).map((x) => out(x)), null);
        expect(eventsDueAt(t, pos)).toBe(t.times.filter((x) => x <= pos).length);
      }),
    );
  });
});

describe('positions and delays', () => {
  it('clamps to the recording and turns junk into 0', () => {
    const timeline = buildTimeline([out(3)], null);
    expect(clampPosition(timeline, -1)).toBe(0);
    expect(clampPosition(timeline, 9)).toBe(3);
    expect(clampPosition(timeline, Number.NaN)).toBe(0);
  });

  it('keeps the same last-shown event when the idle cap is toggled', () => {
    const events = [out(1), out(100), out(101)];
    const plain = buildTimeline(events, null);
    const capped = buildTimeline(events, IDLE_CAP_SECONDS);
    // 50 s into the long pause: on the capped timeline that pause is only 2 s long.
    expect(mapPosition(plain, capped, 51)).toBe(3);
    expect(mapPosition(capped, plain, 2)).toBe(2);
    expect(mapPosition(plain, capped, 100.5)).toBe(3.5);
    expect(mapPosition(plain, capped, 0.5)).toBe(0.5);
  });

  it('converts replay time to wall time at the chosen speed', () => {
    expect(wallDelayMs(1, 3, 1)).toBe(2000);
    expect(wallDelayMs(1, 3, 4)).toBe(500);
    expect(wallDelayMs(1, 3, 0.5)).toBe(4000);
    expect(wallDelayMs(5, 3, 1)).toBe(0);
  });
});

describe('formatReplayTime and parseResize', () => {
  it('formats minutes and hours', () => {
    expect(formatReplayTime(0)).toBe('0:00');
    expect(formatReplayTime(7.9)).toBe('0:07');
    expect(formatReplayTime(754)).toBe('12:34');
    expect(formatReplayTime(3723)).toBe('1:02:03');
  });

  it('reads "COLSxROWS" and refuses anything else', () => {
    expect(parseResize('120x40')).toEqual({ cols: 120, rows: 40 });
    expect(parseResize('0x40')).toBeNull();
    expect(parseResize('wide')).toBeNull();
    expect(parseResize('120x')).toBeNull();
  });
});
