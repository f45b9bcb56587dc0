// Every assignment and handoff, newest first: who took which role, who gave it, and when.
// A handoff's recorded briefing opens in place (<details>), so the next shift can reread it.
import type { Handoff, RoleAssignment } from '../../shared/model/coordinationTypes';
import { formatDateTime } from '../../shared/time/format';
import { postmortemHtml } from '../incident/postmortemHtml';

export function RoleHistory({ roles, handoffs, zone }: { roles: RoleAssignment[]; handoffs: Handoff[]; zone: string }) {
  const assignments = roles.map((r, index) => ({ ...r, index })).reverse();
  return (
    <div className="roles-history">
      <h3>Handoffs</h3>
      {handoffs.length === 0 ? (
        <p className="muted">No handoffs yet.</p>
      ) : (
        <ul>
          {[...handoffs].reverse().map((h) => (
            <li key={h.id}>
              <details>
                <summary>
                  <span className="muted">{formatDateTime(h.at, zone)}</span> {h.from} → {h.to} ({h.role})
                </summary>
                <article className="markdown-preview" aria-label={`Briefing for ${h.to}`} dangerouslySetInnerHTML={{ __html: postmortemHtml(h.briefing) }} />
              </details>
            </li>
          ))}
        </ul>
      )}
      <h3>Assignments</h3>
      {assignments.length === 0 ? (
        <p className="muted">No roles assigned yet.</p>
      ) : (
        <ol reversed className="roles-assignments">
          {assignments.map((a) => (
            <li key={a.index}>
              <span className="muted">{formatDateTime(a.assignedAt, zone)}</span> {a.person} took {a.role}
              {a.assignedBy && <span className="muted"> (assigned by {a.assignedBy})</span>}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
