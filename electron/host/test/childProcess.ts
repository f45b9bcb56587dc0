// Real servers as child processes for the tests and bench (`warroom serve`, postgres, redis-server):
// started, known to be ready from a line they print, and stopped by their pid. One way to start
// and one way to stop, so every test that kills a host waits on the same events.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export type OutputStream = 'stdout' | 'stderr';

export interface StartChildOptions<T> {
  /** Named in the error when it never becomes ready ("postgres on port 5433"). */
  what: string;
  /** A value once `line` shows the child ready, undefined while not yet; a throw means it never will be. */
  ready(line: string, stream: OutputStream): T | undefined;
  timeoutMs: number;
  env?: NodeJS.ProcessEnv;
  /** Sees every line of either stream, ready or not. */
  onLine?(line: string, stream: OutputStream): void;
}

export interface StartedChild<T> {
  /** At once, so a caller can kill it even while it is starting. */
  child: ChildProcess;
  /** What `ready` returned; rejects, quoting all the child wrote, when it exits first or takes longer than timeoutMs. */
  ready: Promise<T>;
}

/** Starts argv with piped output and watches its lines, on both streams, for the one that says it is ready. */
export function startChild<T>(argv: readonly string[], opts: StartChildOptions<T>): StartedChild<T> {
  const [command, ...args] = argv as [string, ...string[]];
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...(opts.env && { env: opts.env }) });
  const output: string[] = [];
  const ready = new Promise<T>((resolve, reject) => {
    let settled = false;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      finish();
    };
    const timer = setTimeout(() => settle(() => reject(new Error(`${opts.what} not ready after ${opts.timeoutMs} ms:\n${output.join('\n')}`))), opts.timeoutMs);
    child.once('exit', (code, signal) => settle(() => reject(new Error(`${opts.what} exited (${code ?? signal}) before it was ready:\n${output.join('\n')}`))));
    // A command that cannot be started (missing, not executable) never exits: it fails here.
    child.once('error', (error) => settle(() => reject(new Error(`${opts.what} could not be started: ${error.message}`))));
    const watch = (stream: OutputStream) => (line: string) => {
      output.push(line);
      opts.onLine?.(line, stream);
      if (settled) return;
      try {
        const value = opts.ready(line, stream);
        if (value !== undefined) settle(() => resolve(value));
      } catch (error) {
        settle(() => reject(error instanceof Error ? error : new Error(String(error))));
      }
    };
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', watch('stdout'));
    createInterface({ input: child.stderr as NodeJS.ReadableStream }).on('line', watch('stderr'));
  });
  return { child, ready };
}

/** Stops a child by its pid with `signal` and resolves when it has exited. */
export function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    process.kill(child.pid as number, signal);
  });
}

/** Where a `warroom serve --listen` child is reached once it is up. */
export interface ServedRoom {
  /** The loopback host's URL (http://127.0.0.1:PORT), and its token. */
  url: string;
  token: string;
  /** The room listener's URL (http://ADDR:PORT). */
  roomUrl: string;
}

/**
 * The built CLI's `serve --port 0 --listen <listen> --data-dir <dataDir>`, ready once it has printed
 * both where it serves and where its room listener is.
 */
export function serveWithRoom(cli: string, opts: { dataDir: string; listen: string; timeoutMs: number; env?: NodeJS.ProcessEnv }): StartedChild<ServedRoom> {
  let serving: RegExpExecArray | null = null;
  return startChild([process.execPath, cli, 'serve', '--port', '0', '--listen', opts.listen, '--data-dir', opts.dataDir], {
    what: 'the room listener of warroom serve',
    timeoutMs: opts.timeoutMs,
    ...(opts.env && { env: opts.env }),
    ready(line, stream) {
      if (stream !== 'stdout') return undefined;
      serving ??= /War Room is serving at (http:\/\/127\.0\.0\.1:\d+)\/#token=(\S+)$/.exec(line);
      const room = /^Room listener at (https?:\/\/[^\s/]+)/.exec(line);
      return serving && room ? { url: serving[1]!, token: serving[2]!, roomUrl: room[1]! } : undefined;
    },
  });
}
