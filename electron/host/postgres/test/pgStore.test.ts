// The one store interface against both stores: SQLite in a temp data dir, and PostgreSQL in a
// throwaway cluster (initdb + postgres on a free loopback port, stopped by pid). Plus what only
// the PostgreSQL store has: its migrations (from an empty database and from the previous
// version) and revocations heard by another process' store through LISTEN/NOTIFY.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addEntry, createIncident } from '../../../../shared/model/commands';
import { readEntries } from '../../../../shared/model/doc';
import { newId } from '../../../../shared/model/ids';
import type { IncidentSummary } from '../../../../shared/model/types';
import { incidentDocName } from '../../../../shared/protocol/api';
import type { DocumentStore } from '../../documentStore';
import { loadStoredDoc, SqliteDocumentStore } from '../../sqliteDocumentStore';
import { tempDir, waitFor } from '../../test/helpers';
import { startPostgres, type PostgresCluster } from '../../test/realServers';
import { migratePostgres, PG_MIGRATIONS, PG_SCHEMA_VERSION, pgSchemaVersion } from '../pgSchema';
import { PgStore } from '../pgStore';

/** initdb and a first start take several seconds on a loaded 2-core machine. */
const CLUSTER_START_MS = 120_000;

let cluster: PostgresCluster;
let databases = 0;
const freshDatabase = () => cluster.createDatabase(`store_${++databases}`);

beforeAll(async () => {
  cluster = await startPostgres();
}, CLUSTER_START_MS);
afterAll(async () => {
  await cluster?.destroy();
});

function summaryOf(id: string, title: string): IncidentSummary {
  return {
    id, title, severity: 'SEV1', status: 'investigating', startedAt: '2026-11-21T23:06:00.000Z', resolvedAt: null,
    createdAt: '2026-11-21T23:07:00.000Z', timeZone: 'America/Denver', entryCount: 0, updatedAt: '2026-11-21T23:07:00.000Z',
  };
}

/** A document whose every update goes to the store; returns the updates' promises to await. */
function writer(store: DocumentStore, id: string) {
  const doc = new Y.Doc();
  const writes: Promise<void>[] = [];
  doc.on('update', (u: Uint8Array) => writes.push(store.append(incidentDocName(id), u)));
  createIncident(doc, { author: 'Priya' }, { id, title: 'Replica lag', severity: 'SEV2', startedAt: '2026-11-21T23:06:00.000Z', timeZone: 'UTC' });
  return { doc, add: (text: string) => addEntry(doc, { author: 'Priya' }, { text }), flushed: () => Promise.all(writes) };
}

const stores: Array<[string, () => Promise<DocumentStore>]> = [
  ['SQLite', async () => SqliteDocumentStore.open(tempDir('warroom-iface-'))],
  ['PostgreSQL', async () => PgStore.open({ url: freshDatabase() })],
];

