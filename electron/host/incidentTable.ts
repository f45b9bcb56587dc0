// The plain-text table `warroom list` prints.
import type { IncidentSummary } from '../../shared/model/types';
import { durationWords, formatDateTime } from '../../shared/time/format';
import { isValidZone } from '../../shared/time/zones';

const HEADINGS = ['ID', 'STATUS', 'SEVERITY', 'TITLE', 'STARTED', 'DURATION'] as const;
/** Spaces between columns. */
const COLUMN_GAP = 2;

export function incidentRows(incidents: IncidentSummary[], now: string): string[][] {
  return incidents.map((s) => {
    const start = s.startedAt ?? s.createdAt;
    const zone = isValidZone(s.timeZone) ? s.timeZone : 'UTC';
    const duration = durationWords(start, s.resolvedAt ?? now);
    return [s.id, s.status, s.severity, s.title, formatDateTime(start, zone), s.resolvedAt ? duration : `${duration} (ongoing)`];
  });
}

export function renderIncidentTable(incidents: IncidentSummary[], now: string): string {
  const rows = [[...HEADINGS], ...incidentRows(incidents, now)];
  const widths = HEADINGS.map((_, col) => Math.max(...rows.map((r) => (r[col] ?? '').length)));
  return rows.map((r) => r.map((cell, col) => (col === r.length - 1 ? cell : cell.padEnd((widths[col] ?? 0) + COLUMN_GAP))).join('').trimEnd()).join('\n') + '\n';
}
