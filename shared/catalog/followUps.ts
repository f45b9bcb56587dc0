// Follow-ups (action items) across incidents: one row per item with its effective due date, and
// the exports of the open ones: a Markdown checklist, CSV, and JSON shaped for a script that files
// tracker issues (nothing here talks to a tracker).
import { escapeInline } from '../export/escape';
import type { Instant } from '../model/types';
import type { CatalogAction, CatalogIncident } from '../protocol/catalog';
import { toCsv } from './csv';
import { effectiveDue, isOverdue, type FollowUpPolicy } from './followUpPolicy';

export interface FollowUpRow {
  incident: CatalogIncident;
  action: CatalogAction;
  dueAt: Instant | null;
  dueByPolicy: boolean;
  overdue: boolean;
}

/** Every follow-up of the given incidents: overdue first, then by due date (undated last), then by age. */
export function followUpRows(incidents: readonly CatalogIncident[], policy: FollowUpPolicy, now: Instant): FollowUpRow[] {
  const rows: FollowUpRow[] = [];
  for (const incident of incidents) {
    for (const action of incident.actions) {
      const due = effectiveDue(action, policy);
      rows.push({ incident, action, dueAt: due.dueAt, dueByPolicy: due.byPolicy, overdue: isOverdue(action, policy, now) });
    }
  }
  return rows.sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      (a.dueAt ?? '\uffff').localeCompare(b.dueAt ?? '\uffff') ||
      a.action.createdAt.localeCompare(b.action.createdAt) ||
      a.action.id.localeCompare(b.action.id),
  );
}

const day = (at: Instant | null) => (at ? at.slice(0, 10) : '');

/** "- [ ] Page on lag — Marcus Webb, P1, due 2026-11-09 (overdue) · Primary database lost" */
export function followUpsMarkdown(rows: readonly FollowUpRow[]): string {
  const lines = rows
    .filter((r) => r.action.status === 'open')
    .map((r) => {
      const due = r.dueAt ? `due ${day(r.dueAt)}${r.dueByPolicy ? ' by policy' : ''}${r.overdue ? ' (overdue)' : ''}` : 'no due date';
      return `- [ ] ${escapeInline(r.action.text)} — ${escapeInline(r.action.owner) || 'no owner'}, ${r.action.priority}, ${due} · ${escapeInline(r.incident.title)}`;
    });
  return ['# Open follow-ups', '', ...lines, ''].join('\n');
}

export function followUpsCsv(rows: readonly FollowUpRow[]): string {
  return toCsv(
    ['incident id', 'incident', 'action id', 'follow-up', 'owner', 'priority', 'due', 'due by policy', 'overdue', 'created'],
    rows
      .filter((r) => r.action.status === 'open')
      .map((r) => [r.incident.id, r.incident.title, r.action.id, r.action.text, r.action.owner, r.action.priority, day(r.dueAt), r.dueByPolicy ? 'yes' : 'no', r.overdue ? 'yes' : 'no', day(r.action.createdAt)]),
  );
}

/** One object per open follow-up, in the fields trackers' "create issue" calls take. */
export function followUpsJson(rows: readonly FollowUpRow[]): string {
  const issues = rows
    .filter((r) => r.action.status === 'open')
    .map((r) => ({
      title: r.action.text,
      body: `Follow-up from the incident “${r.incident.title}”.`,
      assignee: r.action.owner || null,
      priority: r.action.priority,
      dueDate: day(r.dueAt) || null,
      dueDateFromPolicy: r.dueByPolicy,
      labels: [...r.incident.services, ...r.incident.tags, 'incident-follow-up'],
      source: { incidentId: r.incident.id, incidentTitle: r.incident.title, actionItemId: r.action.id, severity: r.incident.severity },
    }));
  return `${JSON.stringify(issues, null, 2)}\n`;
}