describe.each(stores)('the store interface on %s', (_name, open) => {
  it('keeps every appended update, and compaction folds them into one snapshot without changing the state', async () => {
    const store = await open();
    try {
      const id = newId();
      const w = writer(store, id);
      for (let i = 0; i < 30; i += 1) w.add(`step ${i}`);
      await w.flushed();
      const before = await loadStoredDoc(store, incidentDocName(id));
      expect(readEntries(before as Y.Doc).map((e) => e.text)).toEqual(readEntries(w.doc).map((e) => e.text));
      expect(await store.pendingUpdateCount(incidentDocName(id))).toBeGreaterThan(30);
      expect(await store.compact(incidentDocName(id))).toBeGreaterThan(30);
      expect(await store.pendingUpdateCount(incidentDocName(id))).toBe(0);
      const after = await loadStoredDoc(store, incidentDocName(id));
      expect(Y.encodeStateVector(after as Y.Doc)).toEqual(Y.encodeStateVector(w.doc));
      // Written after compaction: replayed on top of the snapshot.
      w.add('after the snapshot');
      await w.flushed();
      expect(readEntries((await loadStoredDoc(store, incidentDocName(id))) as Y.Doc).map((e) => e.text)).toContain('after the snapshot');
      expect(await store.docNames()).toContain(incidentDocName(id));
      expect(await store.hasDoc(incidentDocName(newId()))).toBe(false);
    } finally {
      await store.close();
    }
  });

  it('keeps the incident index, and writes a new document with its row together', async () => {
    const store = await open();
    try {
      const id = newId();
      const doc = new Y.Doc();
      createIncident(doc, { author: 'Priya' }, { id, title: 'Disk full', severity: 'SEV1', startedAt: '2026-11-21T23:06:00.000Z', timeZone: 'UTC' });
      await store.appendNewDoc(incidentDocName(id), Y.encodeStateAsUpdate(doc), summaryOf(id, 'Disk full'));
      expect(await store.getSummary(id)).toEqual(summaryOf(id, 'Disk full'));
      await store.upsertSummary({ ...summaryOf(id, 'Disk full on db-2'), status: 'resolved', resolvedAt: '2026-11-22T01:00:00.000Z' });
      expect((await store.listSummaries()).map((s) => [s.title, s.status])).toEqual([['Disk full on db-2', 'resolved']]);
      expect(await store.hasDoc(incidentDocName(id))).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('verifies room and intake tokens by secret or join code, and not after revocation', async () => {
    const store = await open();
    try {
      const incidentId = newId();
      const made = await store.roomTokens.create({ role: 'observer', incidentId, name: ' Sam ' });
      const grant = { tokenId: made.id, role: 'observer', incidentId, name: 'Sam' };
      expect(await store.roomTokens.verify(made.secret)).toEqual(grant);
      expect(await store.roomTokens.verify(made.code.toLowerCase())).toEqual(grant);
      expect(await store.roomTokens.verify('not-a-token')).toBeNull();
      const revoked: string[] = [];
      store.onRoomTokenRevoked((tokenId) => revoked.push(tokenId));
      if (store instanceof PgStore) await (store as unknown as { revocations: { ready(): Promise<void> } }).revocations.ready();
      expect(await store.roomTokens.revoke(made.id)).toBe(true);
      expect(await store.roomTokens.revoke(made.id)).toBe(false);
      expect(await store.roomTokens.verify(made.secret)).toBeNull();
      expect(await store.roomTokens.isRevoked(made.id)).toBe(true);
      await waitFor(() => revoked.includes(made.id), 10_000, 'the revocation to be heard');
      expect((await store.roomTokens.list(incidentId)).map((t) => [t.name, t.revokedAt !== null])).toEqual([['Sam', true]]);

      const intake = await store.intakeTokens.create('alertmanager', { route: 'append', service: 'db' });
      expect((await store.intakeTokens.verify(intake.secret))?.rule).toMatchObject({ route: 'append', service: 'db' });
      expect(await store.intakeTokens.revoke(intake.id)).toBe(true);
      expect(await store.intakeTokens.verify(intake.secret)).toBeNull();
      expect((await store.intakeTokens.list()).map((t) => t.revokedAt !== null)).toEqual([true]);
    } finally {
      await store.close();
    }
  });
});

describe('the PostgreSQL store', () => {
  it('migrates an empty database to the current version in one step per version, and leaves a current one alone', async () => {
    const url = freshDatabase();
    const pool = new pg.Pool({ connectionString: url });
    try {
      expect(await pgSchemaVersion(pool)).toBe(0);
      expect(await migratePostgres(pool, url)).toEqual({ from: 0, to: PG_SCHEMA_VERSION });
      const steps = await pool.query<{ version: number }>('SELECT version FROM warroom_schema_version ORDER BY version');
      expect(steps.rows.map((r) => r.version)).toEqual(PG_MIGRATIONS.map((m) => m.version));
      expect(await migratePostgres(pool, url)).toEqual({ from: PG_SCHEMA_VERSION, to: PG_SCHEMA_VERSION });
    } finally {
      await pool.end();
    }
  });

  it('migrates a database at the previous version without losing its rows', async () => {
    const url = freshDatabase();
    const pool = new pg.Pool({ connectionString: url });
    const id = newId();
    try {
      await migratePostgres(pool, url, PG_SCHEMA_VERSION - 1);
      expect(await pgSchemaVersion(pool)).toBe(PG_SCHEMA_VERSION - 1);
      await pool.query('INSERT INTO updates(doc, data) VALUES ($1, $2)', [incidentDocName(id), Buffer.from([0, 0])]);
      await pool.query("INSERT INTO room_tokens(id, secret_hash, code_hash, role, incident_id, created_at) VALUES ('t1', '\\x01', '\\x02', 'responder', $1, 'now')", [id]);
    } finally {
      await pool.end();
    }
    const store = await PgStore.open({ url });
    try {
      expect(await pgSchemaVersion(store.pool)).toBe(PG_SCHEMA_VERSION);
      expect(await store.hasDoc(incidentDocName(id))).toBe(true);
      expect((await store.roomTokens.list(id)).map((t) => t.id)).toEqual(['t1']);
      expect(await store.intakeTokens.list()).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('rolls a failing migration back whole and refuses a database from a newer build untouched', async () => {
    const url = freshDatabase();
    const pool = new pg.Pool({ connectionString: url });
    try {
      // A table in the way of the first step: the step fails, and the version table it created goes too.
      await pool.query('CREATE TABLE incidents(x INTEGER)');
      await expect(migratePostgres(pool, url)).rejects.toThrow(/incidents/);
      expect(await pgSchemaVersion(pool)).toBe(0);
      await pool.query('DROP TABLE incidents');
      await migratePostgres(pool, url);
      await pool.query('INSERT INTO warroom_schema_version(version) VALUES ($1)', [PG_SCHEMA_VERSION + 1]);
    } finally {
      await pool.end();
    }
    await expect(PgStore.open({ url })).rejects.toThrow(/newer War Room \(store version 3; this build reads up to 2\)/);
  });

  it('keeps an update that commits while a compaction runs', async () => {
    const store = await PgStore.open({ url: freshDatabase() });
    try {
      const id = newId();
      const w = writer(store, id);
      for (let i = 0; i < 50; i += 1) w.add(`before ${i}`);
      await w.flushed();
      // Appends race the compaction; whichever side of it they land on, none may go missing.
      const compaction = store.compact(incidentDocName(id));
      for (let i = 0; i < 20; i += 1) w.add(`during ${i}`);
      await Promise.all([compaction, w.flushed()]);
      const loaded = await loadStoredDoc(store, incidentDocName(id));
      expect(readEntries(loaded as Y.Doc).map((e) => e.text)).toEqual(readEntries(w.doc).map((e) => e.text));
    } finally {
      await store.close();
    }
  });

  it('tells another instance of a revocation, also one made while its listening connection was down', async () => {
    const url = freshDatabase();
    const [a, b] = [await PgStore.open({ url }), await PgStore.open({ url })];
    try {
      const heard: string[] = [];
      b.onRoomTokenRevoked((tokenId) => heard.push(tokenId));
      await (b as unknown as { revocations: { ready(): Promise<void> } }).revocations.ready();
      const first = await a.roomTokens.create({ role: 'responder', incidentId: newId() });
      const second = await a.roomTokens.create({ role: 'responder', incidentId: newId() });
      await a.roomTokens.revoke(first.id);
      await waitFor(() => heard.includes(first.id), 10_000, 'NOTIFY to reach the other store');
      // Cut b's listening connection from the server side, then revoke while it reconnects.
      await a.pool.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN%' AND pid <> pg_backend_pid()");
      await a.roomTokens.revoke(second.id);
      await waitFor(() => heard.includes(second.id), 10_000, 'the missed revocation after reconnecting');
    } finally {
      await a.close();
      await b.close();
    }
  });
});
