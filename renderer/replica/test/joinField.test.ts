import { describe, expect, it } from 'vitest';
import { buildBrowserUrl, buildJoinLink } from '../../../shared/protocol/room';
import { checkJoinField, joinErrorMessage } from '../joinField';
import { canWriteJoined, roomDetail, roomStatusLabel } from '../roomStatusLabel';

const ROOM = '01HZX3Y4Z5A6B7C8D9E0F1G2H3';
const link = { host: '192.168.1.20', port: 7420, room: ROOM, token: 'a'.repeat(43) };

describe('checkJoinField', () => {
  it('accepts a whole join link, a browser room URL and the spoken short form in any order', () => {
    expect(checkJoinField(`  ${buildJoinLink(link)} `)).toEqual({ ok: true, kind: 'link' });
    expect(checkJoinField(buildJoinLink({ ...link, tls: 'ab'.repeat(32) }))).toEqual({ ok: true, kind: 'link' });
    expect(checkJoinField(buildBrowserUrl(link))).toEqual({ ok: true, kind: 'url' });
    expect(checkJoinField(`192.168.1.20:7420 ${ROOM} ABCD-EFGH-JKMN`)).toEqual({ ok: true, kind: 'code' });
    expect(checkJoinField(`abcdefghjkmn ${ROOM} [::1]:7420`)).toEqual({ ok: true, kind: 'code' });
  });

  it('names what is missing instead of sending it to the host', () => {
    expect(checkJoinField('   ')).toMatchObject({ ok: false, message: expect.stringMatching(/Paste the join link/) });
    expect(checkJoinField(buildJoinLink(link).slice(0, -10))).toMatchObject({ ok: false, message: expect.stringMatching(/incomplete/) });
    expect(checkJoinField('http://192.168.1.20:7420/')).toMatchObject({ ok: false, message: expect.stringMatching(/no room/) });
    expect(checkJoinField(buildBrowserUrl(link).replace('http:', 'https:'))).toMatchObject({ ok: false, message: expect.stringMatching(/warroom:\/\/join/) });
    expect(checkJoinField('ABCD-EFGH-JKMN')).toMatchObject({ ok: false, message: expect.stringMatching(/address and port/) });
    expect(checkJoinField('10.0.0.5:7420 ABCD-EFGH-JKMN')).toMatchObject({ ok: false, message: expect.stringMatching(/room id/) });
    expect(checkJoinField(`10.0.0.5:7420 ${ROOM}`)).toMatchObject({ ok: false, message: expect.stringMatching(/join code/) });
    expect(checkJoinField(`10.0.0.5:99999 ${ROOM} ABCD-EFGH-JKMN`)).toMatchObject({ ok: false, message: expect.stringMatching(/1 to 65535/) });
    expect(checkJoinField('please let me in')).toMatchObject({ ok: false, message: expect.stringMatching(/"please"/) });
  });
});

describe('joinErrorMessage', () => {
  it('suggests a new invitation when the room refused the token, and passes other errors through', () => {
    expect(joinErrorMessage({ code: 'room-refused', message: 'Could not join the room at h:1: HTTP 401.' })).toMatch(/revoked: ask for a new one/);
    expect(joinErrorMessage({ code: 'unreachable', message: 'Could not verify the room.' })).toBe('Could not verify the room.');
  });
});

describe('roomStatusLabel', () => {
  const base = { state: 'online' as const, unconfirmed: 0, problem: null };
  it('says online, syncing, or offline with the count of changes the room has not confirmed', () => {
    expect(roomStatusLabel(base)).toEqual({ text: 'Room: online', tone: 'ok' });
    expect(roomStatusLabel({ ...base, state: 'syncing' })).toEqual({ text: 'Syncing…', tone: 'busy' });
    expect(roomStatusLabel({ ...base, state: 'syncing', unconfirmed: 1 }).text).toBe('Syncing… 1 change not confirmed');
    expect(roomStatusLabel({ ...base, state: 'offline' })).toEqual({ text: 'Room: offline', tone: 'warn' });
    expect(roomStatusLabel({ ...base, state: 'offline', unconfirmed: 3 })).toEqual({ text: 'Room: offline — 3 changes not confirmed', tone: 'danger' });
  });

  it('says when this host took the room over', () => {
    expect(roomStatusLabel({ ...base, state: 'offline', hosting: true })).toEqual({ text: 'Room: hosted here', tone: 'ok' });
  });

  it('puts a refusal that stopped the retries first', () => {
    const revoked = 'the room closed the connection: token-revoked';
    expect(roomStatusLabel({ ...base, state: 'offline', unconfirmed: 2, problem: revoked })).toEqual({ text: `Room: disconnected — ${revoked}`, tone: 'danger' });
  });

  it('keeps a room that is merely down (still retried) as offline, the socket error in the details', () => {
    const down = { ...base, state: 'offline' as const, unconfirmed: 1, problem: 'connect ECONNREFUSED 127.0.0.1:7420' };
    expect(roomStatusLabel(down).text).toBe('Room: offline — 1 change not confirmed');
    expect(roomDetail({ ...down, remote: '127.0.0.1:7420', role: 'responder' })).toBe('via 127.0.0.1:7420 as responder (last error: connect ECONNREFUSED 127.0.0.1:7420)');
  });

  it('tells where the room is and the role, and makes observers read-only', () => {
    expect(roomDetail({ remote: '10.0.0.5:7420', role: 'observer' })).toBe('via 10.0.0.5:7420 as observer');
    expect(roomDetail({ remote: '10.0.0.5:7420', role: null })).toBe('via 10.0.0.5:7420');
    expect(canWriteJoined({ role: 'observer' })).toBe(false);
    expect(canWriteJoined({ role: 'responder' })).toBe(true);
    expect(canWriteJoined({ role: null })).toBe(true);
    expect(canWriteJoined(undefined)).toBe(true);
  });
});
