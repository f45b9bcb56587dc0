// The chart in words: its accessible name and description (ECharts' aria option in the app, the
// SVG's <title> and <desc> in the export), and one marker as a line of text (tooltip, marker list).
import { durationWords, formatDateTime } from '../time/format';
import { instantFromMillis } from '../time/instant';
import type { IncidentChartModel, MarkerKind } from './incidentChart';
import { MARKER_KINDS, MARKER_LABELS } from './incidentChart';
import type { ChartMarker } from './markerBuckets';

const PLURAL_LABELS: Readonly<Record<MarkerKind, string>> = { decision: 'decisions', key: 'key events', statusUpdate: 'status updates' };
/** Long entry texts are cut in a one-line summary; the timeline holds the rest. */
const SUMMARY_CHARS = 140;

export const STATUS_LABELS = { investigating: 'Investigating', identified: 'Identified', monitoring: 'Monitoring', resolved: 'Resolved' } as const;

const at = (ms: number, zone: string) => formatDateTime(instantFromMillis(ms), zone);

export function chartTitle(model: IncidentChartModel): string {
  return `Incident chart: ${model.title}`;
}

/** Plain sentences: what a sighted reader takes in at a glance, in the display zone. */
export function chartDescription(model: IncidentChartModel, zone: string): string {
  const parts: string[] = [];
  parts.push(`From ${at(model.range.from, zone)} to ${at(model.range.to, zone)}.`);
  if (model.impact) {
    parts.push(`Customer impact from ${at(model.impact.from, zone)} to ${at(model.impact.to, zone)} (${durationWords(instantFromMillis(model.impact.from), instantFromMillis(model.impact.to))}).`);
  }
  const phases = model.phases.map((p) => `${STATUS_LABELS[p.status].toLowerCase()} from ${at(p.from, zone)}`);
  if (phases.length > 0) parts.push(`Status: ${phases.join('; ')}.`);
  const lanes = model.lanes.map((lane) => lane.label);
  parts.push(`${lanes.length} ${lanes.length === 1 ? 'lane' : 'lanes'}: ${lanes.join(', ')}.`);
  const counts = MARKER_KINDS.map((kind) => {
    const n = model.series.filter((s) => s.kind === kind).reduce((sum, s) => sum + s.at.length, 0);
    return `${n} ${n === 1 ? MARKER_LABELS[kind].toLowerCase() : PLURAL_LABELS[kind]}`;
  });
  parts.push(`Markers: ${counts.join(', ')}.`);
  return parts.join(' ');
}

function cut(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > SUMMARY_CHARS ? `${line.slice(0, SUMMARY_CHARS - 1)}…` : line;
}

/** "Decision, 2026-10-31 05:40 MDT, Priya Raman: Restore from backup" or "12 key events, … to …". */
export function markerSummary(marker: ChartMarker, zone: string): string {
  if (marker.count === 1) return `${MARKER_LABELS[marker.kind]}, ${at(marker.at, zone)}, ${marker.author}: ${cut(marker.text)}`;
  return `${marker.count} ${PLURAL_LABELS[marker.kind]}, ${at(marker.from, zone)} to ${at(marker.to, zone)}`;
}
