// The words of the desktop notification shown when an alert opens an incident.
import type { EventPayload } from './api';

export type AlertOpenedIncident = EventPayload<'onAlertOpenedIncident'>;

/** "SEV2 opened from Alertmanager: HighErrorRate on checkout". */
export function alertOpenedNotice(incident: AlertOpenedIncident): string {
  return `${incident.severity} opened from ${incident.source}: ${incident.title}`;
}
