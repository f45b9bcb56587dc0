// The incident at a glance: a swimlane chart (ECharts, loaded on first open) of the whole
// incident, zoomable across its days, with every marker in view also listed as buttons, so
// the keyboard and screen readers reach what the mouse reaches. A marker jumps to its entry on
// the timeline; a counted bucket zooms into its span.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { incidentChartOption, MARKER_SERIES_IDS, viewMarkers, type ChartPalette, type MarkerDatum } from '../../shared/chart/chartOption';
import { chartTitle } from '../../shared/chart/chartText';
import { buildIncidentChart, type IncidentChartModel } from '../../shared/chart/incidentChart';
import type { ChartMarker } from '../../shared/chart/markerBuckets';
import type { TimelineEntry } from '../../shared/model/types';
import { formatDateTime } from '../../shared/time/format';
import { instantFromMillis, nowInstant } from '../../shared/time/instant';
import { useIncidentContext } from '../app/session';
import { openIncidentView } from '../incident/incidentViews';
import { useDisplayZone, useIncidentMeta } from '../timeline/incidentMetaStore';
import { useEntriesStore } from '../timeline/useEntriesStore';
import { useTimelineView } from '../timeline/viewStore';
import { readChartPalette, watchTheme } from './chartPalette';
import { ChartMarkerList } from './ChartMarkerList';
import { interactiveOption, type ChartRuntime } from './interactiveOption';
import './chart.css';

type Range = { from: number; to: number };
type Chart = ReturnType<ChartRuntime['init']>;

/** Chart height: legend, phase names and axis, then a row per lane (impact row included). */
const BASE_HEIGHT_PX = 150;
const ROW_HEIGHT_PX = 58;
const MAX_HEIGHT_PX = 520;
const ZOOM_FACTOR = 2;
/** Zooming into a bucket leaves a little room either side of its entries. */
const BUCKET_PADDING_SHARE = 0.1;
const MIN_BUCKET_SPAN_MS = 10 * 60_000;

function rangeLabel(range: Range, zone: string): string {
  return `${formatDateTime(instantFromMillis(range.from), zone)} to ${formatDateTime(instantFromMillis(range.to), zone)}`;
}

/** Jumps to an entry on the timeline tab. */
function revealOnTimeline(id: string): void {
  openIncidentView('timeline');
  useTimelineView.getState().requestReveal(id);
}

