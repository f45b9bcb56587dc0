// The names behind the numbers: incidents a metric could not measure, and the overdue follow-ups.
import type { Excluded, OpenItem } from '../../shared/catalog/metrics';
import { formatDateTime } from '../../shared/time/format';
import { routeHash } from '../app/route';

export function ExcludedList({ excluded }: { excluded: readonly Excluded[] }) {
  if (excluded.length === 0) return <p className="muted">Every filtered incident has the key times this needs.</p>;
  return (
    <details className="excluded">
      <summary>
        {excluded.length} {excluded.length === 1 ? 'incident' : 'incidents'} excluded
      </summary>
      <ul>
        {excluded.map(({ incident, reason }) => (
          <li key={incident.id}>
            <a href={routeHash({ screen: 'incident', incidentId: incident.id })}>{incident.title || 'Untitled incident'}</a>: {reason}
          </li>
        ))}
      </ul>
    </details>
  );
}

export function OverdueList({ items }: { items: readonly OpenItem[] }) {
  if (items.length === 0) return <p className="muted">Nothing overdue.</p>;
  return (
    <div className="overdue-list">
      <h4>Overdue</h4>
      <ul>
        {items.map((item) => (
          <li key={`${item.incident.id}-${item.action.id}`}>
            <strong>{item.action.text}</strong> — {item.action.owner || 'no owner'}, {item.action.priority}, due {item.dueAt ? formatDateTime(item.dueAt, 'UTC') : '—'}
            {item.dueByPolicy && ' (by policy)'} · <a href={routeHash({ screen: 'incident', incidentId: item.incident.id })}>{item.incident.title}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
