// Starts the host for the desktop app: inside the main process when its native modules
// load here, otherwise as a child `node` process (e.g. a dev checkout whose better-sqlite3
// was built for Node rather than Electron). Either way the renderer only sees a URL and a token.
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { SettingsBackend } from '../host/host';

export interface HostHandle {
  url: string;
  token: string;
  close(): Promise<void>;
}

const READY_LINE = /War Room is serving at (http:\/\/[^\s#]+)\/#token=([A-Za-z0-9_-]+)/;
const CHILD_START_TIMEOUT_MS = 30_000;

export async function startDesktopHost(opts: { dataDir: string; distDir: string; settings: SettingsBackend }): Promise<HostHandle> {
  try {
    const { startHost } = await import('../host/host');
    const host = await startHost({
      dataDir: opts.dataDir,
      port: 0,
      staticDir: path.join(opts.distDir, 'renderer'),
      settings: opts.settings,
    });
    return { url: host.url, token: host.token, close: () => host.close() };
  } catch (error) {
    console.error(`War Room: in-process host failed (${(error as Error).message}); starting it with node instead.`);
    return startChildHost(opts);
  }
}

function startChildHost(opts: { dataDir: string; distDir: string }): Promise<HostHandle> {
  const child = spawn('node', [path.join(opts.distDir, 'cli.mjs'), 'serve', '--data-dir', opts.dataDir, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the host did not start in time')), CHILD_START_TIMEOUT_MS);
    let buffered = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      const match = READY_LINE.exec(buffered);
      if (!match) return;
      clearTimeout(timer);
      resolve({
        url: match[1]!,
        token: match[2]!,
        close: () =>
          new Promise((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
    child.once('exit', (code) => reject(new Error(`the host exited with code ${code}`)));
  });
}
