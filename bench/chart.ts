// The incident chart at 100k entries (10k with --quick) against the same chart at 1k: the model
// from the entries, the ECharts option with its markers counted into buckets, and ECharts drawing
// it (server-side SVG, the export's renderer and the app's). Then one zoom step at 100k: the
// markers for the new range and the redraw. Targets: < 500 ms, and ≤ 3× the 1k render.
import { renderChartSvg } from '../shared/chart/chartSvg';
import { buildIncidentChart, type IncidentChartModel } from '../shared/chart/incidentChart';
import { markersInView } from '../shared/chart/markerBuckets';
import { makeSnapshot } from './fixtures';
import type { BenchRow } from './report';
import { QUICK, thousands } from './scale';
import { fmtMs, timeMedian } from './stats';

const SMALL = 1000;
const BIG = QUICK ? 10_000 : 100_000;
const RUNS = QUICK ? 3 : 5;
const TARGET_MS = 500;
const TARGET_RATIO = 3;
const ZONE = 'America/Denver';
const NOW = '2026-11-04T00:00:00.000Z';

function chartFor(entries: number): () => IncidentChartModel {
  const { incident, entries: list } = makeSnapshot(entries);
  return () => buildIncidentChart({ incident, entries: list, now: NOW });
}

export function benchChart(): BenchRow[] {
  const small = chartFor(SMALL);
  const big = chartFor(BIG);
  const smallMs = timeMedian(RUNS, () => renderChartSvg(small(), ZONE));
  const bigMs = timeMedian(RUNS, () => renderChartSvg(big(), ZONE));
  const model = big();
  // A zoom to the middle third: the markers for that range, as the app recomputes them on each zoom event.
  const third = (model.range.to - model.range.from) / 3;
  const zoomMs = timeMedian(RUNS * 4, () => markersInView(model, model.range.from + third, model.range.to - third));
  const ratio = bigMs / smallMs;
  return [
    {
      what: `Incident chart of ${thousands(BIG)} entries (${model.markerCount} markers): model, bucketed option and ECharts SVG render`,
      measured: fmtMs(bigMs),
      baseline: `the same for ${thousands(SMALL)} entries: ${fmtMs(smallMs)}`,
      ratio,
      target: `< ${TARGET_MS} ms and ≤ ${TARGET_RATIO}×`,
      pass: bigMs < TARGET_MS && ratio <= TARGET_RATIO,
    },
    {
      what: `Incident chart of ${thousands(BIG)} entries: markers for a zoomed range`,
      measured: fmtMs(zoomMs),
      baseline: `the full render: ${fmtMs(bigMs)}`,
      ratio: zoomMs / bigMs,
      target: '< 16 ms (one frame)',
      pass: zoomMs < 16,
    },
  ];
}
