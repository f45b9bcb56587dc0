// The rooms this host has joined, kept in the store's own SQLite file (table joined_rooms) so a
// restart resumes syncing every replica without asking the user again. One row per incident:
// re-joining the same incident (a re-pointed room after a handover) replaces the row.
// The secret is stored as given: this host must present it again on every reconnect. The data dir
// is the user's own (it already holds every incident), so this adds no exposure the replica lacks.
import type { SqliteDatabase } from '../sqlite';
import type { RoomRole } from '../../../shared/protocol/room';
import type { IncidentStore } from '../store';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS joined_rooms(
  incident_id TEXT PRIMARY KEY,
  host TEXT NOT NULL,
  port INTEGER NOT NULL,
  token TEXT NOT NULL,
  tls TEXT,
  cert_pem TEXT,
  name TEXT NOT NULL,
  role TEXT,
  joined_at TEXT NOT NULL
);
`;

export interface JoinedRoom {
  incidentId: string;
  host: string;
  port: number;
  /** The room secret or join code, presented on every connection. */
  token: string;
  /** Pinned SHA-256 fingerprint when the room speaks TLS. */
  tls: string | null;
  /** The pinned certificate, once fetched and matched, so a restart can verify before sending the token. */
  certPem: string | null;
  /** Display name put into presence. */
  name: string;
  /** Learnt from the room on the first authentication (observer = read-only scope). */
  role: RoomRole | null;
  joinedAt: string;
}

interface Row {
  incident_id: string;
  host: string;
  port: number;
  token: string;
  tls: string | null;
  cert_pem: string | null;
  name: string;
  role: RoomRole | null;
  joined_at: string;
}

const fromRow = (r: Row): JoinedRoom => ({
  incidentId: r.incident_id,
  host: r.host,
  port: r.port,
  token: r.token,
  tls: r.tls,
  certPem: r.cert_pem,
  name: r.name,
  role: r.role,
  joinedAt: r.joined_at,
});

export class JoinedRooms {
  private readonly db: SqliteDatabase;

  constructor(store: IncidentStore) {
    this.db = store.database();
    this.db.exec(SCHEMA);
  }

  put(room: JoinedRoom): void {
    this.db
      .prepare('INSERT OR REPLACE INTO joined_rooms(incident_id, host, port, token, tls, cert_pem, name, role, joined_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(room.incidentId, room.host, room.port, room.token, room.tls, room.certPem, room.name, room.role, room.joinedAt);
  }

  /** Records what was learnt after joining (role, pinned certificate); unknown incidents are ignored. */
  update(incidentId: string, patch: { role?: RoomRole; certPem?: string }): void {
    if (patch.role !== undefined) this.db.prepare('UPDATE joined_rooms SET role = ? WHERE incident_id = ?').run(patch.role, incidentId);
    if (patch.certPem !== undefined) this.db.prepare('UPDATE joined_rooms SET cert_pem = ? WHERE incident_id = ?').run(patch.certPem, incidentId);
  }

  remove(incidentId: string): boolean {
    return this.db.prepare('DELETE FROM joined_rooms WHERE incident_id = ?').run(incidentId).changes > 0;
  }

  list(): JoinedRoom[] {
    return (this.db.prepare('SELECT * FROM joined_rooms ORDER BY joined_at, incident_id').all() as Row[]).map(fromRow);
  }
}
