// `warroom token create|revoke|list`, straight against the store (a running `warroom serve`
// sees new tokens at once and drops revoked ones within REVOCATION_CHECK_MS), and the ADDR:PORT
// parser `serve --listen` shares. Registered by electron/cli.ts, which supplies its store opener
// and usage-error type so exit codes and messages stay the CLI's.
import { type Command, InvalidArgumentError, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { incidentDocName } from '../../../shared/protocol/api';
import { buildBrowserUrl, buildJoinLink, IncidentIdSchema, ROOM_ROLES, type RoomRole } from '../../../shared/protocol/room';
import { HostError } from '../hostError';
import type { IncidentStore } from '../store';
import { certificateFingerprint } from './roomListener';
import type { DocumentStore, IntakeTokenStore, RoomTokenStore } from '../documentStore';
import { SqliteDocumentStore } from '../sqliteDocumentStore';

const MAX_PORT = 65535;
const MAX_NAME_LENGTH = 100;

export interface HostPort {
  hostname: string;
  port: number;
}

/** `ADDR:PORT` or `[IPv6]:PORT`; `allowZero` admits port 0 (any free port) for listening. */
export function parseHostPort(value: string, allowZero: boolean): HostPort {
  const match = /^\[([^\]]+)\]:(\d+)$/.exec(value) ?? /^([^:[\]\s/]+):(\d+)$/.exec(value);
  const port = match ? Number(match[2]) : NaN;
  if (!match || port > MAX_PORT || (port === 0 && !allowZero)) {
    throw new InvalidArgumentError(`"${value}" is not ADDR:PORT (e.g. 0.0.0.0:8443 or [::]:8443).`);
  }
  return { hostname: match[1] as string, port };
}

function parseIncidentId(value: string): string {
  if (!IncidentIdSchema.safeParse(value).success) throw new InvalidArgumentError(`"${value}" is not an incident id.`);
  return value;
}

function parseName(value: string): string {
  const name = value.trim();
  if (name.length === 0 || name.length > MAX_NAME_LENGTH) throw new InvalidArgumentError(`a name has 1-${MAX_NAME_LENGTH} characters.`);
  return name;
}

export interface TokenCommandDeps {
  /** Opens the store of the given --data-dir (undefined = default) or throws the CLI's store error. */
  openStore(dataDir: string | undefined): IncidentStore;
  dataDirOption(): Option;
  /** The CLI's bad-argument error (one line on stderr, exit 2). */
  usageError(message: string): Error;
}

/** Runs fn on the store of --data-dir, closing it after, whatever happens. */
export function withStore<T>(deps: TokenCommandDeps, dataDir: string | undefined, fn: (store: IncidentStore) => T): T {
  const store = deps.openStore(dataDir);
  try {
    return fn(store);
  } finally {
    store.close();
  }
}

/** `revoke` of room and intake tokens alike: the id must name a token the store has. */
function requireKnownToken(tokens: readonly { id: string }[], id: string, what: string): void {
  if (!tokens.some((t) => t.id === id)) throw new HostError('not-found', `There is no ${what} with id ${id}.`);
}

function printRevoked(id: string, revoked: boolean): void {
  process.stdout.write(revoked ? `revoked ${id}\n` : `${id} was already revoked\n`);
}

/** `list` of room and intake tokens alike: JSON, or a line per token, its columns then whether it is revoked. */
export function printTokenList<T extends { revokedAt: string | null }>(list: readonly T[], json: boolean, columns: (token: T) => string[], none: string): void {
  if (json) return void process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
  const rows = list.map((t) => [...columns(t), t.revokedAt ? `revoked ${t.revokedAt}` : 'active'].join('  '));
  process.stdout.write(rows.length ? `${rows.join('\n')}\n` : `${none}\n`);
}

/** Where a token command works: a team server's PostgreSQL (--store, room tokens only) or else a data dir. */
interface StoreOptions {
  dataDir?: string;
  store?: string;
}

/** Runs fn on the store of --store (a team server's PostgreSQL) or else of --data-dir; closes it after, whatever happens. */
async function withDocumentStore<T>(deps: TokenCommandDeps, opts: StoreOptions, fn: (store: DocumentStore) => Promise<T>): Promise<T> {
  if (opts.store !== undefined) {
    if (opts.dataDir !== undefined) throw deps.usageError('--store and --data-dir name two different stores; give one.');
    // Loaded only here: the data-dir commands never need pg.
    const { PgStore } = await import('../postgres/pgStore');
    const store = await PgStore.open({ url: opts.store });
    try {
      return await fn(store);
    } finally {
      await store.close();
    }
  }
  const store = deps.openStore(opts.dataDir);
  try {
    return await fn(SqliteDocumentStore.over(store));
  } finally {
    store.close();
  }
}

