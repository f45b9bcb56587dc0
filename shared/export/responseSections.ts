// The postmortem's smaller response sections: action items, status updates (with the
// cadence they were held to) and roles and handoffs. Tables for anything with columns;
// every user string escaped for its cell.
import { ACTION_PRIORITIES, STANDARD_ROLES } from '../model/responseTypes';
import type { ActionItem, Handoff, RoleAssignment, StatusCadence, StatusUpdate } from '../model/responseTypes';
import { SEVERITIES } from '../model/types';
import type { Instant } from '../model/types';
import { formatDateTime } from '../time/format';
import { escapeInline, escapeTableCell } from './escape';
import { tableRow } from './tableRow';

const NOBODY = '*nobody*';
const NO_DUE_DATE = 'no due date';

function byInstant(a: Instant, b: Instant): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---------- Action items ----------

const priorityRank = new Map<string, number>(ACTION_PRIORITIES.map((priority, index) => [priority, index]));

/** Open first (what still needs doing), then by priority, due date (none last) and age. */
function compareActions(a: ActionItem, b: ActionItem): number {
  if (a.status !== b.status) return a.status === 'open' ? -1 : 1;
  const priority = (priorityRank.get(a.priority) ?? 0) - (priorityRank.get(b.priority) ?? 0);
  if (priority !== 0) return priority;
  if (a.dueAt !== b.dueAt) return a.dueAt === null ? 1 : b.dueAt === null ? -1 : byInstant(a.dueAt, b.dueAt);
  return byInstant(a.createdAt, b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function renderActionItems(actions: readonly ActionItem[], zone: string): string[] {
  if (actions.length === 0) return [];
  const lines = ['| Item | Owner | Due | Priority | Status |', '| --- | --- | --- | --- | --- |'];
  for (const action of [...actions].sort(compareActions)) {
    const closed = `${action.doneBy ? ` by ${escapeTableCell(action.doneBy)}` : ''}${action.doneAt ? ` at ${formatDateTime(action.doneAt, zone)}` : ''}`;
    const status =
      action.status === 'open' ? 'open' : action.status === 'done' ? `done${closed}` : `not doing${closed}: ${escapeTableCell(action.reason ?? '')}`;
    lines.push(
      tableRow([
        escapeTableCell(action.text),
        escapeTableCell(action.owner) || NOBODY,
        action.dueAt ? formatDateTime(action.dueAt, zone) : NO_DUE_DATE,
        action.priority,
        status,
      ]),
    );
  }
  return lines;
}

// ---------- Status updates ----------

const AUDIENCE_LABELS: Record<StatusUpdate['audience'], string> = { internal: 'internal', customers: 'customers' };

function cadenceLine(cadence: StatusCadence): string {
  const parts = SEVERITIES.map((severity) => {
    const minutes = cadence.minutesBySeverity[severity];
    return `${severity} ${minutes === null ? 'none' : `every ${minutes} min`}`;
  });
  return `Promised cadence: ${parts.join(', ')}.`;
}

export function renderStatusUpdates(updates: readonly StatusUpdate[], cadence: StatusCadence, zone: string): string[] {
  const lines = [cadenceLine(cadence), ''];
  if (cadence.snoozes.length > 0) {
    lines.push('Cadence snoozed:', '');
    for (const snooze of [...cadence.snoozes].sort((a, b) => byInstant(a.at, b.at))) {
      const reason = escapeInline(snooze.reason) || 'no reason given';
      lines.push(`- ${formatDateTime(snooze.at, zone)}, ${escapeInline(snooze.by) || 'someone'}: until ${formatDateTime(snooze.until, zone)} (${reason})`);
    }
    lines.push('');
  }
  if (updates.length === 0) {
    lines.push('*No status updates were sent.*');
    return lines;
  }
  lines.push('| Time | Audience | Posted by | Update |', '| --- | --- | --- | --- |');
  for (const update of [...updates].sort((a, b) => byInstant(a.postedAt, b.postedAt) || (a.id < b.id ? -1 : 1))) {
    lines.push(tableRow([formatDateTime(update.postedAt, zone), AUDIENCE_LABELS[update.audience], escapeTableCell(update.postedBy), escapeTableCell(update.text)]));
  }
  return lines;
}

// ---------- Roles and handoffs ----------

const standardRank = new Map<string, number>(STANDARD_ROLES.map((role, index) => [role, index]));

/** The last assignment of each role: standard roles in their usual order, then custom roles as first assigned. */
function currentHolders(roles: readonly RoleAssignment[]): RoleAssignment[] {
  const latest = new Map<string, RoleAssignment>();
  for (const assignment of roles) latest.set(assignment.role, assignment);
  const firstSeen = [...new Set(roles.map((assignment) => assignment.role))];
  const rank = (role: string): number => standardRank.get(role) ?? STANDARD_ROLES.length + firstSeen.indexOf(role);
  return [...latest.values()].sort((a, b) => rank(a.role) - rank(b.role));
}

export function renderRolesAndHandoffs(roles: readonly RoleAssignment[], handoffs: readonly Handoff[], zone: string): string[] {
  const lines: string[] = [];
  const holders = currentHolders(roles);
  if (holders.length > 0) {
    lines.push('| Role | Person | Since | Assigned by |', '| --- | --- | --- | --- |');
    for (const holder of holders) {
      lines.push(tableRow([escapeTableCell(holder.role), escapeTableCell(holder.person) || NOBODY, formatDateTime(holder.assignedAt, zone), escapeTableCell(holder.assignedBy)]));
    }
    lines.push('', `${roles.length} role assignment${roles.length === 1 ? '' : 's'} in all; the full list is in the incident archive.`, '');
  } else {
    lines.push('*No roles were assigned.*', '');
  }
  if (handoffs.length === 0) {
    lines.push('*No handoffs.*');
    return lines;
  }
  lines.push('Handoffs:', '');
  for (const handoff of [...handoffs].sort((a, b) => byInstant(a.at, b.at) || (a.id < b.id ? -1 : 1))) {
    const from = escapeInline(handoff.from) || NOBODY;
    const to = escapeInline(handoff.to) || NOBODY;
    lines.push(`- ${formatDateTime(handoff.at, zone)}, ${escapeInline(handoff.role) || 'role'}: ${from} → ${to}`);
  }
  return lines;
}
