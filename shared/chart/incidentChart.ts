// The picture of an incident as plain data: one lane per workstream, the status phases as
// bands, the impact window, and the entries worth a marker (decisions, key events, status
// updates). Renderers (the app's ECharts view, the export's SVG) draw this; nothing here
// knows about a chart library. Times are epoch milliseconds: the chart's axis is numeric.
import { incidentStart } from '../model/incidentStart';
import type { Incident, IncidentStatus, Instant, TimelineEntry } from '../model/types';
import { STATUSES } from '../model/types';
import { epochMillis as instantMillis } from '../time/wallClock';

export const MARKER_KINDS = ['decision', 'key', 'statusUpdate'] as const;
export type MarkerKind = (typeof MARKER_KINDS)[number];

export const MARKER_LABELS: Readonly<Record<MarkerKind, string>> = {
  decision: 'Decision',
  key: 'Key event',
  statusUpdate: 'Status update',
};

/** The lane of entries without a workstream: the incident as a whole. */
export const GENERAL_LANE = '';
export const GENERAL_LANE_LABEL = 'Whole incident';

export interface ChartLane {
  /** The workstream tag; GENERAL_LANE for entries without one. */
  id: string;
  label: string;
  /** From its first to its last entry: when the workstream was worked. Null when it has none. */
  activeFrom: number | null;
  activeTo: number | null;
}

export interface PhaseBand {
  status: IncidentStatus;
  from: number;
  to: number;
}

/**
 * The markers of one lane and kind, in time order, as parallel arrays: at 100k entries an
 * object per marker costs more than the chart needs until a marker is actually drawn.
 */
export interface MarkerSeries {
  lane: string;
  kind: MarkerKind;
  at: Float64Array;
  ids: string[];
  texts: string[];
  authors: string[];
}

export interface IncidentChartModel {
  title: string;
  lanes: ChartLane[];
  phases: PhaseBand[];
  /** Impact started until mitigated (or resolved, or now); null when impact start is unknown. */
  impact: { from: number; to: number } | null;
  series: MarkerSeries[];
  /** The whole incident, with every marker inside. */
  range: { from: number; to: number };
  markerCount: number;
  /** Each decision entry's number (1, 2, …) in time order across lanes: "D2" on the chart and in the list. */
  decisionNumbers: Map<string, number>;
}

/** Kinds that become a marker of their own, whatever their key flag; otherwise a key entry is a "key event". */
function markerKind(entry: TimelineEntry): MarkerKind | null {
  if (entry.kind === 'decision') return 'decision';
  if (entry.kind === 'comms') return 'statusUpdate';
  if (entry.key) return 'key';
  return null;
}

/** The tail after resolution, as a share of the whole span, and at least a few minutes. */
const RESOLVED_TAIL_SHARE = 0.02;
const MIN_RESOLVED_TAIL_MS = 5 * 60_000;

const STATUS_WORD = new RegExp(`\\b(${STATUSES.join('|')})\\b`, 'gi');

/**
 * The status a status row moves to: the last status word in it ("Status changed: identified →
 * monitoring", "Status changed from identified to monitoring", "Incident opened: SEV1,
 * investigating", "Resolved"). A row naming no status (a severity change) moves nothing.
 */
export function statusAfter(text: string): IncidentStatus | null {
  let last: string | null = null;
  for (const match of text.matchAll(STATUS_WORD)) last = match[1] as string;
  return last === null ? null : (last.toLowerCase() as IncidentStatus);
}

export interface ChartInput {
  incident: Pick<Incident, 'title' | 'status' | 'createdAt' | 'detectedAt' | 'impactStartedAt' | 'mitigatedAt' | 'resolvedAt'>;
  /** In timeline order (occurredAt, recordedAt, id), as every reader provides them. */
  entries: Iterable<TimelineEntry>;
  /** The end of an ongoing incident. */
  now: Instant;
}

interface SeriesBuilder {
  lane: string;
  kind: MarkerKind;
  at: number[];
  ids: string[];
  texts: string[];
  authors: string[];
}

