import { DateTime, IANAZone } from 'luxon';

/** Zone used whenever a stored or requested zone cannot be used. */
export const FALLBACK_ZONE = 'UTC';

/** True for an IANA zone name luxon (and so Intl) can resolve, e.g. "America/Denver" or "UTC". */
export function isValidZone(zone: string): boolean {
  return typeof zone === 'string' && zone.length > 0 && IANAZone.isValidZone(zone);
}

/** The machine's zone as luxon sees it (honours luxon's Settings.defaultZone). */
export function localZone(): string {
  const name = DateTime.local().zoneName;
  return name && isValidZone(name) ? name : FALLBACK_ZONE;
}

/** Which clock the timeline is read in: the incident's own zone, the reader's, or UTC. */
export type ZoneChoice = 'incident' | 'local' | 'utc';

/** The zone name for a display choice; an unusable incident zone falls back to UTC. */
export function resolveZone(choice: ZoneChoice, incidentZone: string): string {
  switch (choice) {
    case 'incident':
      return isValidZone(incidentZone) ? incidentZone : FALLBACK_ZONE;
    case 'local':
      return localZone();
    case 'utc':
      return FALLBACK_ZONE;
  }
}
