// Applies replay batches to a terminal in order. xterm parses writes asynchronously but
// resizes and resets take effect at once, so a resize recorded after some output must wait
// for that output's write callback, or the output would be laid out at the new size.
import { parseResize, type ReplayEvent } from './replayClock';

/** The part of xterm's Terminal the replay uses. */
export interface ReplayTerminal {
  write(data: string, callback?: () => void): void;
  resize(cols: number, rows: number): void;
  reset(): void;
}

type Step = { kind: 'write'; data: string } | { kind: 'resize'; cols: number; rows: number } | { kind: 'reset' };

/** Adjacent output events merge into one write: one parse per batch instead of per event. */
export function batchSteps(events: readonly ReplayEvent[], reset: boolean, initial: { cols: number; rows: number }): Step[] {
  const steps: Step[] = reset ? [{ kind: 'reset' }, { kind: 'resize', ...initial }] : [];
  let pending = '';
  const flush = () => {
    if (pending) steps.push({ kind: 'write', data: pending });
    pending = '';
  };
  for (const [, code, data] of events) {
    if (code === 'o') {
      pending += data;
      continue;
    }
    const size = parseResize(data);
    if (!size) continue;
    flush();
    steps.push({ kind: 'resize', ...size });
  }
  flush();
  return steps;
}

export interface ReplayWriter {
  write(events: readonly ReplayEvent[], reset: boolean): void;
  dispose(): void;
}

/**
 * `initial` is the header's size, restored on every reset. A reset drops whatever earlier
 * batches have not been written yet: the seek that caused it rewrites everything it needs.
 */
export function createReplayWriter(terminal: ReplayTerminal, initial: { cols: number; rows: number }): ReplayWriter {
  let queue: Step[] = [];
  let writing = false;
  let disposed = false;

  const next = (): void => {
    while (!disposed && queue.length > 0) {
      const step = queue.shift()!;
      if (step.kind === 'reset') terminal.reset();
      else if (step.kind === 'resize') terminal.resize(step.cols, step.rows);
      else {
        writing = true;
        terminal.write(step.data, () => {
          writing = false;
          next();
        });
        return;
      }
    }
  };

  return {
    write(events, reset) {
      if (disposed) return;
      const steps = batchSteps(events, reset, initial);
      queue = reset ? steps : [...queue, ...steps];
      if (!writing) next();
    },
    dispose() {
      disposed = true;
      queue = [];
    },
  };
}