export function buildIncidentChart({ incident, entries, now }: ChartInput): IncidentChartModel {
  const start = instantMillis(incidentStart(incident));
  const end = instantMillis(incident.resolvedAt ?? now);
  const lanes = new Map<string, ChartLane>([[GENERAL_LANE, { id: GENERAL_LANE, label: GENERAL_LANE_LABEL, activeFrom: null, activeTo: null }]]);
  const builders = new Map<string, SeriesBuilder>();
  const moves: Array<{ at: number; status: IncidentStatus }> = [];
  let from = Math.min(start, end);
  let to = Math.max(start, end);
  let markerCount = 0;

  for (const entry of entries) {
    if (entry.retraction !== null) continue;
    const at = instantMillis(entry.occurredAt);
    if (at < from) from = at;
    if (at > to) to = at;
    const laneId = entry.workstream.trim();
    let lane = lanes.get(laneId);
    if (!lane) {
      lane = { id: laneId, label: laneId, activeFrom: null, activeTo: null };
      lanes.set(laneId, lane);
    }
    if (lane.activeFrom === null || at < lane.activeFrom) lane.activeFrom = at;
    if (lane.activeTo === null || at > lane.activeTo) lane.activeTo = at;
    if (entry.kind === 'status') {
      const status = statusAfter(entry.text);
      if (status) moves.push({ at, status });
    }
    const kind = markerKind(entry);
    if (kind === null) continue;
    const key = `${kind}\u0000${laneId}`;
    let builder = builders.get(key);
    if (!builder) {
      builder = { lane: laneId, kind, at: [], ids: [], texts: [], authors: [] };
      builders.set(key, builder);
    }
    builder.at.push(at);
    builder.ids.push(entry.id);
    builder.texts.push(entry.text);
    builder.authors.push(entry.author);
    markerCount++;
  }

  const series = [...builders.values()].map((b) => sortedSeries(b));
  // A resolved incident ends in a moment; a short tail after it lets the "resolved" band be seen.
  if (incident.resolvedAt) to = Math.max(to, end + Math.max(MIN_RESOLVED_TAIL_MS, (to - from) * RESOLVED_TAIL_SHARE));
  return {
    title: incident.title,
    lanes: orderLanes([...lanes.values()]),
    phases: phaseBands(moves, incident, start, to),
    impact: incident.impactStartedAt
      ? { from: instantMillis(incident.impactStartedAt), to: instantMillis(incident.mitigatedAt ?? incident.resolvedAt ?? now) }
      : null,
    series,
    range: { from, to },
    markerCount,
    decisionNumbers: numberDecisions(series),
  };
}

/** Entries arrive in timeline order, so this is a copy; it sorts only if a caller did not keep that order. */
function sortedSeries(b: SeriesBuilder): MarkerSeries {
  let ordered = true;
  for (let i = 1; i < b.at.length && ordered; i++) ordered = (b.at[i - 1] as number) <= (b.at[i] as number);
  if (ordered) return { lane: b.lane, kind: b.kind, at: Float64Array.from(b.at), ids: b.ids, texts: b.texts, authors: b.authors };
  const order = b.at.map((_, i) => i).sort((x, y) => (b.at[x] as number) - (b.at[y] as number));
  return {
    lane: b.lane,
    kind: b.kind,
    at: Float64Array.from(order, (i) => b.at[i] as number),
    ids: order.map((i) => b.ids[i] as string),
    texts: order.map((i) => b.texts[i] as string),
    authors: order.map((i) => b.authors[i] as string),
  };
}

function numberDecisions(series: readonly MarkerSeries[]): Map<string, number> {
  const decisions = series
    .filter((s) => s.kind === 'decision')
    .flatMap((s) => s.ids.map((id, i) => ({ id, at: s.at[i] as number })))
    .sort((a, b) => a.at - b.at);
  return new Map(decisions.map((d, i) => [d.id, i + 1]));
}

/** The whole incident first, then workstreams in the order they started: the race reads top to bottom. */
function orderLanes(lanes: ChartLane[]): ChartLane[] {
  const [general, ...rest] = lanes;
  rest.sort((a, b) => (a.activeFrom ?? 0) - (b.activeFrom ?? 0) || a.id.localeCompare(b.id));
  return general && (general.activeFrom !== null || rest.length === 0) ? [general, ...rest] : rest;
}

/**
 * Status phases from the status rows, in time order. Before the first row the incident was
 * investigating; a resolved incident is resolved from its resolution time on, even if no row says so.
 */
function phaseBands(
  moves: ReadonlyArray<{ at: number; status: IncidentStatus }>,
  incident: ChartInput['incident'],
  start: number,
  end: number,
): PhaseBand[] {
  const sorted = [...moves].sort((a, b) => a.at - b.at);
  if (incident.resolvedAt && !sorted.some((m) => m.status === 'resolved')) sorted.push({ at: instantMillis(incident.resolvedAt), status: 'resolved' });
  const bands: PhaseBand[] = [];
  let current: PhaseBand = { status: STATUSES[0], from: start, to: start };
  for (const move of sorted) {
    if (move.status === current.status) continue;
    const at = Math.max(move.at, current.from);
    if (at > current.from) bands.push({ ...current, to: at });
    current = { status: move.status, from: at, to: at };
  }
  bands.push({ ...current, to: Math.max(end, current.from) });
  return bands.filter((band) => band.to > band.from);
}
