// The team server's store: PostgreSQL through `pg` (node-postgres) and its Pool. Same shape as the
// SQLite store: an append-only `updates` log per document, folded into `snapshots` by compaction in
// one transaction, the derived `incidents` index, room and intake tokens as hashes.
// An append is one INSERT in autocommit: when the promise resolves, PostgreSQL has committed it
// (synchronous_commit, the server's default), so the team server awaits it before it lets
// Hocuspocus apply and acknowledge the update.
// Revoking a room token notifies every instance (LISTEN/NOTIFY on ROOM_TOKEN_REVOKED_CHANNEL) in the
// same statement, so the notification goes out exactly when the revocation commits.
import pg from 'pg';
import * as Y from 'yjs';
import type { Disposable } from '../../../shared/lifecycle/disposable';
import type { IncidentSummary } from '../../../shared/model/types';
import type { DocumentStore, IntakeTokenStore, RoomTokenStore } from '../documentStore';
import { intakeGrantOfRow, intakeTokenInfo, mintIntakeToken, presentedIntakeSecret, type IntakeTokenRow } from '../intake/intakeTokens';
import { grantOfRow, mintRoomToken, presentedRoomToken, roomTokenInfo, type RoomTokenRow } from '../sharing/roomTokens';
import { redactedUrl } from '../redactedUrl';
import { rowToSummary, type IncidentRow } from '../store';
import { migratePostgres, pgTransaction } from './pgSchema';
import { RevocationListener } from './revocationListener';

/** Default pool size per instance: appends are short; more connections only queue in PostgreSQL. */
export const PG_POOL_SIZE = 10;
/** Keyed like the migration lock, per document: compactions of one document take turns. */
const COMPACT_LOCK_SQL = "SELECT pg_advisory_xact_lock(hashtextextended('warroom.compact.' || $1, 0))";

export interface PgStoreOptions {
  /** postgres://user:password@host:port/database (libpq parameters in the query string work too). */
  url: string;
  poolSize?: number;
  log?: (line: string) => void;
}

const UPSERT_INCIDENT = `INSERT INTO incidents(id, title, severity, status, detected_at, resolved_at, created_at, time_zone, entry_count, updated_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
  ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, severity = EXCLUDED.severity, status = EXCLUDED.status,
    detected_at = EXCLUDED.detected_at, resolved_at = EXCLUDED.resolved_at, created_at = EXCLUDED.created_at,
    time_zone = EXCLUDED.time_zone, entry_count = EXCLUDED.entry_count, updated_at = EXCLUDED.updated_at`;
const summaryParams = (s: IncidentSummary) => [s.id, s.title, s.severity, s.status, s.startedAt, s.resolvedAt, s.createdAt, s.timeZone, s.entryCount, s.updatedAt];
const INSERT_UPDATE = 'INSERT INTO updates(doc, data) VALUES ($1, $2)';

export class PgStore implements DocumentStore {
  readonly location: string;
  readonly roomTokens: RoomTokenStore;
  readonly intakeTokens: IntakeTokenStore;
  private readonly revocations: RevocationListener;

