import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { CommandError } from '../commands';
import { readEntries, readIncident } from '../doc';
import { assignRole, currentRoles, handOff, normalizeRole, readHandoffs, readRoles, writeRoles } from '../roles';
import type { RoleAssignment } from '../coordinationTypes';
import { contextFor, openIncident } from './fixtures';

function handoffEntries(doc: Y.Doc): string[] {
  return readEntries(doc)
    .filter((e) => e.kind === 'handoff')
    .map((e) => e.text);
}

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('assignRole', () => {
  it('records the assignment and a handoff entry naming the previous holder', () => {
    const { doc, ctx } = openIncident();
    assignRole(doc, ctx, 'comms lead', 'Priya');
    assignRole(doc, contextFor('lee', '2026-11-21T21:00:00.000Z'), 'Comms  Lead', 'Sam Okafor');
    expect(handoffEntries(doc)).toEqual(['Priya is now comms lead', 'Sam Okafor is now comms lead (was Priya)']);
    const roles = readRoles(doc);
    expect(roles.map((r) => [r.role, r.person, r.assignedBy])).toEqual([
      ['comms lead', 'Priya', 'ana'],
      ['comms lead', 'Sam Okafor', 'lee'],
    ]);
    expect(roles[1]?.assignedAt).toBe('2026-11-21T21:00:00.000Z');
    expect(currentRoles(roles).get('comms lead')).toBe('Sam Okafor');
  });

  it('keeps custom roles as typed (whitespace tidied) and standard ones in their standard spelling', () => {
    expect(normalizeRole('  DBA   on call ')).toBe('DBA on call');
    expect(normalizeRole('OPERATIONS LEAD')).toBe('operations lead');
    const { doc, ctx } = openIncident();
    assignRole(doc, ctx, 'DBA on call', 'Mo');
    expect(currentRoles(readRoles(doc)).get('DBA on call')).toBe('Mo');
  });

  it('keeps the incident commander in meta in sync, and names the commander set at creation as "was"', () => {
    const { doc, ctx } = openIncident();
    doc.transact(() => doc.getMap('meta').set('commander', 'Ana'));
    assignRole(doc, ctx, 'commander', 'Sam');
    expect(readIncident(doc)?.commander).toBe('Sam');
    expect(handoffEntries(doc)).toEqual(['Sam is now commander (was Ana)']);
  });

  it('writes nothing when the holder is unchanged, in one update otherwise', () => {
    const { doc, ctx } = openIncident();
    assignRole(doc, ctx, 'scribe', 'Lee');
    let updates = 0;
    doc.on('update', () => (updates += 1));
    assignRole(doc, ctx, 'scribe', 'Lee');
    expect(updates).toBe(0);
    assignRole(doc, ctx, 'commander', 'Lee');
    expect(updates).toBe(1);
  });

  it('refuses an empty role or person with a sentence and the field', () => {
    const { doc, ctx } = openIncident();
    expect(() => assignRole(doc, ctx, '  ', 'Lee')).toThrow(CommandError);
    try {
      assignRole(doc, ctx, 'scribe', ' ');
      expect.unreachable();
    } catch (error) {
      expect((error as CommandError).field).toBe('person');
      expect((error as CommandError).message).toMatch(/who takes the role/);
    }
    expect(readRoles(doc)).toEqual([]);
  });

  it('converges when two people assign the same role at once, keeping both assignments', () => {
    const { doc: a, ctx } = openIncident();
    const b = new Y.Doc();
    sync(a, b);
    assignRole(a, ctx, 'comms lead', 'Priya');
    assignRole(b, contextFor('lee'), 'comms lead', 'Sam');
    sync(a, b);
    expect(readRoles(a)).toEqual(readRoles(b));
    expect(readRoles(a)).toHaveLength(2);
    expect(currentRoles(readRoles(a)).get('comms lead')).toBe(currentRoles(readRoles(b)).get('comms lead'));
  });
});

describe('handOff', () => {
  it('records the handoff, reassigns the role and logs one handoff entry, in one transaction', () => {
    const { doc, ctx } = openIncident();
    assignRole(doc, ctx, 'commander', 'Priya');
    let updates = 0;
    doc.on('update', () => (updates += 1));
    const id = handOff(doc, contextFor('priya', '2026-11-22T08:00:00.000Z'), { role: 'commander', to: 'Sam Okafor', briefing: '# Handoff\n' });
    expect(updates).toBe(1);
    expect(readHandoffs(doc)).toEqual([
      { id, role: 'commander', from: 'Priya', to: 'Sam Okafor', at: '2026-11-22T08:00:00.000Z', briefing: '# Handoff\n' },
    ]);
    expect(currentRoles(readRoles(doc)).get('commander')).toBe('Sam Okafor');
    expect(readIncident(doc)?.commander).toBe('Sam Okafor');
    expect(handoffEntries(doc)).toEqual(['Priya is now commander', 'Handoff: Sam Okafor is now commander (was Priya), with a briefing']);
  });

  it('refuses a role nobody holds, and handing to the current holder', () => {
    const { doc, ctx } = openIncident();
    expect(() => handOff(doc, ctx, { role: 'scribe', to: 'Sam', briefing: 'x' })).toThrow(/Nobody holds scribe/);
    assignRole(doc, ctx, 'scribe', 'Sam');
    expect(() => handOff(doc, ctx, { role: 'scribe', to: 'Sam', briefing: 'x' })).toThrow(/already holds scribe/);
    expect(readHandoffs(doc)).toEqual([]);
  });
});

describe('readers and writers', () => {
  it('round-trips archived roles and handoffs through writeRoles', () => {
    const roles: RoleAssignment[] = [{ role: 'scribe', person: 'Lee', assignedBy: 'ana', assignedAt: '2026-11-21T20:00:00.000Z' }];
    const handoffs = [{ id: 'h1', role: 'scribe', from: 'Lee', to: 'Mo', at: '2026-11-21T22:00:00.000Z', briefing: 'b' }];
    const doc = new Y.Doc();
    doc.transact(() => writeRoles(doc, roles, handoffs));
    expect(readRoles(doc)).toEqual(roles);
    expect(readHandoffs(doc)).toEqual(handoffs);
  });

  it('reads damaged values as nothing rather than throwing', () => {
    const doc = new Y.Doc();
    doc.getArray<unknown>('roles').push(['{not json', 42, null, JSON.stringify({ role: 'scribe' })]);
    doc.getMap<unknown>('handoffs').set('x', 7);
    expect(readRoles(doc)).toEqual([]);
    expect(readHandoffs(doc)).toEqual([]);
  });

  it('currentRoles: the last assignment of each role wins', () => {
    const at = '2026-11-21T20:00:00.000Z';
    const map = currentRoles([
      { role: 'commander', person: 'A', assignedBy: 'x', assignedAt: at },
      { role: 'scribe', person: 'B', assignedBy: 'x', assignedAt: at },
      { role: 'commander', person: 'C', assignedBy: 'x', assignedAt: at },
    ]);
    expect([...map]).toEqual([
      ['commander', 'C'],
      ['scribe', 'B'],
    ]);
  });
});
