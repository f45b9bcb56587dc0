// What the Roles view lists, computed from plain values so it can be tested without a DOM:
// every standard role (held or vacant), then custom roles in the order they first appeared,
// and the people worth suggesting in the name field.
import { currentRoles } from '../../shared/model/roleRecords';
import { STANDARD_ROLES, type RoleAssignment } from '../../shared/model/coordinationTypes';

export interface RoleRow {
  role: string;
  /** '' when vacant. */
  holder: string;
  standard: boolean;
  /** When the current holder was given the role; null when vacant. */
  since: string | null;
}

const COMMANDER = 'commander';

/** Rows for every standard role and every custom role ever assigned. The commander falls back to the incident's field. */
export function roleRows(roles: RoleAssignment[], incidentCommander: string, extraRoles: readonly string[] = []): RoleRow[] {
  const holders = currentRoles(roles);
  const since = new Map<string, string>();
  for (const r of roles) since.set(r.role, r.assignedAt);
  const standard: ReadonlySet<string> = new Set(STANDARD_ROLES);
  const names = [...STANDARD_ROLES, ...[...holders.keys(), ...extraRoles].filter((r) => !standard.has(r))];
  return [...new Set(names)].map((role) => {
    const holder = holders.get(role) ?? (role === COMMANDER ? incidentCommander : '');
    return { role, holder, standard: standard.has(role), since: holders.has(role) ? (since.get(role) ?? null) : null };
  });
}

/** Everyone who wrote on the timeline or held a role, sorted, for the person field's suggestions. */
export function knownPeople(authors: readonly string[], roles: RoleAssignment[], incidentCommander: string): string[] {
  const people = new Set<string>(authors);
  for (const r of roles) people.add(r.person);
  if (incidentCommander) people.add(incidentCommander);
  people.delete('');
  return [...people].sort((a, b) => a.localeCompare(b));
}
