import type { Incident, Instant } from './types';

/**
 * Where an incident's span starts: impact start, else detection, else when it was declared. T+,
 * the total duration, the status cadence, the chart's axis, the catalog's sort and the export's
 * file date all count from here.
 */
export function incidentStart(incident: Pick<Incident, 'impactStartedAt' | 'detectedAt' | 'createdAt'>): Instant {
  return incident.impactStartedAt ?? incident.detectedAt ?? incident.createdAt;
}
