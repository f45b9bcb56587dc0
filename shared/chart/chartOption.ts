// The ECharts option for an incident chart, shared by the app (canvas, interactive) and the
// export (server-side SVG). Only types come from ECharts here: the caller owns the library.
// Rows: customer impact on top, then one lane per workstream. Status phases are background
// bands; decisions, key events and status updates are scatter markers with their own shape.
import type { CustomSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type { AriaComponentOption, GridComponentOption, LegendComponentOption, MarkAreaComponentOption, TitleComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { IncidentStatus } from '../model/types';
import { chartDescription, chartTitle, STATUS_LABELS } from './chartText';
import { MARKER_KINDS, MARKER_LABELS, type IncidentChartModel, type MarkerKind } from './incidentChart';
import { markersInView, type ChartMarker } from './markerBuckets';

export const MARKER_SERIES_IDS: Readonly<Record<MarkerKind, string>> = { decision: 'markers-decision', key: 'markers-key', statusUpdate: 'markers-statusUpdate' };
import { zoneTicks } from './zoneTicks';

export type IncidentChartOption = ComposeOption<
  CustomSeriesOption | ScatterSeriesOption | GridComponentOption | LegendComponentOption | TitleComponentOption | AriaComponentOption | MarkAreaComponentOption
>;

type CustomSeriesRenderItem = NonNullable<CustomSeriesOption['renderItem']>;

export interface ChartPalette {
  background: string;
  text: string;
  muted: string;
  axis: string;
  phases: Record<IncidentStatus, string>;
  impact: string;
  /** Text on the impact bar. */
  onImpact: string;
  lane: string;
  markers: Record<MarkerKind, string>;
  /** Outline around markers, so they stand off any band. */
  markerEdge: string;
}

/** The export's palette: light, so it reads the same on GitHub in either theme (it brings its own background). */
export const PRINT_PALETTE: ChartPalette = {
  background: '#ffffff',
  text: '#1f2328',
  muted: '#57606a',
  axis: '#8c959f',
  phases: { investigating: '#fde2e1', identified: '#fdf0c8', monitoring: '#dbeafe', resolved: '#dcfce7' },
  impact: '#b42318',
  onImpact: '#ffffff',
  lane: '#c9d1d9',
  markers: { decision: '#6d28d9', key: '#b45309', statusUpdate: '#0369a1' },
  markerEdge: '#ffffff',
};

const MARKER_SYMBOLS: Readonly<Record<MarkerKind, string>> = { decision: 'diamond', key: 'circle', statusUpdate: 'rect' };
/** Kinds sit at their own height inside a lane so that a decision and a status update at the same minute both show. */
const KIND_OFFSET: Readonly<Record<MarkerKind, number>> = { decision: -0.27, key: 0, statusUpdate: 0.27 };
const SINGLE_SIZE = 13;
/** A bucket is big enough to hold its count inside: 2 digits, 3 digits, more. */
const BUCKET_SIZES = [22, 27, 32] as const;
/** Buckets across the plot: one per bucket marker's width. */
const BUCKET_PX = 30;
const MIN_BUCKETS = 10;
const COUNT_FONT_SIZE = 11;
const BOTTOM_ROW_PADDING = 0.2;
const IMPACT_LABEL = 'Customer impact';
const LABEL_WIDTH = 150;
/** A tick label needs about this many pixels ("Sun 1 Nov" at 13 px). */
const TICK_SPACING_PX = 96;
const FONT_SIZE = 13;
/** No double quotes: ECharts' SVG output puts the font inside a double-quoted style attribute. */
const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
const PHASE_LABEL_MIN_PX = 96;
/** Two decision labels closer than this are set apart. */
const LABEL_CLEARANCE_PX = 24;
const LABEL_SHIFT_PX = 16;
const IMPACT_TEXT_MIN_PX = 160;
const MS_PER_MINUTE = 60_000;

/** "29 h 56 min": elapsed time, short enough to sit inside the impact bar. */
export function shortDuration(ms: number): string {
  const minutes = Math.floor(ms / MS_PER_MINUTE);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`;
}

export interface ChartView {
  /** The visible range (epoch ms); the whole incident by default. */
  from?: number;
  to?: number;
  zone: string;
  palette: ChartPalette;
  /** Pixel width of the chart, for how many ticks and buckets fit. */
  width: number;
  /** Space kept under the plot for the zoom slider (app only). */
  bottom?: number;
}

export interface MarkerDatum {
  value: [number, number];
  marker: ChartMarker;
  symbolSize: number;
  label?: object;
}

export function markerSize(count: number): number {
  if (count === 1) return SINGLE_SIZE;
  const digits = String(count).length;
  return BUCKET_SIZES[Math.min(BUCKET_SIZES.length - 1, Math.max(0, digits - 2))] as number;
}

/** Row 0 is the impact row; lanes follow. */
export function rowLabels(model: IncidentChartModel): string[] {
  return [IMPACT_LABEL, ...model.lanes.map((lane) => lane.label)];
}

function plotWidthOf(view: ChartView): number {
  return Math.max(1, view.width - LABEL_WIDTH - 40);
}

/** The markers drawn for a view (also what the app lists beside the chart): buckets a marker's width apart, so they never overlap. */
export function viewMarkers(model: IncidentChartModel, view: ChartView): ChartMarker[] {
  return markersInView(model, view.from ?? model.range.from, view.to ?? model.range.to, Math.max(MIN_BUCKETS, Math.floor(plotWidthOf(view) / BUCKET_PX)));
}

/** The parts of the option that change with the visible range: ticks and markers. */
export function rangeOption(model: IncidentChartModel, view: ChartView): IncidentChartOption {
  const from = view.from ?? model.range.from;
  const to = view.to ?? model.range.to;
  const plotWidth = plotWidthOf(view);
  const ticks = zoneTicks(from, to, view.zone, Math.max(2, Math.floor(plotWidth / TICK_SPACING_PX)));
  const labels = new Map(ticks.map((t) => [t.at, t.label]));
  const dayStarts = new Set(ticks.filter((t) => t.dayStart).map((t) => t.at));
  const laneRow = new Map(model.lanes.map((lane, i) => [lane.id, i + 1]));
  const markers = viewMarkers(model, view);
  const raised = raisedLabels(markers, from, to, plotWidth);
  const phases = {
    id: 'rows',
    markArea: {
      data: model.phases.map((phase) => [
        {
          xAxis: phase.from,
          name: STATUS_LABELS[phase.status],
          itemStyle: { color: view.palette.phases[phase.status] },
          label: { show: phaseLabelShown(phase, from, to, plotWidth) },
        },
        { xAxis: phase.to },
      ]),
    },
  };
  return {
    xAxis: {
      axisLabel: {
        customValues: ticks.map((t) => t.at),
        // A midnight reads as the day it starts, in bold: where one day ends on a 71-hour axis.
        formatter: (value: number) => (dayStarts.has(value) ? `{day|${labels.get(value) ?? ''}}` : (labels.get(value) ?? '')),
        rich: { day: { fontWeight: 'bold', fontSize: FONT_SIZE } },
      },
      axisTick: { customValues: ticks.map((t) => t.at) },
    },
    series: [phases, ...MARKER_KINDS.map((kind) => ({
      id: MARKER_SERIES_IDS[kind],
      data: markers
        .filter((m) => m.kind === kind)
        .map((m): MarkerDatum => ({
          value: [m.at, (laneRow.get(m.lane) ?? 1) + KIND_OFFSET[kind]],
          marker: m,
          symbolSize: markerSize(m.count),
          ...(raised.has(m) && { label: { offset: [LABEL_SHIFT_PX, 0] } }),
          // A bucket's count sits inside it, in the background colour: it never runs into a neighbour or the axis.
          ...(m.count > 1 && { label: { position: 'inside', color: view.palette.markerEdge, fontSize: COUNT_FONT_SIZE, fontWeight: 'bold' } }),
        })),
      label: {
        show: true,
        formatter: (p: { data?: MarkerDatum }) => {
          const m = p.data?.marker;
          if (!m) return '';
          if (m.count > 1) return String(m.count);
          // Decisions are few and matter most: a short number, the same in the list, the tooltip and the export.
          return kind === 'decision' ? decisionLabel(model, m.id) : '';
        },
      },
    }))] as Array<ScatterSeriesOption | CustomSeriesOption>,
  };
}

/** "D3": the decision's place among the incident's decisions, in time order. */
export function decisionLabel(model: IncidentChartModel, id: string): string {
  const n = model.decisionNumbers.get(id);
  return n === undefined ? '' : `D${n}`;
}

/**
 * Decision labels ("D1") of markers a few pixels apart would print over each other: every other
 * one of a close run is moved aside, so both stay readable.
 */
function raisedLabels(markers: readonly ChartMarker[], from: number, to: number, plotWidth: number): Set<ChartMarker> {
  const raised = new Set<ChartMarker>();
  let previous: { x: number; lane: string; raised: boolean } | null = null;
  for (const m of markers) {
    if (m.kind !== 'decision') continue;
    const x = ((m.at - from) / (to - from)) * plotWidth;
    const lift: boolean = previous !== null && previous.lane === m.lane && x - previous.x < LABEL_CLEARANCE_PX && !previous.raised;
    if (lift) raised.add(m);
    previous = { x, lane: m.lane, raised: lift };
  }
  return raised;
}

/** Phase names are drawn above bands wide enough to hold them. */
function phaseLabelShown(phase: { from: number; to: number }, from: number, to: number, plotWidth: number): boolean {
  const visible = Math.min(phase.to, to) - Math.max(phase.from, from);
  return (visible / (to - from)) * plotWidth >= PHASE_LABEL_MIN_PX;
}

/** The whole option: the static parts (rows, bands, impact, legend, aria) and the range's markers. */
export function incidentChartOption(model: IncidentChartModel, view: ChartView): IncidentChartOption {
  const { palette } = view;
  const rows = rowLabels(model);
  const range = rangeOption(model, view);
  const impactText = model.impact ? `${shortDuration(model.impact.to - model.impact.from)} of impact` : '';
  const renderRowBar: CustomSeriesRenderItem = (params, api) => {
    const row = Number(api.value(2));
    const start = api.coord([api.value(0), row]) as number[];
    const end = api.coord([api.value(1), row]) as number[];
    const height = (api.size?.([0, 1]) as number[])[1] as number;
    const impact = row === 0;
    const barHeight = height * (impact ? 0.5 : 0.16);
    const x = start[0] as number;
    const width = Math.max(2, (end[0] as number) - x);
    const bar = {
      type: 'rect' as const,
      shape: { x, y: (start[1] as number) - barHeight / 2, width, height: barHeight, r: 3 },
      style: { fill: impact ? palette.impact : palette.lane },
      silent: true,
    };
    if (!impact || width < IMPACT_TEXT_MIN_PX) return bar;
    const text = {
      type: 'text' as const,
      x: x + 8,
      y: start[1] as number,
      style: { text: impactText, fill: palette.onImpact, fontSize: FONT_SIZE, fontWeight: 'bold' as const, verticalAlign: 'middle' as const, fontFamily: FONT_FAMILY },
      silent: true,
    };
    return { type: 'group', children: [bar, text] };
  };
  const bars: Array<[number, number, number]> = [];
  if (model.impact) bars.push([model.impact.from, model.impact.to, 0]);
  model.lanes.forEach((lane, i) => {
    if (lane.activeFrom !== null && lane.activeTo !== null) bars.push([lane.activeFrom, lane.activeTo, i + 1]);
  });
  const [phaseSeries, ...rangeSeries] = range.series as [CustomSeriesOption, ...ScatterSeriesOption[]];
  return {
    backgroundColor: palette.background,
    textStyle: { color: palette.text, fontSize: FONT_SIZE, fontFamily: FONT_FAMILY },
    animation: false,
    aria: { enabled: true, label: { enabled: true, description: `${chartTitle(model)}. ${chartDescription(model, view.zone)}` } },
    legend: {
      top: 4,
      left: LABEL_WIDTH,
      itemGap: 18,
      textStyle: { color: palette.text, fontSize: FONT_SIZE },
      data: MARKER_KINDS.map((kind) => ({ name: MARKER_LABELS[kind], icon: MARKER_SYMBOLS[kind] })),
      selectedMode: false,
    },
    grid: { left: LABEL_WIDTH, right: 24, top: 64, bottom: view.bottom ?? 40 },
    xAxis: {
      type: 'time',
      min: model.range.from,
      max: model.range.to,
      position: 'bottom',
      axisLine: { onZero: false, lineStyle: { color: palette.axis } },
      axisLabel: { color: palette.text, fontSize: FONT_SIZE, hideOverlap: true, ...range.xAxis && (range.xAxis as { axisLabel: object }).axisLabel },
      axisTick: { lineStyle: { color: palette.axis }, ...(range.xAxis as { axisTick: object }).axisTick },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      inverse: true,
      min: -0.5,
      // Room under the last lane for its status-update markers, clear of the time axis.
      max: rows.length - 0.5 + BOTTOM_ROW_PADDING,
      interval: 1,
      axisLine: { show: false },
      axisTick: { show: false },
      splitLine: { show: false },
      axisLabel: {
        color: palette.text,
        fontSize: FONT_SIZE,
        width: LABEL_WIDTH - 16,
        overflow: 'truncate',
        customValues: rows.map((_, i) => i),
        formatter: (value: number) => rows[value] ?? '',
      },
    },
    series: [
      {
        id: 'rows',
        name: 'Status phases',
        type: 'custom',
        renderItem: renderRowBar,
        data: bars,
        encode: { x: [0, 1], y: 2 },
        silent: true,
        clip: true,
        markArea: { silent: true, label: { position: 'top', color: palette.text, fontSize: FONT_SIZE }, ...phaseSeries.markArea },
        z: 1,
      },
      ...rangeSeries.map((s, i) => {
        const kind = MARKER_KINDS[i] as MarkerKind;
        return {
          ...s,
          type: 'scatter' as const,
          name: MARKER_LABELS[kind],
          symbol: MARKER_SYMBOLS[kind],
          itemStyle: { color: palette.markers[kind], borderColor: palette.markerEdge, borderWidth: 1.5, opacity: 1 },
          label: { ...s.label, position: kind === 'statusUpdate' ? ('bottom' as const) : ('top' as const), color: palette.text, fontSize: 12 },
          labelLayout: { hideOverlap: true },
          emphasis: { scale: 1.4 },
          clip: true,
          z: 3,
        };
      }),
    ],
  };
}
