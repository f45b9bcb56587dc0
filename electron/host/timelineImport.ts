// `warroom timeline import`: reads a file into an incident's timeline straight in the store,
// with the same parsers and the same one-transaction command the import dialog uses.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { planImport } from '../../shared/import/importPlan';
import { IMPORT_FORMATS, MAX_IMPORT_BYTES, type ImportFormat } from '../../shared/import/importTypes';
import { parseImport } from '../../shared/import/parseImport';
import { importEntries } from '../../shared/model/importEntries';
import { readIncident } from '../../shared/model/doc';
import { incidentDocName } from '../../shared/protocol/api';
import { isValidZone } from '../../shared/time/zones';
import { HostError } from './hostError';
import { summaryFromDoc } from './incidentIndex';
import { storeFirstScreen } from './firstScreens';
import { DEFAULT_DATE_ORDER } from '../../shared/time/leadingTime';
import type { IncidentStore } from './store';

export interface TimelineImportRequest {
  incidentId: string;
  file: string;
  format: ImportFormat | 'auto';
  zone?: string | undefined;
  year?: number | undefined;
  author: string;
  dryRun: boolean;
  now: string;
}

export interface TimelineImportReport {
  format: ImportFormat;
  zone: string;
  rows: number;
  problems: { line: number; reason: string }[];
  added: number;
  skipped: number;
}

function readText(file: string): string {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (err) {
    throw new HostError('bad-args', `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  if (size > MAX_IMPORT_BYTES) throw new HostError('bad-args', `${file} is ${(size / 1024 / 1024).toFixed(1)} MB; imports are capped at ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`);
  return readFileSync(file, 'utf8');
}

/** Parses the file and writes every row in one update (none with `dryRun`); nothing when the file is refused. */
export function importTimelineFile(store: IncidentStore, req: TimelineImportRequest): TimelineImportReport {
  if (!store.status.ok) throw new HostError('store', store.status.reason);
  const docName = incidentDocName(req.incidentId);
  const doc = store.loadDoc(docName);
  try {
    const incident = doc && readIncident(doc);
    if (!doc || !incident) throw new HostError('not-found', `There is no incident with id ${req.incidentId}.`, 'incident');
    const source = path.basename(req.file);
    const parsed = parseImport(readText(req.file), {
      zone: req.zone ?? incident.timeZone,
      now: req.now,
      dateOrder: DEFAULT_DATE_ORDER,
      format: req.format,
      source,
      ...(req.year !== undefined && { year: req.year }),
    });
    if (!parsed.ok) throw new HostError('bad-args', parsed.error);
    if (parsed.needsYear) throw new HostError('bad-args', `${source} is syslog (RFC 3164), whose lines carry no year: give it with --year.`);
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    const rows = planImport(parsed.rows, { kind: 'as read', workstream: '', author: '' }, new Map());
    const result = importEntries(doc, { author: req.author, now: () => req.now }, { source, rows });
    if (!req.dryRun) {
      for (const update of updates) store.append(docName, update);
      const summary = summaryFromDoc(doc, req.now);
      if (summary) store.upsertSummary(summary);
      storeFirstScreen(store, docName, doc);
    }
    return { format: parsed.format, zone: parsed.zone, rows: parsed.rows.length, problems: parsed.problems, ...result };
  } finally {
    doc?.destroy();
  }
}

function parseYear(value: string): number {
  if (!/^\d{4}$/.test(value)) throw new InvalidArgumentError(`"${value}" is not a year such as 2008.`);
  return Number(value);
}

export function registerTimelineCommands(
  program: Command,
  deps: { openStore: (dataDir?: string) => IncidentStore; dataDirOption: () => Option; write: (text: string) => void; warn: (line: string) => void },
): void {
  const timeline = program.command('timeline').description("work on an incident's timeline");
  timeline
    .command('import')
    .description('import timestamped rows (a postmortem timeline, Slack export, shell history, journald, ISO log or syslog) into an incident')
    .argument('<file>', 'the file to read')
    .requiredOption('--incident <id>', 'the incident to add the rows to')
    .addOption(new Option('--format <format>', 'the file format').choices(['auto', ...IMPORT_FORMATS]).default('auto'))
    .option('--tz <zone>', 'zone for times that name none (default: the incident zone)', (value: string) => {
      if (!isValidZone(value)) throw new InvalidArgumentError(`"${value}" is not a known IANA time zone.`);
      return value;
    })
    .option('--year <year>', 'the year of syslog (RFC 3164) lines', parseYear)
    .option('--author <name>', 'author for rows whose source names none', 'warroom timeline import')
    .option('--dry-run', 'read and report, write nothing', false)
    .addOption(deps.dataDirOption())
    .action((file: string, opts: { incident: string; format: ImportFormat | 'auto'; tz?: string; year?: number; author: string; dryRun: boolean; dataDir?: string }) => {
      const store = deps.openStore(opts.dataDir);
      try {
        const report = importTimelineFile(store, { incidentId: opts.incident, file, format: opts.format, zone: opts.tz, year: opts.year, author: opts.author, dryRun: opts.dryRun, now: new Date().toISOString() });
        for (const problem of report.problems) deps.warn(`${path.basename(file)}:${problem.line}: ${problem.reason}`);
        const verb = opts.dryRun ? 'Would import' : 'Imported';
        deps.write(`${verb} ${report.added} of ${report.rows} rows (${report.format}, times in ${report.zone}); ${report.skipped} already there; ${report.problems.length} lines not read.\n`);
      } finally {
        store.close();
      }
    });
}
