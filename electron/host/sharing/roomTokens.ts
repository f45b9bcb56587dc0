// Room tokens: who may join which incident's room, and in which role. Kept in the store's own
// SQLite file (table room_tokens) so `warroom token …` and a running `warroom serve` share them.
// Only SHA-256 hashes of the secret and of the short join code are stored: a copied database
// file lets nobody join. Revocation is immediate in-process (onRevoke); another process's
// revocation is seen through changedElsewhere() + revokedAmong(), which the room listener checks
// every few milliseconds, and isRevoked(), which the host asks before it applies a room update.
import { StatementCache, type SqliteDatabase } from '../sqlite';
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { newId } from '../../../shared/model/ids';
import { normalizeJoinCode, RoomSecretSchema, type RoomRole, type RoomTokenInfo } from '../../../shared/protocol/room';
import type { IncidentStore } from '../store';
import type { Disposable } from '../../../shared/lifecycle/disposable';
import { Emitter } from '../../../shared/lifecycle/emitter';

/** 256 bits, like the host token. */
const SECRET_BYTES = 32;
/** Crockford base32 without I, L, O, U: nothing a person can misread when typing the code. */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 12 characters = 60 bits; with the listener's per-address rate limit, not guessable. */
const CODE_LENGTH = 12;
const CODE_GROUP = 4;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS room_tokens(
  id TEXT PRIMARY KEY,
  secret_hash BLOB NOT NULL UNIQUE,
  code_hash BLOB NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('responder', 'observer')),
  incident_id TEXT NOT NULL,
  name TEXT,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE INDEX IF NOT EXISTS room_tokens_by_incident ON room_tokens(incident_id);
