// The PostgreSQL store's tables and their versions. Each step runs once, in order, inside one
// transaction that also records it in `warroom_schema_version`; an advisory lock makes instances
// starting together take turns, so a step never runs twice. A database at a higher version than
// this build knows is refused untouched.
import type { Pool, PoolClient } from 'pg';

/** The table that records which steps ran. */
export const PG_VERSION_TABLE = 'warroom_schema_version';
/** Taken for the migration's transaction: instances starting together migrate one at a time ("WARR"). */
const MIGRATION_LOCK_KEY = 0x57415252;

/**
 * One step per version. The columns mirror the SQLite store's (storeSchema.ts) so `warroom
 * migrate` copies rows across unchanged; the text instants are the ISO strings the model writes.
 */
export const PG_MIGRATIONS: ReadonlyArray<{ version: number; sql: string }> = [
  {
    // Documents (an append-only update log folded into snapshots), the incident index, room tokens.
    version: 1,
    sql: `
CREATE TABLE updates(seq BIGSERIAL PRIMARY KEY, doc TEXT NOT NULL, data BYTEA NOT NULL, at TIMESTAMPTZ NOT NULL DEFAULT now());
CREATE INDEX updates_by_doc ON updates(doc, seq);
CREATE TABLE snapshots(doc TEXT PRIMARY KEY, data BYTEA NOT NULL, upto_seq BIGINT NOT NULL, at TIMESTAMPTZ NOT NULL DEFAULT now());
CREATE TABLE incidents(id TEXT PRIMARY KEY, title TEXT NOT NULL, severity TEXT NOT NULL, status TEXT NOT NULL,
  detected_at TEXT, resolved_at TEXT, created_at TEXT NOT NULL, time_zone TEXT NOT NULL, entry_count INTEGER NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE room_tokens(id TEXT PRIMARY KEY, secret_hash BYTEA NOT NULL UNIQUE, code_hash BYTEA NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('responder', 'observer')), incident_id TEXT NOT NULL, name TEXT, created_at TEXT NOT NULL, revoked_at TEXT);
CREATE INDEX room_tokens_by_incident ON room_tokens(incident_id);
`,
  },
  {
    // Alert intake: tokens bound to a source and a routing rule, and which incident each dedup key opened.
    version: 2,
    sql: `
CREATE TABLE intake_tokens(id TEXT PRIMARY KEY, secret_hash BYTEA NOT NULL UNIQUE, source TEXT NOT NULL,
  route TEXT NOT NULL CHECK (route IN ('new', 'append')), service TEXT, severity_label TEXT NOT NULL, service_label TEXT NOT NULL,
  title_template TEXT NOT NULL, created_at TEXT NOT NULL, revoked_at TEXT);
CREATE TABLE intake_alerts(dedup_key TEXT NOT NULL, incident_id TEXT NOT NULL, service TEXT, source TEXT NOT NULL,
  opened_at TEXT NOT NULL, PRIMARY KEY(dedup_key, incident_id));
CREATE INDEX intake_alerts_by_service ON intake_alerts(service, opened_at);
`,
  },
];

export const PG_SCHEMA_VERSION = Math.max(...PG_MIGRATIONS.map((step) => step.version));

/** Runs fn between BEGIN and COMMIT on one pooled client; any throw rolls it all back. */
export async function pgTransaction<T>(client: PoolClient, fn: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await fn();
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

/** The version the database is at (0 for an empty one), read without changing anything. */
export async function pgSchemaVersion(pool: Pool): Promise<number> {
  const exists = await pool.query<{ t: string | null }>('SELECT to_regclass($1) AS t', [PG_VERSION_TABLE]);
  if (exists.rows[0]?.t === null) return 0;
  const row = await pool.query<{ v: number | null }>(`SELECT MAX(version) AS v FROM ${PG_VERSION_TABLE}`);
  return row.rows[0]?.v ?? 0;
}

/**
 * Brings the database to `target` (default: this build's version) in one transaction. Returns the
 * versions before and after. `location` names the database in the refusal of a newer one.
 */
export async function migratePostgres(pool: Pool, location: string, target = PG_SCHEMA_VERSION): Promise<{ from: number; to: number }> {
  const client = await pool.connect();
  try {
    return await pgTransaction(client, async () => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
      await client.query(`CREATE TABLE IF NOT EXISTS ${PG_VERSION_TABLE}(version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`);
      const row = await client.query<{ v: number | null }>(`SELECT MAX(version) AS v FROM ${PG_VERSION_TABLE}`);
      const from = row.rows[0]?.v ?? 0;
      if (from > PG_SCHEMA_VERSION) {
        throw new Error(`${location} was made by a newer War Room (store version ${from}; this build reads up to ${PG_SCHEMA_VERSION}). Update War Room to use it; nothing was changed.`);
      }
      for (const step of PG_MIGRATIONS) {
        if (step.version <= from || step.version > target) continue;
        await client.query(step.sql);
        await client.query(`INSERT INTO ${PG_VERSION_TABLE}(version) VALUES ($1)`, [step.version]);
      }
      return { from, to: Math.max(from, target) };
    });
  } finally {
    client.release();
  }
}
