// Action items across every incident the shared filters select: owner, priority, due date (set,
// or from the policy), status and the incident they came from. Overdue first. The open ones export
// as a Markdown checklist, CSV, or JSON for a script that files them in a tracker.
import { useMemo, useState } from 'react';
import { filterCatalog } from '../../shared/catalog/catalogQuery';
import { followUpRows, followUpsCsv, followUpsJson, followUpsMarkdown, type FollowUpRow } from '../../shared/catalog/followUps';
import { FOLLOW_UP_STATUSES, type FollowUpStatus } from '../../shared/protocol/catalog';
import { formatDateTime } from '../../shared/time/format';
import { routeHash } from '../app/route';
import { saveTextFile } from '../client/saveFile';
import type { AcrossIncidentsProps } from '../catalog/acrossIncidents';
import { CatalogFilters } from '../catalog/CatalogFilters';
import { FollowUpStatusControls } from './FollowUpStatus';
import { ReminderToggle } from './ReminderToggle';

const STATUS_LABELS: Record<FollowUpStatus, string> = { open: 'Open', done: 'Done', 'not-doing': 'Not doing' };

function Due({ row }: { row: FollowUpRow }) {
  if (!row.dueAt) return <span className="muted">none</span>;
  return (
    <span className={row.overdue ? 'overdue-text' : undefined}>
      {formatDateTime(row.dueAt, row.incident.timeZone || 'UTC')}
      {row.dueByPolicy && <span className="muted"> (policy)</span>}
      {row.overdue && <strong> overdue</strong>}
    </span>
  );
}

export function FollowUpsView({ incidents, query, update, now, policy }: AcrossIncidentsProps) {
  const [statuses, setStatuses] = useState<FollowUpStatus[]>(['open']);
  const [message, setMessage] = useState<string | null>(null);
  const shown = useMemo(() => filterCatalog(incidents, query, now), [incidents, query, now]);
  const all = useMemo(() => followUpRows(shown, policy, now), [shown, policy, now]);
  const rows = all.filter((r) => statuses.length === 0 || statuses.includes(r.action.status));
  const openCount = all.filter((r) => r.action.status === 'open').length;

  const save = async (fileName: string, content: string) => {
    const outcome = await saveTextFile(fileName, content);
    setMessage(outcome.saved ? outcome.message : null);
  };

  return (
    <div className="followups-view">
      <CatalogFilters query={query} update={update} shown={shown.length} total={incidents.length} />
      <div className="followups-bar">
        <fieldset className="chip-group">
          <legend>Follow-up status</legend>
          {FOLLOW_UP_STATUSES.map((s) => (
            <button
              key={s}
              type="button"
              className="chip"
              aria-pressed={statuses.includes(s)}
              onClick={() => setStatuses(statuses.includes(s) ? statuses.filter((x) => x !== s) : [...statuses, s])}
            >
              {STATUS_LABELS[s]}
            </button>
          ))}
        </fieldset>
        <div className="row" role="group" aria-label={`Export the ${openCount} open follow-ups`}>
          <span className="muted">Export {openCount} open:</span>
          <button type="button" onClick={() => void save('open-follow-ups.md', followUpsMarkdown(all))}>
            Markdown checklist
          </button>
          <button type="button" onClick={() => void save('open-follow-ups.csv', followUpsCsv(all))}>
            CSV
          </button>
          <button type="button" onClick={() => void save('open-follow-ups.json', followUpsJson(all))}>
            JSON
          </button>
        </div>
        <ReminderToggle />
      </div>
      {message && (
        <p className="muted" role="status">
          {message}
        </p>
      )}
      <p className="muted policy-note">
        Due dates nobody set come from the policy: P1 {policy.P1 ?? '–'} weeks, P2 {policy.P2 ?? '–'} weeks, P3 {policy.P3 ? `${policy.P3} weeks` : 'none'} after the item was created (Settings).
      </p>
      {rows.length === 0 ? (
        <p className="muted empty">No follow-up matches.</p>
      ) : (
        <table className="data-table followups-table" aria-label="Action items across incidents">
          <thead>
            <tr>
              <th scope="col">Follow-up</th>
              <th scope="col">Owner</th>
              <th scope="col">Priority</th>
              <th scope="col">Due</th>
              <th scope="col">Status</th>
              <th scope="col">Incident</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.incident.id}-${row.action.id}`} className={row.overdue ? 'followup-overdue' : undefined}>
                <td>{row.action.text}</td>
                <td>{row.action.owner || <span className="muted">nobody</span>}</td>
                <td>{row.action.priority}</td>
                <td className="nowrap">
                  <Due row={row} />
                </td>
                <td>
                  {STATUS_LABELS[row.action.status]}
                  {row.action.reason && <span className="muted">: {row.action.reason}</span>}
                </td>
                <td>
                  <a href={routeHash({ screen: 'incident', incidentId: row.incident.id })}>{row.incident.title || 'Untitled incident'}</a>
                </td>
                <td>
                  <FollowUpStatusControls row={row} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
