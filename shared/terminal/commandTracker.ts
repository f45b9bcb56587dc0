// Turns shell marks into command records: the line (E) and the start (C) make a started
// command, D finishes it. Bash sends E before C; the tracker also accepts C before E.
import type { CommandRecord } from './protocol';
import type { ShellMark } from './shellMarks';

export interface CommandTracker {
  /** `at` is the ISO instant the mark was seen. */
  apply(mark: ShellMark, at: string): { started?: CommandRecord; finished?: CommandRecord };
}

export function createCommandTracker(): CommandTracker {
  let seq = 0;
  let cwd: string | null = null;
  /** The line announced for the next command. */
  let pendingLine: string | null = null;
  /** When C came before its E: the instant it started. */
  let executedAt: string | null = null;
  let running: CommandRecord | null = null;

  function start(line: string, startedAt: string): { started?: CommandRecord; finished?: CommandRecord } {
    pendingLine = null;
    executedAt = null;
    if (line.trim() === '') return {};
    // A command that never reported its end (the shell was interrupted) ends when the next starts.
    const finished = running ? { ...running, endedAt: startedAt } : undefined;
    seq += 1;
    running = { seq, line, cwd, startedAt, endedAt: null, exitCode: null };
    return finished ? { started: running, finished } : { started: running };
  }

  return {
    apply(mark, at) {
      switch (mark.kind) {
        case 'cwd':
          cwd = mark.path;
          return {};
        case 'commandLine':
          if (executedAt !== null) return start(mark.line, executedAt);
          pendingLine = mark.line;
          return {};
        case 'executed':
          if (pendingLine !== null) return start(pendingLine, at);
          executedAt = at;
          return {};
        case 'finished': {
          pendingLine = null;
          executedAt = null;
          if (!running) return {};
          const finished = { ...running, endedAt: at, exitCode: mark.exitCode };
          running = null;
          return { finished };
        }
      }
    },
  };
}
