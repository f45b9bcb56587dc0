// Throwaway PostgreSQL clusters and Redis servers for the team-server tests and bench: real
// processes on free loopback ports, in temporary directories, stopped by their pid.
// initdb refuses to run as root (tests run as root here and in CI), so when we are root the
// cluster is made and run by an unprivileged user (`nobody`) on a directory that user owns.
import { spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startChild, stopChild } from './childProcess';
import { freePort } from './helpers';

/** How long a server may take to say it is ready on a loaded 2-core machine. */
const SERVER_READY_TIMEOUT_MS = 60_000;
const UNPRIVILEGED_USER = 'nobody';
const UNPRIVILEGED_GROUP = 'nogroup';
/** The database role initdb creates; trust authentication on loopback only. */
const PG_ROLE = 'warroom';

/** The newest PostgreSQL under Debian's /usr/lib/postgresql/<major>/bin, or PATH. */
function postgresBin(name: string): string {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const majors = readdirSync(root).filter((d) => /^\d+$/.test(d)).sort((a, b) => Number(b) - Number(a));
    for (const major of majors) {
      const file = path.join(root, major, 'bin', name);
      if (existsSync(file)) return file;
    }
  }
  return name;
}

/** The unprivileged user's uid (`-u`) or gid (`-g`). */
const idOf = (flag: '-u' | '-g'): number => Number(spawnSync('id', [flag, UNPRIVILEGED_USER], { encoding: 'utf8' }).stdout.trim());
const isRoot = () => process.getuid?.() === 0;
/** The command line that runs `argv` as the unprivileged user when we are root. */
const asUnprivileged = (argv: string[]): string[] =>
  isRoot() ? ['setpriv', `--reuid=${UNPRIVILEGED_USER}`, `--regid=${UNPRIVILEGED_GROUP}`, '--clear-groups', ...argv] : argv;

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
});

/** Starts argv and resolves once a line of its output matches `ready`; rejects if it exits first. */
async function spawnUntilReady(argv: string[], ready: RegExp, what: string): Promise<ChildProcess> {
  const { child, ready: isReady } = startChild(argv, { what, ready: (line) => (ready.test(line) ? true : undefined), timeoutMs: SERVER_READY_TIMEOUT_MS });
  running.add(child);
  child.once('exit', () => running.delete(child));
  await isReady;
  return child;
}

export interface PostgresCluster {
  /** postgres://warroom@127.0.0.1:PORT/DB */
  url(database?: string): string;
  port: number;
  /** Creates a database and returns its URL. */
  createDatabase(name: string): string;
  /** Fast shutdown (SIGINT to the postmaster), then start again on the same port and data. */
  restart(): Promise<void>;
  /** Fast shutdown; the cluster can be started again. */
  stop(): Promise<void>;
  /** Start again after stop(). */
  start(): Promise<void>;
  /** Stop for good and remove its directory. */
  destroy(): Promise<void>;
}

/**
 * initdb in a temp dir, then `postgres` on a free loopback port with its socket in that dir.
 * fsync is off: these tests kill instances and restart the server cleanly, never the machine.
 */
export async function startPostgres(opts: { fsync?: boolean } = {}): Promise<PostgresCluster> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'warroom-pg-'));
  if (isRoot()) chownSync(dir, idOf('-u'), idOf('-g'));
  const data = path.join(dir, 'data');
  const [initCmd, ...initArgs] = asUnprivileged([postgresBin('initdb'), '-D', data, '-A', 'trust', '-U', PG_ROLE, '-E', 'UTF8', '--no-sync']) as [string, ...string[]];
  const init = spawnSync(initCmd, initArgs, { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`initdb failed (${init.status}): ${init.stderr}`);
  const port = await freePort();
  const argv = asUnprivileged([
    postgresBin('postgres'), '-D', data, '-p', String(port), '-k', dir,
    '-c', 'listen_addresses=127.0.0.1', '-c', `fsync=${opts.fsync ? 'on' : 'off'}`, '-c', 'max_connections=200',
  ]);
  let child = await spawnUntilReady(argv, /ready to accept connections/, `postgres on port ${port}`);
  const url = (database = 'postgres') => `postgres://${PG_ROLE}@127.0.0.1:${port}/${database}`;
  return {
    url,
    port,
    createDatabase(name) {
      const res = spawnSync(postgresBin('createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', PG_ROLE, name], { encoding: 'utf8' });
      if (res.status !== 0) throw new Error(`createdb ${name} failed: ${res.stderr}`);
      return url(name);
    },
    async restart() {
      await stopChild(child, 'SIGINT');
      child = await spawnUntilReady(argv, /ready to accept connections/, `postgres on port ${port}`);
    },
    async stop() {
      await stopChild(child, 'SIGINT');
    },
    async start() {
      child = await spawnUntilReady(argv, /ready to accept connections/, `postgres on port ${port}`);
    },
    async destroy() {
      await stopChild(child, 'SIGINT');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface RedisServer {
  url: string;
  port: number;
  /** Stop (SIGKILL: an outage, not a goodbye) and start again on the same port. */
  restart(): Promise<void>;
  kill(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** redis-server on a free loopback port, without persistence (it only fans updates out). */
export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'warroom-redis-'));
  const argv = ['redis-server', '--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir];
  let child = await spawnUntilReady(argv, /Ready to accept connections/, `redis-server on port ${port}`);
  const server: RedisServer = {
    url: `redis://127.0.0.1:${port}`,
    port,
    async kill() {
      await stopChild(child, 'SIGKILL');
    },
    async start() {
      child = await spawnUntilReady(argv, /Ready to accept connections/, `redis-server on port ${port}`);
    },
    async restart() {
      await server.kill();
      await server.start();
    },
    async stop() {
      await stopChild(child, 'SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return server;
}
