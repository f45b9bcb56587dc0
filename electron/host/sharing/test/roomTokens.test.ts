import { openDatabase } from '../../sqlite';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IncidentStore, DB_FILE_NAME } from '../../store';
import { tempDir } from '../../test/helpers';
import { ConnectionRateLimiter } from '../rateLimit';
import { RoomTokens } from '../roomTokens';

const INCIDENT = '01ARZ3NDEKTSV4RRFFQ69G5FAV';

describe('RoomTokens', () => {
  let dir: string;
  let store: IncidentStore;
  let tokens: RoomTokens;
  beforeEach(() => {
    dir = tempDir();
    store = IncidentStore.open(dir);
    tokens = new RoomTokens(store);
  });
  afterEach(() => store.close());

  it('verifies by secret or by code (typed loosely), and stores neither', () => {
    const { id, secret, code } = tokens.create({ role: 'observer', incidentId: INCIDENT, name: ' Dana ' });
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){2}$/);
    const grant = { tokenId: id, role: 'observer', incidentId: INCIDENT, name: 'Dana' };
    expect(tokens.verify(secret)).toEqual(grant);
    expect(tokens.verify(code)).toEqual(grant);
    expect(tokens.verify(` ${code.toLowerCase().replace(/-/g, ' ')}`.trim().replace(/ /g, ''))).toEqual(grant);
    for (const bad of [null, '', 'x', `${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`, 'AAAA-AAAA-AAAA', secret.slice(1)]) expect(tokens.verify(bad)).toBeNull();
    store.close();
    const raw = openDatabase(path.join(dir, DB_FILE_NAME), { readOnly: true });
    const bytes = JSON.stringify(raw.prepare('SELECT * FROM room_tokens').all());
    raw.close();
    expect(bytes).not.toContain(secret);
    expect(bytes).not.toContain(code);
    store = IncidentStore.open(dir);
    tokens = new RoomTokens(store);
    expect(tokens.verify(secret)?.tokenId).toBe(id);
  });

  it('revokes once, tells listeners, and lists per incident', () => {
    const a = tokens.create({ role: 'responder', incidentId: INCIDENT });
    const b = tokens.create({ role: 'observer', incidentId: '01BX5ZZKBKACTAV9WEVGEMMVRZ' });
    const heard: string[] = [];
    tokens.onRevoke((id) => heard.push(id));
    expect(tokens.revoke(a.id)).toBe(true);
    expect(tokens.revoke(a.id)).toBe(false);
    expect(tokens.revoke('nope')).toBe(false);
    expect(heard).toEqual([a.id]);
    expect(tokens.verify(a.secret)).toBeNull();
    expect(tokens.verify(a.code)).toBeNull();
    expect(tokens.revokedAmong([a.id, b.id])).toEqual([a.id]);
    expect(tokens.list(INCIDENT).map((t) => [t.id, t.name, t.revokedAt !== null])).toEqual([[a.id, null, true]]);
    expect(tokens.list()).toHaveLength(2);
  });
});

describe('ConnectionRateLimiter', () => {
  it('allows max attempts per address per window, then refuses until the window passes', () => {
    let now = 0;
    const limiter = new ConnectionRateLimiter({ max: 3, windowMs: 1000, now: () => now });
    expect([1, 2, 3, 4].map(() => limiter.attempt('a'))).toEqual([true, true, true, false]);
    expect(limiter.attempt('b')).toBe(true);
    now = 999;
    expect(limiter.attempt('a')).toBe(false);
    now = 1000;
    expect(limiter.attempt('a')).toBe(true);
  });
});