  private constructor(readonly pool: pg.Pool, url: string, log: (line: string) => void) {
    this.location = redactedUrl(url);
    this.revocations = new RevocationListener({ url, location: this.location, log, revokedSince: (since) => this.revokedSince(since) });
    this.roomTokens = {
      create: async (opts) => {
        const { id, secret, code, secretHash, codeHash } = mintRoomToken();
        await this.pool.query('INSERT INTO room_tokens(id, secret_hash, code_hash, role, incident_id, name, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
          id, secretHash, codeHash, opts.role, opts.incidentId, opts.name?.trim() || null, new Date().toISOString(),
        ]);
        return { id, secret, code };
      },
      revoke: async (id) => {
        // One statement: the notification is sent when, and only if, the revocation commits.
        const res = await this.pool.query(
          `WITH revoked AS (UPDATE room_tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL RETURNING id)
           SELECT pg_notify($3, id) FROM revoked`,
          [new Date().toISOString(), id, RevocationListener.channel],
        );
        return (res.rowCount ?? 0) > 0;
      },
      list: async (incidentId) => {
        const res = incidentId === undefined
          ? await this.pool.query<RoomTokenRow>('SELECT * FROM room_tokens ORDER BY created_at, id')
          : await this.pool.query<RoomTokenRow>('SELECT * FROM room_tokens WHERE incident_id = $1 ORDER BY created_at, id', [incidentId]);
        return res.rows.map(roomTokenInfo);
      },
      verify: async (secretOrCode) => {
        const presented = presentedRoomToken(secretOrCode);
        if (!presented) return null;
        const res = await this.pool.query<RoomTokenRow>(`SELECT * FROM room_tokens WHERE ${presented.column} = $1`, [presented.hash]);
        return grantOfRow(res.rows[0], presented);
      },
      isRevoked: async (id) => {
        const res = await this.pool.query<{ revoked_at: string | null }>('SELECT revoked_at FROM room_tokens WHERE id = $1', [id]);
        return res.rows.length === 0 || res.rows[0]?.revoked_at !== null;
      },
    };
    this.intakeTokens = {
      create: async (source, rule) => {
        const minted = mintIntakeToken(source, rule);
        const r = minted.rule;
        await this.pool.query(
          'INSERT INTO intake_tokens(id, secret_hash, source, route, service, severity_label, service_label, title_template, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
          [minted.id, minted.secretHash, source, r.route, r.service, r.severityLabel, r.serviceLabel, r.titleTemplate, new Date().toISOString()],
        );
        return { id: minted.id, secret: minted.secret };
      },
      revoke: async (id) => {
        const res = await this.pool.query('UPDATE intake_tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [new Date().toISOString(), id]);
        return (res.rowCount ?? 0) > 0;
      },
      list: async () => (await this.pool.query<IntakeTokenRow>('SELECT * FROM intake_tokens ORDER BY created_at, id')).rows.map(intakeTokenInfo),
      verify: async (secret) => {
        const presented = presentedIntakeSecret(secret);
        if (!presented) return null;
        const res = await this.pool.query<IntakeTokenRow>('SELECT * FROM intake_tokens WHERE secret_hash = $1', [presented]);
        return intakeGrantOfRow(res.rows[0], presented);
      },
    };
  }