/** `revoke <id>` of room and intake tokens alike: the id must name a token the store has; prints whether it was revoked already. */
export function addRevokeCommand(
  token: Command,
  deps: TokenCommandDeps,
  spec: { description: string; listCommand: string; what: string; tokens(store: DocumentStore): Pick<RoomTokenStore | IntakeTokenStore, 'list' | 'revoke'>; options?: Option[] },
): void {
  const revoke = token
    .command('revoke')
    .description(spec.description)
    .argument('<id>', `token id (from \`${spec.listCommand}\`)`)
    .addOption(deps.dataDirOption());
  for (const option of spec.options ?? []) revoke.addOption(option);
  revoke.action(async (id: string, opts: StoreOptions) => {
    const revoked = await withDocumentStore(deps, opts, async (store) => {
      const tokens = spec.tokens(store);
      requireKnownToken(await tokens.list(), id, spec.what);
      return tokens.revoke(id);
    });
    printRevoked(id, revoked);
  });
}

const storeOption = () => new Option('--store <postgres-url>', "a team server's PostgreSQL instead of the data dir (see `serve --store`)");

interface CreateOptions {
  role: RoomRole;
  incident: string;
  name?: string;
  address?: HostPort;
  tlsCert?: string;
  dataDir?: string;
  store?: string;
}

export function registerTokenCommands(program: Command, deps: TokenCommandDeps): void {
  const token = program.command('token').description('room tokens for sharing an incident (see `serve --listen`)');

  token
    .command('create')
    .description('create a room token; prints its id, secret, join code and, with --address, the join links')
    .addOption(new Option('--role <role>', 'responder (read-write) or observer (read-only)').choices(ROOM_ROLES).makeOptionMandatory())
    .requiredOption('--incident <id>', 'the incident whose room the token opens', parseIncidentId)
    .option('--name <name>', 'bind the token to this person (their presence must carry this name)', parseName)
    .option('--address <addr:port>', 'where joiners reach `serve --listen`, for the printed links', (v: string) => parseHostPort(v, false))
    .option('--tls-cert <file>', "the listener's certificate, so the links pin its fingerprint")
    .addOption(deps.dataDirOption())
    .addOption(storeOption())
    .action(async (opts: CreateOptions) => {
      let tls: string | undefined;
      if (opts.tlsCert) {
        if (!opts.address) throw deps.usageError('--tls-cert goes with --address.');
        try {
          tls = certificateFingerprint(readFileSync(opts.tlsCert, 'utf8'));
        } catch (err) {
          throw deps.usageError(`cannot read a certificate from ${opts.tlsCert}: ${(err as Error).message}`);
        }
      }
      const created = await withDocumentStore(deps, opts, async (store) => {
        if (!(await store.hasDoc(incidentDocName(opts.incident)))) throw new HostError('not-found', `There is no incident with id ${opts.incident}.`);
        return store.roomTokens.create({ role: opts.role, incidentId: opts.incident, ...(opts.name ? { name: opts.name } : {}) });
      });
      const lines = [`id: ${created.id}`, `role: ${opts.role}`, `incident: ${opts.incident}`];
      if (opts.name) lines.push(`name: ${opts.name}`);
      lines.push(`token: ${created.secret}`, `code: ${created.code}`);
      if (opts.address) {
        const link = { host: opts.address.hostname, port: opts.address.port, room: opts.incident, token: created.secret, ...(tls ? { tls } : {}) };
        lines.push(`join link: ${buildJoinLink(link)}`, `browser URL: ${buildBrowserUrl(link)}`);
      }
      process.stdout.write(`${lines.join('\n')}\n`);
    });

  addRevokeCommand(token, deps, {
    description: 'revoke a room token; its live connections are closed',
    listCommand: 'token list',
    what: 'room token',
    tokens: (store) => store.roomTokens,
    options: [storeOption()],
  });

  token
    .command('list')
    .description('list room tokens (never their secrets)')
    .option('--incident <id>', 'only this incident', parseIncidentId)
    .option('--json', 'print JSON', false)
    .addOption(deps.dataDirOption())
    .addOption(storeOption())
    .action(async (opts: { incident?: string; json: boolean; dataDir?: string; store?: string }) => {
      const list = await withDocumentStore(deps, opts, (store) => store.roomTokens.list(opts.incident));
      printTokenList(list, opts.json, (t) => [t.id, t.role, t.incidentId, t.name ?? '-', t.createdAt], 'no room tokens');
    });
}
