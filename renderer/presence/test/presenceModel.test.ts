import { describe, expect, it } from 'vitest';
import type { RoleAssignment } from '../../../shared/model/coordinationTypes';
import { roomCloseMessage } from '../../client/roomClose';
import { describePresence, initialsOf, presenceRows } from '../presenceModel';
import { roomSyncLabel } from '../syncLabel';

const role = (r: string, person: string): RoleAssignment => ({ role: r, person, assignedBy: 'x', assignedAt: '2024-01-01T00:00:00.000Z' as RoleAssignment['assignedAt'] });

describe('presenceRows', () => {
  const states = new Map<number, unknown>([
    [7, { user: { name: 'Zoe Stakeholder', roomRole: 'observer' }, view: 'decisions' }],
    [3, { user: { name: 'Priya Raman', roomRole: 'responder' }, view: 'timeline', typing: true }],
    [9, { user: { name: 'Bo', roomRole: 'responder' }, view: 'no-such-tab', typing: 'yes' }],
    [11, {}],
    [12, { user: { name: '', roomRole: 'responder' } }],
    [13, { user: { name: 'Mallory', roomRole: 'admin' } }],
    [14, null],
  ]);

  it('lists welcomed pages, self first then by name, and leaves out states without a valid user', () => {
    const rows = presenceRows(states, 9, []);
    expect(rows.map((r) => [r.clientId, r.name, r.self])).toEqual([
      [9, 'Bo', true],
      [3, 'Priya Raman', false],
      [7, 'Zoe Stakeholder', false],
    ]);
  });

  it('shows room role, the view by its label, typing, and junk fields as absent', () => {
    const [bo, priya, zoe] = presenceRows(states, 9, []);
    expect(priya).toMatchObject({ initials: 'PR', roomRole: 'responder', view: 'Timeline', typing: true });
    expect(zoe).toMatchObject({ initials: 'ZS', roomRole: 'observer', view: 'Decisions', typing: false });
    expect(bo).toMatchObject({ view: null, typing: false });
  });

  it('names the incident roles each person holds now (latest assignment wins; commander falls back to the incident field)', () => {
    const roles = [role('scribe', 'Bo'), role('comms lead', 'priya raman'), role('scribe', 'Priya Raman')];
    const rows = presenceRows(states, 9, roles, 'Priya Raman');
    expect(rows.find((r) => r.name === 'Priya Raman')?.incidentRoles.sort()).toEqual(['commander', 'comms lead', 'scribe']);
    expect(rows.find((r) => r.name === 'Bo')?.incidentRoles).toEqual([]);
    expect(presenceRows(states, 9, [role('commander', 'Bo')], 'Priya Raman').find((r) => r.name === 'Bo')?.incidentRoles).toEqual(['commander']);
  });

  it('describes a row in one line for screen readers and tooltips', () => {
    const rows = presenceRows(states, 3, [role('commander', 'Priya Raman')]);
    expect(describePresence(rows[0]!)).toBe('Priya Raman (you), responder, commander, on Timeline, typing');
    expect(describePresence(rows.find((r) => r.clientId === 7)!)).toBe('Zoe Stakeholder, observer, on Decisions');
  });
});

describe('initialsOf', () => {
  it('takes the first letters of the first and last words', () => {
    expect(initialsOf('Priya Raman')).toBe('PR');
    expect(initialsOf('  bo ')).toBe('B');
    expect(initialsOf('Jean Luc Picard')).toBe('JP');
    expect(initialsOf('Łukasz Żak')).toBe('ŁŻ');
  });

  it('skips a bracketed role tag and punctuation, never showing a bracket', () => {
    expect(initialsOf('Alice (IC)')).toBe('A');
    expect(initialsOf('Sam Okafor [comms]')).toBe('SO');
    expect(initialsOf('"Bo" Diaz')).toBe('BD');
    expect(initialsOf('(IC)')).toBe('I');
    expect(initialsOf('Jean-Luc Picard')).toBe('JP');
  });
});

describe('roomSyncLabel', () => {
  it('says online, syncing or offline with the number of unconfirmed changes', () => {
    expect(roomSyncLabel({ connection: 'online', unsynced: 0 })).toEqual({ text: 'Online', tone: 'ok' });
    expect(roomSyncLabel({ connection: 'online', unsynced: 2 })).toEqual({ text: 'Syncing — 2 changes unconfirmed', tone: 'busy' });
    expect(roomSyncLabel({ connection: 'offline', unsynced: 0 })).toEqual({ text: 'Offline', tone: 'warn' });
    expect(roomSyncLabel({ connection: 'offline', unsynced: 1 })).toEqual({ text: 'Offline — 1 change unconfirmed', tone: 'danger' });
    expect(roomSyncLabel({ connection: 'connecting', unsynced: 3 }).text).toBe('Connecting… — 3 changes unconfirmed');
  });
});

describe('roomCloseMessage', () => {
  it('explains the host’s final closes and leaves ordinary drops to the reconnect loop', () => {
    expect(roomCloseMessage(4401, 'token-revoked')).toMatch(/revoked/);
    expect(roomCloseMessage(4403, 'observer-read-only')).toMatch(/observer/);
    expect(roomCloseMessage(4403, 'forged-presence')).toMatch(/presence/);
    expect(roomCloseMessage(1006, '')).toBeNull();
    expect(roomCloseMessage(1000, '')).toBeNull();
  });
});