`;

/** What a verified token grants: one incident's room, in one role, optionally bound to a person. */
export interface RoomGrant {
  tokenId: string;
  role: RoomRole;
  incidentId: string;
  name: string | null;
}

export interface CreatedRoomToken {
  id: string;
  /** Shown once; never stored. */
  secret: string;
  /** XXXX-XXXX-XXXX; usable instead of the secret. */
  code: string;
}

/** A room token as the store keeps it (SQLite here, PostgreSQL in ../postgres/pgStore.ts). */
export interface RoomTokenRow {
  id: string;
  secret_hash: Uint8Array;
  code_hash: Uint8Array;
  role: RoomRole;
  incident_id: string;
  name: string | null;
  created_at: string;
  revoked_at: string | null;
}

export const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

function generateCode(): string {
  let raw = '';
  for (let i = 0; i < CODE_LENGTH; i++) raw += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return (raw.match(new RegExp(`.{${CODE_GROUP}}`, 'g')) as string[]).join('-');
}

/** A new token: its id, its secret and join code (shown once), and their hashes (what is stored). */
export function mintRoomToken(): CreatedRoomToken & { secretHash: Buffer; codeHash: Buffer } {
  const secret = randomBytes(SECRET_BYTES).toString('base64url');
  const code = generateCode();
  return { id: newId(), secret, code, secretHash: sha256(secret), codeHash: sha256(code) };
}

/** Which column to look a presented secret or join code up in, and its hash; null when it is neither. */
export function presentedRoomToken(secretOrCode: string | null | undefined): { column: 'secret_hash' | 'code_hash'; hash: Buffer } | null {
  if (typeof secretOrCode !== 'string') return null;
  const isSecret = RoomSecretSchema.safeParse(secretOrCode).success;
  const code = isSecret ? null : normalizeJoinCode(secretOrCode);
  if (!isSecret && code === null) return null;
  return { column: isSecret ? 'secret_hash' : 'code_hash', hash: sha256(isSecret ? secretOrCode : (code as string)) };
}

/** The grant of a looked-up row, when it is live and its hash matches (compared in constant time). */
export function grantOfRow(row: RoomTokenRow | undefined, presented: { column: 'secret_hash' | 'code_hash'; hash: Buffer }): RoomGrant | null {
  if (!row || row.revoked_at !== null) return null;
  // The lookup is by hash, so timing reveals nothing about the secret; compare anyway, in constant time.
  const stored = presented.column === 'secret_hash' ? row.secret_hash : row.code_hash;
  if (stored.length !== presented.hash.length || !timingSafeEqual(stored, presented.hash)) return null;
  return { tokenId: row.id, role: row.role, incidentId: row.incident_id, name: row.name };
}

/** A stored row as the token list shows it. */
export function roomTokenInfo(r: RoomTokenRow): RoomTokenInfo {
  return { id: r.id, role: r.role, incidentId: r.incident_id, name: r.name, createdAt: r.created_at, revokedAt: r.revoked_at };
}

export class RoomTokens {
  private readonly db: SqliteDatabase;
  private readonly revoked = new Emitter<string>();
  private dataVersion: number | null = null;
  /** isRevoked() runs for every room update and changedElsewhere() fifty times a second. */
  private readonly statements: StatementCache;

  constructor(store: IncidentStore) {
    this.db = store.database();
    this.db.exec(SCHEMA);
    this.statements = new StatementCache(this.db);
  }

  create(opts: { role: RoomRole; incidentId: string; name?: string }): CreatedRoomToken {
    const { id, secret, code, secretHash, codeHash } = mintRoomToken();
    this.db
      .prepare('INSERT INTO room_tokens(id, secret_hash, code_hash, role, incident_id, name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(id, secretHash, codeHash, opts.role, opts.incidentId, opts.name?.trim() || null, new Date().toISOString());
    return { id, secret, code };
  }

  /** Marks the token revoked and tells this process' listeners; false when unknown or already revoked. */
  revoke(id: string): boolean {
    const changed = this.db.prepare('UPDATE room_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(new Date().toISOString(), id).changes > 0;
    if (changed) this.revoked.fire(id);
    return changed;
  }

  list(incidentId?: string): RoomTokenInfo[] {
    const rows = (
      incidentId === undefined
        ? this.db.prepare('SELECT * FROM room_tokens ORDER BY created_at, id').all()
        : this.db.prepare('SELECT * FROM room_tokens WHERE incident_id = ? ORDER BY created_at, id').all(incidentId)
    ) as RoomTokenRow[];
    return rows.map(roomTokenInfo);
  }

  /** The grant of a live token, given its secret or its join code; null otherwise. */
  verify(secretOrCode: string | null | undefined): RoomGrant | null {
    const presented = presentedRoomToken(secretOrCode);
    if (!presented) return null;
    const row = this.db.prepare(`SELECT * FROM room_tokens WHERE ${presented.column} = ?`).get(presented.hash) as RoomTokenRow | undefined;
    return grantOfRow(row, presented);
  }

  /** The ids among `ids` that are revoked (by this process or another one sharing the file). */
  revokedAmong(ids: readonly string[]): string[] {
    if (ids.length === 0) return [];
    const placeholders = ids.map(() => '?').join(',');
    const rows = this.db.prepare(`SELECT id FROM room_tokens WHERE revoked_at IS NOT NULL AND id IN (${placeholders})`).all(...ids) as Array<{ id: string }>;
    return rows.map((r) => r.id);
  }

  /** Whether the token is revoked now (or gone), as the file says: one indexed read. */
  isRevoked(id: string): boolean {
    const row = this.statements.get('SELECT revoked_at FROM room_tokens WHERE id = ?').get(id) as { revoked_at: string | null } | undefined;
    return row === undefined || row.revoked_at !== null;
  }

  /**
   * Whether another connection to the file (another process) committed since the last call.
   * SQLite's data_version does not change for this connection's own commits, which onRevoke covers.
   */
  changedElsewhere(): boolean {
    const { data_version: version } = this.statements.get('PRAGMA data_version').get() as { data_version: number };
    const changed = version !== this.dataVersion;
    this.dataVersion = version;
    return changed;
  }

  /** Called with the token id whenever revoke() succeeds, until disposed. */
  onRevoke(listener: (tokenId: string) => void): Disposable {
    return this.revoked.event(listener);
  }
}
