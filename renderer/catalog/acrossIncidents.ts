// What every view across incidents (catalog, metrics, action items) is given by Home.
import type { CatalogQuery } from '../../shared/catalog/catalogQuery';
import type { FollowUpPolicy } from '../../shared/catalog/followUpPolicy';
import type { CatalogIncident } from '../../shared/protocol/catalog';

export interface AcrossIncidentsProps {
  incidents: readonly CatalogIncident[];
  query: CatalogQuery;
  update: (patch: Partial<CatalogQuery>) => void;
  /** The current minute: durations so far and overdue items move by the minute, not every second. */
  now: string;
  policy: FollowUpPolicy;
}
