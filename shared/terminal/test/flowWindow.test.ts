import { describe, expect, it } from 'vitest';
import { FlowWindow, MAX_WINDOW_CHARS, MIN_WINDOW_CHARS, RATE_SAMPLE_MS, RESUME_FRACTION, WINDOW_DRAIN_MS } from '../flowWindow';

/** A window on a hand-driven clock. */
function clocked() {
  let now = 0;
  const flow = new FlowWindow(() => now);
  return {
    flow,
    /** `ms` pass while the renderer acknowledges `charsPerMs` in acks every `everyMs`, the window full when `full`. */
    drain(ms: number, charsPerMs: number, full: boolean, everyMs = 10) {
      for (let t = 0; t < ms; t += everyMs) {
        if (full) flow.filled();
        now += everyMs;
        flow.acked(charsPerMs * everyMs);
      }
    },
  };
}

describe('FlowWindow', () => {
  it('starts at the fixed mark and resumes at half of it', () => {
    const { flow } = clocked();
    expect(flow.window).toBe(MIN_WINDOW_CHARS);
    expect(flow.resumeAt).toBe(MIN_WINDOW_CHARS * RESUME_FRACTION);
  });

  it('grows to hold WINDOW_DRAIN_MS of what a renderer kept full acknowledges', () => {
    const { flow, drain } = clocked();
    drain(20 * RATE_SAMPLE_MS, 4_000, true);
    expect(flow.charsPerMs).toBeCloseTo(4_000, -1);
    expect(flow.window).toBe(Math.round(flow.charsPerMs * WINDOW_DRAIN_MS));
    expect(flow.window).toBeGreaterThan(MIN_WINDOW_CHARS);
  });

  it('learns nothing from a program that prints less than the renderer takes', () => {
    const { flow, drain } = clocked();
    drain(20 * RATE_SAMPLE_MS, 4_000, false);
    expect(flow.charsPerMs).toBe(0);
    expect(flow.window).toBe(MIN_WINDOW_CHARS);
  });

  it('shrinks again when the renderer slows down (a hidden terminal), never below the fixed mark', () => {
    const { flow, drain } = clocked();
    drain(20 * RATE_SAMPLE_MS, 4_000, true);
    drain(40 * RATE_SAMPLE_MS, 100, true);
    expect(flow.window).toBe(MIN_WINDOW_CHARS);
  });

  it('is capped, however fast the renderer', () => {
    const { flow, drain } = clocked();
    drain(20 * RATE_SAMPLE_MS, 1_000_000, true);
    expect(flow.window).toBe(MAX_WINDOW_CHARS);
  });

  it('starts afresh for a new connection', () => {
    const { flow, drain } = clocked();
    drain(20 * RATE_SAMPLE_MS, 4_000, true);
    flow.reset();
    expect(flow.window).toBe(MIN_WINDOW_CHARS);
  });
});
