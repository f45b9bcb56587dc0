// `npm run bench`: every target from the issues, each against a baseline measured in this run.
import path from 'node:path';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { benchAppend } from './append';
import { benchBrowser } from './browser';
import { benchExport } from './exportMarkdown';
import { publish, type BenchRow } from './report';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

async function main() {
  const rows: BenchRow[] = [];
  console.log('bench: export…');
  rows.push(benchExport());
  console.log('bench: host append…');
  rows.push(benchAppend());
  console.log('bench: timeline in Chromium (imports a 100k-entry incident; takes a minute)…');
  rows.push(...(await benchBrowser(root)));
  const meta = `_${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, Node ${process.version}, headless Chromium without GPU._`;
  publish(root, rows, meta);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
