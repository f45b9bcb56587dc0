// `npm run bench`: every target from the issues, each against a baseline measured in this run.
import path from 'node:path';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { benchAppend } from './append';
import { benchBrowser } from './browser';
import { benchChart } from './chart';
import { benchExport } from './exportMarkdown';
import { benchImport } from './importTimeline';
import { benchIntakeStorm } from './intakeStorm';
import { benchSharing } from './sharing';
import { benchScaleout } from './scaleout';
import { benchTerminals } from './terminals';
import { benchCatalogSearch } from './catalogSearch';
import { publish, type BenchRow } from './report';
import { QUICK, SCALE } from './scale';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * `npm run bench -- --only terminals` runs one group while working on it; `--quick` runs every group
 * small (under two minutes). Every run is kept in bench/results/; the README keeps full runs only.
 */
const GROUPS = ['core', 'timeline', 'terminals', 'sharing', 'intake', 'chart', 'catalog', 'scaleout'] as const;

async function main() {
  const onlyAt = process.argv.indexOf('--only');
  const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : undefined;
  if (only !== undefined && !(GROUPS as readonly string[]).includes(only)) throw new Error(`--only takes one of ${GROUPS.join(', ')}`);
  const runs = (group: (typeof GROUPS)[number]) => only === undefined || only === group;
  const rows: BenchRow[] = [];
  if (runs('core')) {
    console.log('bench: export…');
    rows.push(benchExport());
    console.log('bench: host append…');
    rows.push(benchAppend());
    console.log('bench: timeline import…');
    rows.push(benchImport());
  }
  if (runs('timeline')) {
    console.log(`bench: timeline in Chromium (imports a ${QUICK ? '10k' : '100k'}-entry incident)…`);
    rows.push(...(await benchBrowser(root)));
  }
  if (runs('terminals')) {
    console.log('bench: terminals in Chromium (a cat from a file and from memory, then yes)…');
    rows.push(...(await benchTerminals(root)));
  }
  if (runs('sharing')) {
    console.log('bench: shared room (edit latency, clients under load, a large initial sync)…');
    rows.push(...(await benchSharing(root)));
  }
  if (runs('intake')) {
    console.log('bench: alert storm into one incident…');
    rows.push(...(await benchIntakeStorm(root)));
  }
  if (runs('chart')) {
    console.log(`bench: incident chart (${QUICK ? '10k' : '100k'} entries against 1k)…`);
    rows.push(...benchChart());
  }
  if (runs('catalog')) {
    console.log(`bench: catalog search (${SCALE.catalogIncidents} incidents × ${SCALE.catalogEntries} entries, indexed and queried)…`);
    rows.push(...benchCatalogSearch());
  }
  if (runs('scaleout')) {
    console.log('bench: team server (instances on PostgreSQL + Redis, clients spread over them; append against raw insert)…');
    rows.push(...(await benchScaleout(root)));
  }
  const meta = `_${new Date().toISOString().slice(0, 10)}${QUICK ? ', --quick' : ''}, ${os.cpus().length} cores, Node ${process.version}, headless Chromium without GPU._`;
  publish(root, rows, meta, { quick: QUICK, only: only ?? null });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
