// The `warroom` command: serve the war room headless, and export/import/list incidents straight
// from the store (no server needed). Exit codes: 0 success, 1 failure (e.g. unusable store),
// 2 bad arguments (always one line on stderr starting "warroom: ").
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { chartPlacement } from './host/chartFile';
import path from 'node:path';
import { isValidZone } from '../shared/time/zones';
import { incidentDocName, type UnreadableRow } from '../shared/protocol/api';
import { describeUnreadableRow } from '../shared/protocol/unreadableRows';
import { resolveDataDir } from './host/dataDir';
import { startHost } from './host/host';
import { HostError } from './host/hostError';
import { registerIntakeCommands } from './host/intake/intakeCommands';
import { describeIssue } from './host/intake/alertSources';
import { registerStatusPageCommand } from './host/outbound/statusPageCommand';
import { OUTBOUND_KINDS, OutboundTargetSchema, type OutboundTarget } from './host/outbound/statusWebhooks';
import { parseHostPort, registerTokenCommands, type HostPort } from './host/sharing/tokenCommands';
import { exportSnapshot, exportStoredIncident, importArchiveIntoStore, parseArchiveOrThrow } from './host/incidentFiles';
import { rebuildMissingRows } from './host/incidentIndex';
import { renderIncidentTable } from './host/incidentTable';
import { registerJoinCommand } from './host/replica/joinCommand';
import { registerMigrateCommand, serveTeam, teamServeUsage } from './host/team/teamCommands';
import { registerTimelineCommands } from './host/timelineImport';
import { registerSearchCommands } from './host/search/searchCommands';
import { DB_FILE_NAME, IncidentStore } from './host/store';
import { storeFilePresence, withFileNamed } from './host/storeCheck';
import { copyRecordings } from './host/terminals/recordingFiles';
import { listRecordingsIn } from './host/terminals/recordings';

const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;
const MAX_PORT = 65535;

/** A bad argument: reported in one line, exit code 2. */
class UsageError extends Error {}

const stderrLine = (line: string) => process.stderr.write(`warroom: ${line}\n`);

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > MAX_PORT) throw new InvalidArgumentError(`"${value}" is not a port number (0-${MAX_PORT}).`);
  return port;
}

function parseZone(value: string): string {
  if (!isValidZone(value)) throw new InvalidArgumentError(`"${value}" is not a known IANA time zone.`);
  return value;
}

/** The store file the running command opened: SQLite's own errors name no file, so main() adds it. */
let storeFileInUse: string | null = null;

/** Whether the data dir holds a store; an unreadable directory is an error, never "no store". */
function hasStore(dataDir: string): boolean {
  const presence = storeFilePresence(path.join(dataDir, DB_FILE_NAME));
  if ('error' in presence) throw new HostError('store', presence.error);
  return presence.present;
}

/** Opens the store for a one-shot command; an unusable store is reported and never written to. */
function openStore(dataDir: string): IncidentStore {
  const store = IncidentStore.open(dataDir);
  storeFileInUse = store.file;
  if (!store.status.ok) {
    store.close();
    throw new HostError('store', `store unusable: ${store.status.file}: ${store.status.reason}`);
  }
  return store;
}

function readInputFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

function looksLikeArchivePath(target: string): boolean {
  return target.toLowerCase().endsWith('.json') || target.includes(path.sep) || existsSync(target);
}

const WEBHOOK_SECRET_ENV = 'WARROOM_WEBHOOK_SECRET';

/** `kind=url`, checked against the target schema; the message names what is wrong. */
function parseStatusWebhook(value: string, index: number): OutboundTarget {
  const at = value.indexOf('=');
  const secret = process.env[WEBHOOK_SECRET_ENV];
  const host = URL.canParse(value.slice(at + 1)) ? new URL(value.slice(at + 1)).host : '';
  const parsed = OutboundTargetSchema.safeParse({
    // What Comms shows beside each delivery: the kind and where it went ("slack hooks.slack.com"), numbered.
    name: `${index + 1}. ${value.slice(0, at)} ${host}`.trim(),
    kind: value.slice(0, at),
    url: value.slice(at + 1),
    ...(secret && value.startsWith('generic=') ? { secret } : {}),
  });
  if (at < 0) throw new InvalidArgumentError(`"${value}" is not KIND=URL (no "=").`);
  if (!parsed.success) throw new InvalidArgumentError(`"${value}" is not KIND=URL (${describeIssue(parsed.error)}).`);
  return parsed.data;
}

const dataDirOption = () => new Option('--data-dir <dir>', 'data directory (default: $XDG_DATA_HOME/war-room)');

