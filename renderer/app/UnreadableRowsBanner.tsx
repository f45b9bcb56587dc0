// App-wide: a stored row the host could not decode is named (incident, file, row) for as long as it
// is kept. Until someone acknowledges it, its incident is read-only; the button says so and lifts it.
import { useState } from 'react';
import { describeUnreadableRow } from '../../shared/protocol/unreadableRows';
import { rowsByIncident, useUnreadableRows } from '../client/unreadableRows';
import { useHost } from './session';

export function UnreadableRowsBanner() {
  const rows = useUnreadableRows((s) => s.rows);
  if (rows.length === 0) return null;
  return (
    <>
      {rowsByIncident(rows).map((group) => (
        <IncidentRows key={group.incidentId} incidentId={group.incidentId} rows={group.rows} />
      ))}
    </>
  );
}

function IncidentRows({ incidentId, rows }: ReturnType<typeof rowsByIncident>[number]) {
  const { rpc } = useHost();
  const [error, setError] = useState<string | null>(null);
  const open = rows.some((r) => !r.acknowledged);
  const acknowledge = () => {
    setError(null);
    rpc.acknowledgeUnreadableRows({ id: incidentId }).catch((err: Error) => setError(err.message));
  };
  return (
    <div className={open ? 'banner banner-danger' : 'banner banner-note'} role={open ? 'alert' : 'status'}>
      {rows.map((row) => (
        <p key={`${row.table}.${row.rowId}`}>{describeUnreadableRow(row)}</p>
      ))}
      {open && (
        <button type="button" onClick={acknowledge} aria-label={`Acknowledge the unreadable rows of incident ${incidentId}`}>
          Acknowledge and resume writing
        </button>
      )}
      {error && <p role="alert">{error}</p>}
    </div>
  );
}
