// Starts a real `warroom serve` on a temporary data dir and a free port for a test.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base } from '@playwright/test';

const READY_LINE = /War Room is serving at (\S+)/;
/** Printed right after READY_LINE when `--listen` is given. */
const ROOM_LINE = /Room listener at (\S+)/;
const START_TIMEOUT_MS = 20_000;

export interface ServedHost {
  /** http://127.0.0.1:PORT */
  url: string;
  /** The URL with the token fragment, as printed by `warroom serve`. */
  openUrl: string;
  dataDir: string;
  /** http(s)://ADDR:PORT of the room listener, when started with `--listen`. */
  roomUrl?: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * The host's shells get an empty home of their own: the machine user's rc files (version managers
 * that take a lock in ~, prompts that call the network) must neither slow a test's prompt nor be
 * touched by the shells a test ends mid-start-up.
 */
function shellEnvironment(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home };
  delete env.ZDOTDIR;
  return env;
}

export async function startServe(args: string[] = [], dataDir?: string): Promise<ServedHost> {
  const dir = dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'warroom-e2e-'));
  const home = mkdtempSync(path.join(os.tmpdir(), 'warroom-e2e-home-'));
  const child = spawn(process.execPath, [path.resolve('bin/warroom.mjs'), 'serve', '--data-dir', dir, '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: shellEnvironment(home),
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const listening = args.includes('--listen');
  const { openUrl, roomUrl } = await new Promise<{ openUrl: string; roomUrl?: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`warroom serve did not start: ${stderr}`)), START_TIMEOUT_MS);
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (c: string) => {
      out += c;
      const m = READY_LINE.exec(out);
      const room = ROOM_LINE.exec(out);
      if (m && (!listening || room)) {
        clearTimeout(timer);
        resolve({ openUrl: m[1]!, ...(room ? { roomUrl: room[1]! } : {}) });
      }
    });
    child.once('exit', (code) => reject(new Error(`warroom serve exited (${code}): ${stderr}`)));
  });
  return {
    url: new URL(openUrl).origin,
    openUrl,
    ...(roomUrl ? { roomUrl } : {}),
    dataDir: dir,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }).finally(() => {
        rmSync(home, { recursive: true, force: true });
        if (!dataDir) rmSync(dir, { recursive: true, force: true });
      }),
  };
}

/** A test with a fresh host of its own. */
export const test = base.extend<{ host: ServedHost }>({
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const host = await startServe();
    await use(host);
    await host.stop();
  },
});
export { expect } from '@playwright/test';
