// The one store interface: what a host needs from wherever incidents are kept. The embedded
// SQLite store (store.ts, through sqliteDocumentStore.ts) and the team server's PostgreSQL store
// (postgres/pgStore.ts) both implement it. It is asynchronous because a network database is;
// SQLite answers at once. An append has resolved only once the update is durable, so a host that
// awaits it before acknowledging never acknowledges what a crash could lose.
import type { z } from 'zod';
import type { Disposable } from '../../shared/lifecycle/disposable';
import type { IncidentSummary } from '../../shared/model/types';
import type { RoomRole, RoomTokenInfo } from '../../shared/protocol/room';
import type { IntakeSource } from './intake/alertSources';
import type { IntakeGrant, IntakeRuleSchema, IntakeTokenInfo } from './intake/intakeTokens';
import type { CreatedRoomToken, RoomGrant } from './sharing/roomTokens';

/** Room tokens: who may join which incident's room, in which role; stored as hashes only. */
export interface RoomTokenStore {
  create(opts: { role: RoomRole; incidentId: string; name?: string }): Promise<CreatedRoomToken>;
  /** False when unknown or already revoked. Every holder on every instance is told (DocumentStore.onRoomTokenRevoked). */
  revoke(id: string): Promise<boolean>;
  list(incidentId?: string): Promise<RoomTokenInfo[]>;
  verify(secretOrCode: string | null | undefined): Promise<RoomGrant | null>;
  isRevoked(id: string): Promise<boolean>;
}

/** Alert intake tokens, minted and revoked like room tokens. */
export interface IntakeTokenStore {
  create(source: IntakeSource, rule: z.input<typeof IntakeRuleSchema>): Promise<{ id: string; secret: string }>;
  revoke(id: string): Promise<boolean>;
  list(): Promise<IntakeTokenInfo[]>;
  verify(secret: string | null | undefined): Promise<IntakeGrant | null>;
}

export interface DocumentStore {
  /** Where the store lives, for logs and errors (a file path, or a URL without its password). */
  readonly location: string;
  /** The document's snapshot (if any) first, then every later update, in arrival order. */
  loadUpdates(docName: string): Promise<Uint8Array[]>;
  /** Appends one update; resolves once it is durable, rejects (and keeps nothing) otherwise. */
  append(docName: string, update: Uint8Array): Promise<void>;
  /** Writes a whole new document and its index row together: all or nothing. */
  appendNewDoc(docName: string, update: Uint8Array, summary: IncidentSummary): Promise<void>;
  /** Folds the snapshot and the updates into one snapshot in one transaction; returns the updates folded. */
  compact(docName: string): Promise<number>;
  /** Updates stored beside the snapshot (what the next load must replay). */
  pendingUpdateCount(docName: string): Promise<number>;
  docNames(): Promise<string[]>;
  hasDoc(docName: string): Promise<boolean>;
  /** The incident index, derived from the documents (incidentIndex.ts). */
  upsertSummary(summary: IncidentSummary): Promise<void>;
  listSummaries(): Promise<IncidentSummary[]>;
  getSummary(id: string): Promise<IncidentSummary | undefined>;
  readonly roomTokens: RoomTokenStore;
  readonly intakeTokens: IntakeTokenStore;
  /** Called with a token id whenever a room token is revoked through any process sharing this store. */
  onRoomTokenRevoked(listener: (tokenId: string) => void): Disposable;
  /** Resolves when the store answers (a failed store's probe); rejects otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
