// Prints the benchmark table and keeps the README's copy current.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
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

const README_START = '<!-- bench:start -->';
const README_END = '<!-- bench:end -->';

export function renderTable(rows: BenchRow[], meta: string): string {
  const lines = [
    '| What | Measured | Baseline (same run) | Ratio | Target | Met |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) =>
      `| ${r.what} | ${r.measured} | ${r.baseline} | ${Number.isFinite(r.ratio) ? `${r.ratio.toFixed(2)}×` : '—'} | ${r.target} | ${r.pass === null ? '—' : r.pass ? 'yes' : '**no**'} |`,
    ),
  ];
  return `${lines.join('\n')}\n\n${meta}\n`;
}

export function publish(root: string, rows: BenchRow[], meta: string) {
  const table = renderTable(rows, meta);
  console.log(`\n${table}`);
  mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
  writeFileSync(path.join(root, 'bench', 'results', 'latest.md'), table);
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
