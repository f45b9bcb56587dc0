// The postmortem's Roles and handoffs section: who holds each role now, and every handoff.
import { STANDARD_ROLES } from '../model/coordinationTypes';
import type { Handoff, RoleAssignment } from '../model/coordinationTypes';
import { formatDateTime } from '../time/format';
import { escapeInline, escapeTableCell } from './escape';
import { byInstant, NOBODY, tableRow } from './tableRow';

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
