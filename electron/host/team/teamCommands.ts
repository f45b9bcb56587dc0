// The CLI's team-server side: `warroom serve --store postgres://… [--redis redis://…]` and
// `warroom migrate --from … --to …` (a data dir or a PostgreSQL URL on either side).
import type { Command } from 'commander';
import type { DocumentStore } from '../documentStore';
import { redactedUrl } from '../redactedUrl';
import { SqliteDocumentStore } from '../sqliteDocumentStore';
import { copyIncidents } from './storeMigration';

// pg, ioredis and the Redis extension load only for the commands that use them, so every other
// `warroom` command starts as fast as before.
const loadPgStore = async () => (await import('../postgres/pgStore')).PgStore;

/** The server token for a team server; when unset, one is made and printed. */
export const SERVER_TOKEN_ENV = 'WARROOM_SERVER_TOKEN';

export const isPostgresUrl = (value: string): boolean => /^postgres(ql)?:\/\//i.test(value);

export interface TeamServeOptions {
  store: string;
  redis?: string;
  instance?: string;
  port: number;
  host: string;
}

/** Checks the combination of serve options; returns the message of a usage error, or null. */
export function teamServeUsage(opts: { store?: string; redis?: string; listen?: unknown; dataDir?: string }): string | null {
  if (opts.redis !== undefined && opts.store === undefined) return '--redis needs --store postgres://….';
  if (opts.store === undefined) return null;
  if (!isPostgresUrl(opts.store)) return `--store takes a postgres:// URL, not "${opts.store}" (the embedded store is the default; use --data-dir for it).`;
  if (opts.redis !== undefined && !/^rediss?:\/\//i.test(opts.redis)) return `--redis takes a redis:// URL, not "${opts.redis}".`;
  if (opts.listen !== undefined || opts.dataDir !== undefined) return '--store serves from PostgreSQL: --listen and --data-dir belong to the embedded store.';
  return null;
}

/** Runs one team-server instance until SIGINT/SIGTERM. */
export async function serveTeam(opts: TeamServeOptions): Promise<void> {
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const { startTeamServer } = await import('./teamServer');
  const store = await (await loadPgStore()).open({ url: opts.store, log });
  const envToken = process.env[SERVER_TOKEN_ENV];
  const server = await startTeamServer({
    store,
    ...(opts.redis ? { redis: opts.redis } : {}),
    ...(opts.instance ? { instanceId: opts.instance } : {}),
    ...(envToken ? { token: envToken } : {}),
    port: opts.port,
    hostname: opts.host,
    log,
  });
  process.stdout.write(
    `War Room team server ${server.instanceId} is serving at ${server.url} (store ${store.location}; redis ${opts.redis ? redactedUrl(opts.redis) : 'off'})\n`,
  );
  if (!envToken) process.stdout.write(`Server token (set $${SERVER_TOKEN_ENV} to choose it): ${server.token}\n`);
  const stop = () => {
    server
      .close()
      .then(() => store.close())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** A data dir or a postgres:// URL, opened as a store. */
async function openEither(target: string, resolveDataDir: (dir: string) => string): Promise<DocumentStore> {
  return isPostgresUrl(target) ? (await loadPgStore()).open({ url: target }) : SqliteDocumentStore.open(resolveDataDir(target));
}

export function registerMigrateCommand(program: Command, deps: { resolveDataDir: (dir: string) => string }): void {
  program
    .command('migrate')
    .description('copy every incident from one store to another (a data dir or a postgres:// URL) and verify each by its Yjs state')
    .requiredOption('--from <store>', 'data dir or postgres:// URL to copy from')
    .requiredOption('--to <store>', 'data dir or postgres:// URL to copy into')
    .action(async (opts: { from: string; to: string }) => {
      const from = await openEither(opts.from, deps.resolveDataDir);
      try {
        const to = await openEither(opts.to, deps.resolveDataDir);
        try {
          const report = await copyIncidents(from, to);
          for (const line of report.lines) process.stdout.write(`${line}\n`);
          process.stdout.write(`Copied ${report.copied} incident(s) from ${from.location} to ${to.location}; each verified by its Yjs state.\n`);
        } finally {
          await to.close();
        }
      } finally {
        await from.close();
      }
    });
}
