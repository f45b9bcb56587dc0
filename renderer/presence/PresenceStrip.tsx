// The header's "who is here" strip: one chip per connected page, with initials, name, room role,
// incident roles, the tab they are on and "typing…". Compact by default; the full line is the
// chip's accessible name and tooltip.
import type { Awareness } from 'y-protocols/awareness';
import { useIncidentContext } from '../app/session';
import { describePresence, type PresenceRow } from './presenceModel';
import { usePresenceSession } from './presenceContext';
import { usePresenceRows } from './usePresence';
import './presence.css';

export function PresenceStrip({ incidentCommander }: { incidentCommander: string }) {
  const session = usePresenceSession();
  if (!session) return null;
  return <PresenceList awareness={session.awareness} incidentCommander={incidentCommander} />;
}

function PresenceList({ awareness, incidentCommander }: { awareness: Awareness; incidentCommander: string }) {
  const { doc } = useIncidentContext();
  const rows = usePresenceRows(awareness, doc, incidentCommander);
  return (
    <ul className="presence-strip" aria-label="Who is here">
      {rows.map((row) => (
        <PresenceChip key={row.clientId} row={row} />
      ))}
    </ul>
  );
}

function PresenceChip({ row }: { row: PresenceRow }) {
  const description = describePresence(row);
  return (
    <li className={`presence-chip role-${row.roomRole}${row.self ? ' self' : ''}`} aria-label={description} title={description}>
      <span className="presence-avatar" aria-hidden="true">
        {row.initials}
      </span>
      <span className="presence-text" aria-hidden="true">
        <span className="presence-name">{row.name}</span>
        <span className="presence-meta">
          {[row.roomRole, ...row.incidentRoles, row.view].filter(Boolean).join(' · ')}
          {row.typing && <span className="presence-typing"> typing…</span>}
        </span>
      </span>
    </li>
  );
}
