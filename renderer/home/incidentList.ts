// Which incidents Home shows first and what their duration column says.
import type { IncidentSummary, Instant } from '../../shared/model/types';
import { durationWords, elapsedLabel } from '../../shared/time/format';

export interface HomeRow {
  incident: IncidentSummary;
  recent: boolean;
}

/** Recently opened incidents first (most recent first), then the rest by last change. */
export function orderForHome(incidents: readonly IncidentSummary[], recentIds: readonly string[]): HomeRow[] {
  const rank = new Map(recentIds.map((id, index) => [id, index]));
  return [...incidents]
    .sort((a, b) => {
      const ra = rank.get(a.id);
      const rb = rank.get(b.id);
      if (ra !== undefined || rb !== undefined) return (ra ?? Infinity) - (rb ?? Infinity);
      return a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0;
    })
    .map((incident) => ({ incident, recent: rank.has(incident.id) }));
}

export function startedAt(incident: IncidentSummary): Instant {
  return incident.startedAt ?? incident.createdAt;
}

/** "14 hours 16 minutes" once resolved; a running "T+3:05" while still open. */
export function durationLabel(incident: IncidentSummary, now: Instant): string {
  const start = startedAt(incident);
  return incident.resolvedAt ? durationWords(start, incident.resolvedAt) : elapsedLabel(start, now);
}
