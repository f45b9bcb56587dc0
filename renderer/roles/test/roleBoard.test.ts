import { describe, expect, it } from 'vitest';
import type { RoleAssignment } from '../../../shared/model/coordinationTypes';
import { knownPeople, roleRows } from '../roleBoard';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 21, 20, minute)).toISOString();
const assign = (role: string, person: string, minute: number): RoleAssignment => ({ role, person, assignedBy: 'ana', assignedAt: at(minute) });

describe('roleRows', () => {
  it('lists every standard role, held or vacant, then custom roles in first-assignment order', () => {
    const rows = roleRows([assign('DBA on call', 'Mo', 1), assign('scribe', 'Lee', 2), assign('scribe', 'Kim', 3), assign('liaison', 'Jo', 4)], '');
    expect(rows.map((r) => [r.role, r.holder, r.standard])).toEqual([
      ['commander', '', true],
      ['comms lead', '', true],
      ['scribe', 'Kim', true],
      ['operations lead', '', true],
      ['DBA on call', 'Mo', false],
      ['liaison', 'Jo', false],
    ]);
    expect(rows[2]?.since).toBe(at(3));
    expect(rows[0]?.since).toBeNull();
  });

  it('shows the incident commander field until the role is assigned', () => {
    expect(roleRows([], 'Priya')[0]).toMatchObject({ role: 'commander', holder: 'Priya', since: null });
    expect(roleRows([assign('commander', 'Sam', 5)], 'Priya')[0]).toMatchObject({ holder: 'Sam', since: at(5) });
  });
});

describe('knownPeople', () => {
  it('merges timeline authors, role holders and the commander, sorted, without blanks or repeats', () => {
    expect(knownPeople(['priya', 'lee', ''], [assign('scribe', 'lee', 1), assign('commander', 'Sam', 2)], 'Ana')).toEqual(['Ana', 'lee', 'priya', 'Sam']);
  });
});
