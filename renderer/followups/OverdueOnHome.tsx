// Overdue follow-ups at the top of Home: one short block that names the first few (what, who) and
// leads to the full list, so the catalog stays on screen; and the daily desktop reminder of them.
import { useEffect, useMemo } from 'react';
import { followUpRows } from '../../shared/catalog/followUps';
import type { FollowUpPolicy } from '../../shared/catalog/followUpPolicy';
import type { CatalogIncident } from '../../shared/protocol/catalog';
import { routeHash } from '../app/route';
import { remindOverdue } from './overdueReminder';

/** How many overdue items Home names before "and n more". */
const NAMED_ON_HOME = 3;

export function OverdueOnHome({ incidents, policy, now }: { incidents: readonly CatalogIncident[]; policy: FollowUpPolicy; now: string }) {
  const overdue = useMemo(() => followUpRows(incidents, policy, now).filter((r) => r.overdue), [incidents, policy, now]);
  const href = routeHash({ screen: 'home', view: 'follow-ups' });
  const names = useMemo(() => overdue.map((r) => `${r.action.text} (${r.action.owner || 'no owner'})`), [overdue]);
  useEffect(() => remindOverdue(names, now, () => (window.location.hash = href)), [names, now, href]);
  if (overdue.length === 0) return null;
  return (
    <aside className="overdue-on-home" aria-label="Overdue follow-ups">
      <p className="overdue-head">
        <strong>
          {overdue.length} follow-up{overdue.length === 1 ? '' : 's'} overdue
        </strong>
        <a href={href}>See all action items</a>
      </p>
      <ul>
        {overdue.slice(0, NAMED_ON_HOME).map((r) => (
          <li key={`${r.incident.id}-${r.action.id}`} title={`${r.action.text} — ${r.incident.title}`}>
            <span className="overdue-owner">{r.action.owner || 'no owner'}</span> {r.action.priority}: {r.action.text}
          </li>
        ))}
        {overdue.length > NAMED_ON_HOME && <li className="muted">and {overdue.length - NAMED_ON_HOME} more</li>}
      </ul>
    </aside>
  );
}
