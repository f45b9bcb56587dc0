// The catalog's rows as the table sorts and shows them: an incident plus what is worked out from it.
import { durationWords } from '../time/format';
import type { Instant } from '../model/types';
import type { CatalogIncident } from '../protocol/catalog';
import { incidentStart } from '../model/incidentStart';
import { durationMinutes, openActionCount } from './catalogQuery';
import { isOverdue, type FollowUpPolicy } from './followUpPolicy';

export interface CatalogRow {
  incident: CatalogIncident;
  start: Instant;
  /** Impact start to resolution; to now while unresolved. Null for a past incident recorded without an end. */
  minutes: number | null;
  /** "32 hours 44 minutes (1 day 8 hours 44 minutes)", "… so far", or "no end recorded". */
  duration: string;
  openActions: number;
  overdueActions: number;
}

export function catalogRow(incident: CatalogIncident, now: Instant, policy: FollowUpPolicy): CatalogRow {
  const start = incidentStart(incident);
  const unended = incident.resolvedAt === null && incident.reconstructed;
  let duration = 'no end recorded';
  if (!unended) duration = incident.resolvedAt ? durationWords(start, incident.resolvedAt) : `${durationWords(start, now)} so far`;
  return {
    incident,
    start,
    minutes: unended ? null : durationMinutes(incident, now),
    duration,
    openActions: openActionCount(incident),
    overdueActions: incident.actions.filter((a) => isOverdue(a, policy, now)).length,
  };
}