function buildProgram(): Command {
  const program = new Command('warroom')
    .description('War Room: a local-first incident war room')
    .exitOverride()
    .configureOutput({
      writeErr: (text) => process.stderr.write(text),
      outputError: (text, write) => write(`warroom: ${text.replace(/^error: /, '').split('\n')[0]?.trim()}\n`),
    });

  program
    .command('serve')
    .description('serve the war room on a loopback URL')
    .addOption(dataDirOption())
    .option('--port <n>', 'port (0 = any free port)', parsePort, 0)
    .option('--host <address>', 'address to bind', '127.0.0.1')
    .option('--listen <addr:port>', 'also share rooms on this address, for room-token holders (see `warroom token`)', (v: string) => parseHostPort(v, true))
    .option('--tls-cert <file>', 'PEM certificate for --listen (with --tls-key)')
    .option('--tls-key <file>', 'PEM private key for --listen (with --tls-cert)')
    .option(
      '--status-webhook <kind=url>',
      `send customer status updates here; kind is ${OUTBOUND_KINDS.join(', ')}; generic ones are signed with $${WEBHOOK_SECRET_ENV} when set (repeatable)`,
      (v: string, all: OutboundTarget[] = []) => [...all, parseStatusWebhook(v, all.length)],
    )
    .option('--store <postgres-url>', 'run a team-server instance on this PostgreSQL database instead of the embedded store (see README, "Run a team server")')
    .option('--redis <redis-url>', 'with --store: fan updates out to the other instances through this Redis')
    .option('--instance <name>', 'with --store: this instance\'s name in logs')
    .action(async (opts: { dataDir?: string; port: number; host: string; listen?: HostPort; tlsCert?: string; tlsKey?: string; statusWebhook?: OutboundTarget[]; store?: string; redis?: string; instance?: string }) => {
      const teamUsage = teamServeUsage(opts);
      if (teamUsage) throw new UsageError(teamUsage);
      if (opts.store) return serveTeam({ ...opts, store: opts.store });
      if ((opts.tlsCert === undefined) !== (opts.tlsKey === undefined)) throw new UsageError('--tls-cert and --tls-key go together.');
      if (opts.tlsCert && !opts.listen) throw new UsageError('--tls-cert and --tls-key need --listen.');
      const tls = opts.tlsCert && opts.tlsKey ? { cert: readInputFile(opts.tlsCert), key: readInputFile(opts.tlsKey) } : undefined;
      const listen = opts.listen ? { ...opts.listen, ...(tls ? { tls } : {}) } : undefined;
      const targets = opts.statusWebhook ?? [];
      const outbound = targets.length > 0 ? { outbound: { targets: () => targets } } : {};
      const host = await startHost({ dataDir: resolveDataDir(opts.dataDir), port: opts.port, hostname: opts.host, ...(listen ? { listen } : {}), ...outbound });
      process.stdout.write(`War Room is serving at ${host.openUrl}\n`);
      if (host.room) process.stdout.write(`Room listener at ${host.room.url}${host.room.fingerprint ? ` (TLS sha256 ${host.room.fingerprint})` : ''}\n`);
      const stop = () => {
        host.close().then(
          () => process.exit(0),
          () => process.exit(EXIT_FAILURE),
        );
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });

  program
    .command('export')
    .description('export an incident (or an archive file) as a Markdown postmortem or a JSON archive')
    .argument('<incident>', 'incident id, or path to an archive .json')
    .addOption(new Option('--format <format>', 'md or json').choices(['md', 'json']).makeOptionMandatory())
    .option('--tz <zone>', 'time zone for the timeline (default: the incident zone)', parseZone)
    .option('--all', 'include every entry, not only key events', false)
    .option('--out <file>', 'write to this file instead of stdout')
    .option('--recordings <dir>', "copy the incident's terminal recordings (.cast) into this folder")
    .option('--assets <dir>', 'with --format md: write the incident chart (SVG) into this folder (default: beside --out)')
    .addOption(dataDirOption())
    .action(async (target: string, opts: { format: 'md' | 'json'; tz?: string; all: boolean; out?: string; recordings?: string; assets?: string; dataDir?: string }) => {
      const chart = chartPlacement(opts);
      const req = { format: opts.format, timeZone: opts.tz, all: opts.all, ...(chart ? { chartLink: chart.link } : {}) };
      let file;
      let incidentId: string | null = null;
      if (looksLikeArchivePath(target)) {
        // Recordings live in a data dir, beside the store; an archive file carries none.
        if (opts.recordings) throw new UsageError('--recordings needs an incident id: an archive file holds no recordings.');
        file = exportSnapshot(parseArchiveOrThrow(readInputFile(target)), req);
      } else {
        const dataDir = resolveDataDir(opts.dataDir);
        if (!hasStore(dataDir)) throw new HostError('not-found', `There is no incident with id ${target} (no store in ${dataDir}).`);
        const store = openStore(dataDir);
        try {
          const recordings = opts.format === 'md' ? await listRecordingsIn(dataDir, target) : [];
          file = exportStoredIncident(store, target, { ...req, recordings });
          incidentId = target;
        } finally {
          store.close();
        }
      }
      if (chart && file.chartSvg !== undefined) {
        mkdirSync(path.dirname(chart.file), { recursive: true });
        writeFileSync(chart.file, file.chartSvg);
      }
      if (opts.out) writeFileSync(opts.out, file.content);
      else process.stdout.write(file.content);
      for (const row of file.unreadableRows ?? []) stderrLine(describeUnreadableRow(row));
      if (opts.recordings && incidentId) await copyRecordings(resolveDataDir(opts.dataDir), incidentId, opts.recordings);
    });

  program
    .command('import')
    .description('import a JSON archive as a new incident; prints its id')
    .argument('<file>', 'archive .json')
    .addOption(dataDirOption())
    .action((file: string, opts: { dataDir?: string }) => {
      const json = readInputFile(file);
      const store = openStore(resolveDataDir(opts.dataDir));
      try {
        process.stdout.write(`${importArchiveIntoStore(store, json).id}\n`);
      } finally {
        store.close();
      }
    });

  program
    .command('list')
    .description('list incidents')
    .addOption(dataDirOption())
    .option('--json', 'print JSON', false)
    .action((opts: { dataDir?: string; json: boolean }) => {
      const dataDir = resolveDataDir(opts.dataDir);
      // Listing never creates a store that is not there.
      let incidents: ReturnType<IncidentStore['listSummaries']> = [];
      let unreadable: UnreadableRow[] = [];
      if (hasStore(dataDir)) {
        const store = openStore(dataDir);
        try {
          rebuildMissingRows(store);
          incidents = store.listSummaries();
          unreadable = store.status.ok ? (store.status.unreadableRows ?? []) : [];
        } finally {
          store.close();
        }
      }
      const withRows = incidents.map((s) => {
        const rows = unreadable.filter((r) => r.incidentId === s.id);
        return rows.length > 0 ? { ...s, unreadableRows: rows } : s;
      });
      process.stdout.write(opts.json ? `${JSON.stringify(withRows, null, 2)}\n` : renderIncidentTable(incidents, new Date().toISOString()));
      for (const row of unreadable) stderrLine(describeUnreadableRow(row));
    });

  program
    .command('acknowledge')
    .description("acknowledge an incident's unreadable rows: they stay stored and reported, and writing to it resumes")
    .argument('<incident>', 'incident id')
    .addOption(dataDirOption())
    .action((id: string, opts: { dataDir?: string }) => {
      const dataDir = resolveDataDir(opts.dataDir);
      if (!hasStore(dataDir)) throw new HostError('not-found', `There is no incident with id ${id} (no store in ${dataDir}).`);
      const store = openStore(dataDir);
      try {
        const name = incidentDocName(id);
        if (!store.hasDoc(name)) throw new HostError('not-found', `There is no incident with id ${id}.`);
        store.loadDoc(name)?.destroy(); // finds an unreadable snapshot too
        const count = store.acknowledgeUnreadable(name);
        process.stdout.write(`${count === 0 ? 'Nothing to acknowledge' : `Acknowledged ${count} unreadable row(s)`} in incident ${id}; ${store.unreadableRowsOf(name).length} stay stored in ${store.file}.\n`);
      } finally {
        store.close();
      }
    });

  const storeCommandDeps = {
    openStore: (dataDir: string | undefined) => openStore(resolveDataDir(dataDir)),
    dataDirOption,
    usageError: (message: string) => new UsageError(message),
  };
  registerTokenCommands(program, storeCommandDeps);
  registerIntakeCommands(program, storeCommandDeps);
  registerStatusPageCommand(program, storeCommandDeps);
  registerSearchCommands(program, { ...storeCommandDeps, warn: stderrLine, hasStore: (dataDir) => hasStore(resolveDataDir(dataDir)) });

  registerJoinCommand(program, { dataDirOption, resolveDataDir, startHost });
  registerMigrateCommand(program, { resolveDataDir });

  registerTimelineCommands(program, {
    openStore: (dataDir) => openStore(resolveDataDir(dataDir)),
    dataDirOption,
    write: (text) => process.stdout.write(text),
    warn: stderrLine,
  });

  return program;
}

async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version "errors" are successes; anything else commander rejects is a usage error.
      process.exitCode = err.exitCode === 0 ? 0 : EXIT_USAGE;
      return;
    }
    if (err instanceof UsageError || (err instanceof HostError && err.code === 'bad-args')) {
      stderrLine(err.message);
      process.exitCode = EXIT_USAGE;
      return;
    }
    const named = storeFileInUse ? withFileNamed(err, storeFileInUse) : err;
    stderrLine((named as Error).message ?? String(named));
    process.exitCode = EXIT_FAILURE;
  }
}

await main(process.argv);
