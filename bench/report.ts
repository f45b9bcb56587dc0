// Prints the benchmark table, keeps every run's results in bench/results/<date>.json, and keeps the
// README's copy of the latest full run current. Each row shows the ratio of the previous run of the
// same kind (full or --quick) beside its own, so a regression is visible in the table itself.
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

export interface BenchRow {
  what: string;
  measured: string;
  baseline: string;
  /** measured / baseline; NaN when not meaningful. */
  ratio: number;
  target: string;
  pass: boolean | null;
}

/** One run as written to bench/results/<date>.json. */
export interface BenchResults {
  /** ISO instant the run finished. */
  at: string;
  quick: boolean;
  /** The one group run (`--only`), or null for every group. */
  only: string | null;
  meta: string;
  /** ratio is null where it is not meaningful (JSON has no NaN). */
  rows: Array<Omit<BenchRow, 'ratio'> & { ratio: number | null }>;
}

/** A row's ratio in an earlier run, and that run's date. */
export interface PreviousRatio {
  ratio: number | null;
  at: string;
}

const README_START = '<!-- bench:start -->';
const README_END = '<!-- bench:end -->';

const fmtRatio = (ratio: number | null | undefined) => (ratio !== null && ratio !== undefined && Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : '—');

export function renderTable(rows: BenchRow[], meta: string, previous: Map<string, PreviousRatio> = new Map()): string {
  const lines = [
    '| What | Measured | Baseline (same run) | Ratio | Previous run | Target | Met |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => {
      const prev = previous.get(r.what);
      const before = prev ? `${fmtRatio(prev.ratio)} (${prev.at.slice(0, 10)})` : '—';
      return `| ${r.what} | ${r.measured} | ${r.baseline} | ${fmtRatio(r.ratio)} | ${before} | ${r.target} | ${r.pass === null ? '—' : r.pass ? 'yes' : '**no**'} |`;
    }),
  ];
  return `${lines.join('\n')}\n\n${meta}\n`;
}

function resultsDir(root: string): string {
  return path.join(root, 'bench', 'results');
}

/** Every stored run, oldest first (file names start with the run's instant). */
export function readResults(root: string): BenchResults[] {
  let files: string[];
  try {
    files = readdirSync(resultsDir(root)).filter((f) => f.endsWith('.json')).sort();
  } catch {
    return [];
  }
  return files.map((f) => {
    const file = path.join(resultsDir(root), f);
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as BenchResults;
    } catch (err) {
      throw new Error(`bench: ${file} is not a results file: ${(err as Error).message}`, { cause: err });
    }
  });
}

/** For each row name, its ratio in the newest earlier run of the same kind (quick or full) that had it. */
export function previousRatios(history: BenchResults[], quick: boolean): Map<string, PreviousRatio> {
  const previous = new Map<string, PreviousRatio>();
  for (const run of history.filter((r) => r.quick === quick).sort((a, b) => a.at.localeCompare(b.at))) {
    for (const row of run.rows) previous.set(row.what, { ratio: row.ratio, at: run.at });
  }
  return previous;
}

/** Writes bench/results/<date>.json, prints the table, and copies it into the README after a full run of every group. */
export function publish(root: string, rows: BenchRow[], meta: string, opts: { quick: boolean; only: string | null }) {
  const previous = previousRatios(readResults(root), opts.quick);
  const at = new Date().toISOString();
  const results: BenchResults = { at, quick: opts.quick, only: opts.only, meta, rows: rows.map((r) => ({ ...r, ratio: Number.isFinite(r.ratio) ? r.ratio : null })) };
  mkdirSync(resultsDir(root), { recursive: true });
  // 2026-12-07T01-52-10Z[-quick][-terminals].json: sorts by time, one file per run.
  const name = `${at.slice(0, 19).replace(/:/g, '-')}Z${opts.quick ? '-quick' : ''}${opts.only ? `-${opts.only}` : ''}.json`;
  writeFileSync(path.join(resultsDir(root), name), `${JSON.stringify(results, null, 2)}\n`);
  const table = renderTable(rows, meta, previous);
  console.log(`\n${table}`);
  console.log(`bench: results written to bench/results/${name}`);
  if (opts.quick || opts.only !== null) return;
  const readmePath = path.join(root, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) {
    console.warn('bench: README has no bench markers; table not copied');
    return;
  }
  writeFileSync(readmePath, `${readme.slice(0, start + README_START.length)}\n${table}${readme.slice(end)}`);
  console.log('bench: README table updated');
}
