// All incidents, recently opened ones first. Titles are links so they work with
// the keyboard, middle-click and the browser's history.
import type { IncidentSummary } from '../../shared/model/types';
import { formatDateTime } from '../../shared/time/format';
import { isValidZone } from '../../shared/time/zones';
import { routeHash } from '../app/route';
import { useNowInstant } from '../app/clock';
import { durationLabel, orderForHome, startedAt } from './incidentList';

function LiveDuration({ incident }: { incident: IncidentSummary }) {
  const now = useNowInstant();
  return <>{durationLabel(incident, now)}</>;
}

export function IncidentTable({ incidents, recentIds }: { incidents: IncidentSummary[]; recentIds: string[] }) {
  const rows = orderForHome(incidents, recentIds);
  if (rows.length === 0) {
    return <p className="muted empty">No incidents yet. Declare one above, or import an archive.</p>;
  }
  return (
    <table className="data-table incident-table" aria-label="Incidents">
      <thead>
        <tr>
          <th scope="col">Title</th>
          <th scope="col">Severity</th>
          <th scope="col">Status</th>
          <th scope="col">Started</th>
          <th scope="col">Duration</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ incident, recent }) => {
          const zone = isValidZone(incident.timeZone) ? incident.timeZone : 'UTC';
          return (
            <tr key={incident.id}>
              <td>
                <a href={routeHash({ screen: 'incident', incidentId: incident.id })}>{incident.title || 'Untitled incident'}</a>
                {recent && <span className="tag">Recent</span>}
              </td>
              <td>
                <span className={`sev sev-${incident.severity.toLowerCase()}`}>{incident.severity}</span>
              </td>
              <td>
                <span className={`status status-${incident.status}`}>{incident.status}</span>
              </td>
              <td className="mono">{formatDateTime(startedAt(incident), zone)}</td>
              <td className="mono">
                {incident.resolvedAt ? durationLabel(incident, incident.resolvedAt) : <LiveDuration incident={incident} />}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
