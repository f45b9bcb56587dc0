import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, pragmaValue } from '../../sqlite';
import { IncidentStore } from '../../store';
import { STORE_SCHEMA, STORE_SCHEMA_VERSION, WAR_ROOM_APPLICATION_ID } from '../../storeSchema';
import { tempDir } from '../../test/helpers';
import { IntakeTokens } from '../intakeTokens';

describe('intake tokens in the store', () => {
  it('a store of the first version gains the intake tables, keeps its rows, and is marked with the new version', () => {
    const dir = tempDir('warroom-intake-store-');
    const file = path.join(dir, 'warroom.db');
    const v1 = openDatabase(file);
    v1.exec(STORE_SCHEMA);
    v1.exec(`PRAGMA application_id = ${WAR_ROOM_APPLICATION_ID}`);
    v1.exec('PRAGMA user_version = 1');
    v1.prepare('INSERT INTO incidents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run('01KOLD', 'Old', 'SEV2', 'resolved', null, null, '2026-01-01T00:00:00.000Z', 'UTC', 3, '2026-01-01T00:00:00.000Z');
    v1.close();

    const store = IncidentStore.open(dir);
    expect(store.status.ok).toBe(true);
    expect(Number(pragmaValue(store.database(), 'user_version'))).toBe(STORE_SCHEMA_VERSION);
    expect(store.listSummaries().map((s) => s.id)).toEqual(['01KOLD']);
    const tokens = new IntakeTokens(store);
    const { secret } = tokens.create('alertmanager', { route: 'new' });
    expect(tokens.verify(secret)).toMatchObject({ source: 'alertmanager', rule: { route: 'new', severityLabel: 'severity', serviceLabel: 'service' } });
    store.close();
  });

  it('keeps only a hash of the secret, and a revoked token verifies no more', () => {
    const store = IncidentStore.open(tempDir('warroom-intake-store-'));
    const tokens = new IntakeTokens(store);
    const { id, secret } = tokens.create('generic', { route: 'append', service: 'checkout', titleTemplate: '{{alertname}} ({{service}})' });
    const raw = JSON.stringify(store.database().prepare('SELECT * FROM intake_tokens').all(), (_, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('base64url') : v));
    expect(raw).not.toContain(secret);
    expect(tokens.list()).toEqual([expect.objectContaining({ id, source: 'generic', route: 'append', service: 'checkout', titleTemplate: '{{alertname}} ({{service}})', revokedAt: null })]);
    expect(tokens.verify(secret)?.tokenId).toBe(id);
    // One character changed (never to itself: a secret may already end in A).
    expect(tokens.verify(`${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`)).toBeNull();
    expect(tokens.revoke(id)).toBe(true);
    expect(tokens.revoke(id)).toBe(false);
    expect(tokens.verify(secret)).toBeNull();
    store.close();
  });
});