  /**
   * Connects a pool and brings the schema to this build's version (pgSchema.ts). Throws, naming
   * the database, when it cannot be reached or was made by a newer War Room.
   */
  static async open(opts: PgStoreOptions): Promise<PgStore> {
    const log = opts.log ?? (() => undefined);
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? PG_POOL_SIZE });
    // An idle client whose server went away emits 'error' on the pool; unheard, it would end the process.
    pool.on('error', (err) => log(`postgres: idle connection lost: ${err.message}`));
    const store = new PgStore(pool, opts.url, log);
    try {
      await migratePostgres(pool, store.location);
    } catch (err) {
      await pool.end().catch(() => undefined);
      throw new Error(`${store.location}: ${(err as Error).message}`, { cause: err });
    }
    return store;
  }

  async loadUpdates(docName: string): Promise<Uint8Array[]> {
    // Every update still stored, not only those after the snapshot's upto_seq: an update with a lower
    // seq may commit after a compaction read the log, and compaction deletes exactly what it folded.
    const res = await this.pool.query<{ data: Buffer }>(
      `SELECT data FROM (SELECT 0 AS part, 0::bigint AS seq, data FROM snapshots WHERE doc = $1
         UNION ALL SELECT 1 AS part, seq, data FROM updates WHERE doc = $1) AS rows ORDER BY part, seq`,
      [docName],
    );
    return res.rows.map((r) => new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength));
  }

  async append(docName: string, update: Uint8Array): Promise<void> {
    await this.pool.query(INSERT_UPDATE, [docName, update]);
  }

  async appendNewDoc(docName: string, update: Uint8Array, summary: IncidentSummary): Promise<void> {
    await this.transaction(async (client) => {
      await client.query(INSERT_UPDATE, [docName, update]);
      await client.query(UPSERT_INCIDENT, summaryParams(summary));
    });
  }

  async compact(docName: string): Promise<number> {
    return this.transaction(async (client) => {
      await client.query(COMPACT_LOCK_SQL, [docName]);
      const snap = await client.query<{ data: Buffer }>('SELECT data FROM snapshots WHERE doc = $1', [docName]);
      const rows = await client.query<{ seq: string; data: Buffer }>('SELECT seq, data FROM updates WHERE doc = $1 ORDER BY seq', [docName]);
      if (rows.rows.length === 0) return 0;
      const doc = new Y.Doc();
      try {
        // A row that does not decode throws here and rolls everything back: nothing is folded or deleted.
        doc.transact(() => {
          for (const r of [...snap.rows, ...rows.rows]) Y.applyUpdate(doc, r.data);
        });
        const state = Y.encodeStateAsUpdate(doc);
        const seqs = rows.rows.map((r) => r.seq);
        const upto = seqs[seqs.length - 1];
        await client.query(
          `INSERT INTO snapshots(doc, data, upto_seq, at) VALUES ($1, $2, $3, now())
           ON CONFLICT (doc) DO UPDATE SET data = EXCLUDED.data, upto_seq = EXCLUDED.upto_seq, at = EXCLUDED.at`,
          [docName, state, upto],
        );
        // Exactly the rows folded in; one that committed meanwhile stays, whatever its seq.
        const deleted = await client.query('DELETE FROM updates WHERE doc = $1 AND seq = ANY($2::bigint[])', [docName, seqs]);
        return deleted.rowCount ?? 0;
      } finally {
        doc.destroy();
      }
    });
  }

  async pendingUpdateCount(docName: string): Promise<number> {
    const res = await this.pool.query<{ n: string }>('SELECT COUNT(*) AS n FROM updates WHERE doc = $1', [docName]);
    return Number(res.rows[0]?.n ?? 0);
  }

  async docNames(): Promise<string[]> {
    const res = await this.pool.query<{ doc: string }>('SELECT doc FROM snapshots UNION SELECT DISTINCT doc FROM updates ORDER BY doc');
    return res.rows.map((r) => r.doc);
  }

  async hasDoc(docName: string): Promise<boolean> {
    const res = await this.pool.query('SELECT 1 FROM snapshots WHERE doc = $1 UNION ALL SELECT 1 FROM updates WHERE doc = $1 LIMIT 1', [docName]);
    return res.rows.length > 0;
  }

  async upsertSummary(summary: IncidentSummary): Promise<void> {
    await this.pool.query(UPSERT_INCIDENT, summaryParams(summary));
  }

  async listSummaries(): Promise<IncidentSummary[]> {
    return (await this.pool.query<IncidentRow>('SELECT * FROM incidents ORDER BY created_at DESC, id DESC')).rows.map(rowToSummary);
  }

  async getSummary(id: string): Promise<IncidentSummary | undefined> {
    const row = (await this.pool.query<IncidentRow>('SELECT * FROM incidents WHERE id = $1', [id])).rows[0];
    return row && rowToSummary(row);
  }

  onRoomTokenRevoked(listener: (tokenId: string) => void): Disposable {
    return this.revocations.add(listener);
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    await this.revocations.close();
    await this.pool.end();
  }

  private async revokedSince(since: string): Promise<string[]> {
    const res = await this.pool.query<{ id: string }>('SELECT id FROM room_tokens WHERE revoked_at >= $1', [since]);
    return res.rows.map((r) => r.id);
  }

  private async transaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let failure: Error | undefined;
    try {
      return await pgTransaction(client, () => fn(client));
    } catch (err) {
      failure = err as Error;
      throw err;
    } finally {
      // After a failure the connection may be broken (a restarted server): drop it rather than reuse it.
      client.release(failure);
    }
  }
}