export function IncidentChartView() {
  const { doc } = useIncidentContext();
  const entries = useEntriesStore(doc);
  const { byId, orderedIds } = useStore(entries, useShallow((s) => ({ byId: s.byId, orderedIds: s.orderedIds })));
  const incident = useIncidentMeta();
  const zone = useDisplayZone();
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<Chart | null>(null);
  const [runtime, setRuntime] = useState<ChartRuntime | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [palette, setPalette] = useState<ChartPalette>(() => readChartPalette());
  const [width, setWidth] = useState(0);
  const [range, setRange] = useState<Range | null>(null);

  const model = useMemo<IncidentChartModel | null>(() => {
    if (!incident) return null;
    const list: TimelineEntry[] = [];
    for (const id of orderedIds) {
      const entry = byId.get(id);
      if (entry) list.push(entry);
    }
    return buildIncidentChart({ incident, entries: list, now: nowInstant() });
  }, [incident, orderedIds, byId]);

  const view = useMemo(() => {
    if (!model) return null;
    const from = Math.max(model.range.from, range?.from ?? model.range.from);
    const to = Math.min(model.range.to, range?.to ?? model.range.to);
    return { from, to: to > from ? to : model.range.to, zone, palette, width: Math.max(width, 320) };
  }, [model, range, zone, palette, width]);
  const markers = useMemo(() => (model && view ? viewMarkers(model, view) : []), [model, view]);

  // ECharts arrives in its own chunk the first time the chart is shown.
  useEffect(() => {
    let live = true;
    import('./echartsRuntime').then(
      (m) => live && setRuntime(m),
      (error: unknown) => live && setFailed(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => watchTheme(() => setPalette(readChartPalette())), []);

  // One chart per mount; it follows the element's size.
  useEffect(() => {
    const element = host.current;
    if (!runtime || !element) return;
    const instance = runtime.init(element, null, { renderer: 'svg' });
    chart.current = instance;
    let frame = 0;
    const onZoom = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const zoom = (instance.getOption() as { dataZoom?: Array<{ startValue?: number; endValue?: number }> }).dataZoom?.[0];
        if (typeof zoom?.startValue === 'number' && typeof zoom.endValue === 'number') setRange({ from: zoom.startValue, to: zoom.endValue });
      });
    };
    instance.on('datazoom', onZoom);
    instance.on('click', (params) => {
      const marker = (params.data as MarkerDatum | undefined)?.marker;
      if (!marker) return;
      if (marker.count === 1) revealOnTimeline(marker.id);
      else zoomTo(instance, bucketSpan(marker));
    });
    const resize = new ResizeObserver(() => {
      instance.resize();
      setWidth(element.clientWidth);
    });
    resize.observe(element);
    setWidth(element.clientWidth);
    return () => {
      cancelAnimationFrame(frame);
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [runtime]);

  useEffect(() => {
    if (!runtime || !model || !view || !chart.current) return;
    chart.current.setOption(interactiveOption(incidentChartOption(model, view), view, runtime), { lazyUpdate: true });
  }, [runtime, model, view]);

  if (!incident || !model || !view) return <p className="muted">Loading…</p>;

  const height = Math.min(MAX_HEIGHT_PX, BASE_HEIGHT_PX + ROW_HEIGHT_PX * (model.lanes.length + 1));
  const whole = view.from <= model.range.from && view.to >= model.range.to;
  const zoomBy = (factor: number) => {
    const mid = (view.from + view.to) / 2;
    const half = ((view.to - view.from) * factor) / 2;
    if (chart.current) zoomTo(chart.current, { from: mid - half, to: mid + half });
  };

  return (
    <section className="chart-view" aria-label="Incident chart">
      <div className="row chart-toolbar">
        <h2 className="grow">Chart</h2>
        <p className="chart-range" aria-label="Shown range">
          {rangeLabel(view, zone)}
        </p>
        <button type="button" onClick={() => zoomBy(1 / ZOOM_FACTOR)}>
          Zoom in
        </button>
        <button type="button" onClick={() => zoomBy(ZOOM_FACTOR)} disabled={whole}>
          Zoom out
        </button>
        <button type="button" onClick={() => chart.current && zoomTo(chart.current, model.range)} disabled={whole}>
          Reset zoom
        </button>
      </div>
      {failed && (
        <p className="error" role="alert">
          The chart could not load: {failed}
        </p>
      )}
      <div ref={host} className="chart-canvas" role="img" aria-label={chartTitle(model)} style={{ height }} />
      <ChartMarkerList
        markers={markers}
        model={model}
        zone={zone}
        onOpen={(marker: ChartMarker) => (marker.count === 1 ? revealOnTimeline(marker.id) : chart.current && zoomTo(chart.current, bucketSpan(marker)))}
        onFocusMarker={(marker) => chart.current && showTip(chart.current, markers, marker)}
      />
    </section>
  );
}

function bucketSpan(marker: ChartMarker): Range {
  const span = Math.max(MIN_BUCKET_SPAN_MS, marker.to - marker.from);
  const pad = span * BUCKET_PADDING_SHARE;
  const mid = (marker.from + marker.to) / 2;
  return { from: mid - span / 2 - pad, to: mid + span / 2 + pad };
}

function zoomTo(chart: Chart, range: Range): void {
  chart.dispatchAction({ type: 'dataZoom', dataZoomIndex: 0, startValue: range.from, endValue: range.to });
}

/** Shows the chart's tooltip on a marker the keyboard reached in the list. */
function showTip(chart: Chart, markers: readonly ChartMarker[], marker: ChartMarker): void {
  const dataIndex = markers.filter((m) => m.kind === marker.kind).indexOf(marker);
  if (dataIndex >= 0) chart.dispatchAction({ type: 'showTip', seriesId: MARKER_SERIES_IDS[marker.kind], dataIndex });
}
