// Export of a 100k-entry incident (10k with --quick) to Markdown vs JSON.stringify of the same entries.
import { renderPostmortem } from '../shared/export/markdown';
import { makeSnapshot } from './fixtures';
import { fmtMs, timeMedian } from './stats';
import type { BenchRow } from './report';
import { SCALE, thousands } from './scale';

const ENTRIES = SCALE.exportEntries;
const RUNS = SCALE.exportRuns;

export function benchExport(): BenchRow {
  const snapshot = makeSnapshot(ENTRIES);
  const md = timeMedian(RUNS, () => renderPostmortem(snapshot, { all: true }));
  const json = timeMedian(RUNS, () => JSON.stringify(snapshot.entries));
  return {
    what: `Export ${thousands(ENTRIES)} entries to Markdown (all entries)`,
    measured: fmtMs(md),
    baseline: `JSON.stringify of the entries: ${fmtMs(json)}`,
    ratio: md / json,
    target: '≤ 3×',
    pass: md / json <= 3,
  };
}
