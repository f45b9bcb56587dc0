// Intake tokens: what lets an alerting tool post to /intake/<source>. Minted, listed and revoked
// like room tokens (../sharing/roomTokens.ts), kept in the store's table intake_tokens (store
// version 2), and stored only as SHA-256 hashes: a copied database file lets nobody post. Each
// token is bound to one source type and carries its routing rule.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { newId } from '../../../shared/model/ids';
import type { SqliteDatabase } from '../sqlite';
import type { IncidentStore } from '../store';
import { INTAKE_SOURCES, type IntakeSource } from './alertSources';

/** 256 bits, like the host token. */
const SECRET_BYTES = 32;
/** A secret is 43 base64url characters; anything else is not worth a lookup. */
const SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const MAX_RULE_TEXT = 200;

export const INTAKE_ROUTES = ['new', 'append'] as const;
export type IntakeRoute = (typeof INTAKE_ROUTES)[number];

/** The routing rule a token carries; editable through `warroom intake token create`. */
export const IntakeRuleSchema = z.object({
  /** new: each dedup key opens its own incident; append: also join the open incident of the same service. */
  route: z.enum(INTAKE_ROUTES, { message: 'route is "new" or "append"' }),
  /** Used when an alert names no service. */
  service: z.string().trim().min(1).max(MAX_RULE_TEXT).nullable().default(null),
  severityLabel: z.string().trim().min(1).max(MAX_RULE_TEXT).default('severity'),
  serviceLabel: z.string().trim().min(1).max(MAX_RULE_TEXT).default('service'),
  /** {{label}} is replaced by that label (or annotation) of the alert; {{service}} by its service. */
  titleTemplate: z.string().trim().min(1).max(MAX_RULE_TEXT).default('{{alertname}} on {{service}}'),
});
export type IntakeRule = z.output<typeof IntakeRuleSchema>;

export interface IntakeTokenInfo extends IntakeRule {
  id: string;
  source: IntakeSource;
  createdAt: string;
  revokedAt: string | null;
}

/** What a verified token grants: posting one source's alerts, routed by its rule. */
export interface IntakeGrant {
  tokenId: string;
  source: IntakeSource;
  rule: IntakeRule;
}

/** An intake token as the store keeps it (SQLite here, PostgreSQL in ../postgres/pgStore.ts). */
export interface IntakeTokenRow {
  id: string;
  secret_hash: Uint8Array;
  source: IntakeSource;
  route: IntakeRoute;
  service: string | null;
  severity_label: string;
  service_label: string;
  title_template: string;
  created_at: string;
  revoked_at: string | null;
}

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

export const ruleOf = (r: IntakeTokenRow): IntakeRule => ({
  route: r.route,
  service: r.service,
  severityLabel: r.severity_label,
  serviceLabel: r.service_label,
  titleTemplate: r.title_template,
});

/** A new token for `source`: id, secret (returned once) and its hash, and the checked rule. */
export function mintIntakeToken(source: IntakeSource, rule: z.input<typeof IntakeRuleSchema>): { id: string; secret: string; secretHash: Buffer; rule: IntakeRule } {
  if (!INTAKE_SOURCES.includes(source)) throw new Error(`unknown intake source "${String(source)}"`);
  const secret = randomBytes(SECRET_BYTES).toString('base64url');
  return { id: newId(), secret, secretHash: sha256(secret), rule: IntakeRuleSchema.parse(rule) };
}

/** The hash to look a presented secret up by; null when it cannot be a secret. */
export function presentedIntakeSecret(secret: string | null | undefined): Buffer | null {
  return typeof secret === 'string' && SECRET_PATTERN.test(secret) ? sha256(secret) : null;
}

/** The grant of a looked-up row, when it is live and its hash matches (compared in constant time). */
export function intakeGrantOfRow(row: IntakeTokenRow | undefined, presented: Buffer): IntakeGrant | null {
  if (!row || row.revoked_at !== null) return null;
  // The lookup is by hash, so timing reveals nothing about the secret; compare anyway, in constant time.
  if (row.secret_hash.length !== presented.length || !timingSafeEqual(row.secret_hash, presented)) return null;
  return { tokenId: row.id, source: row.source, rule: ruleOf(row) };
}

/** A stored row as the token list shows it. */
export function intakeTokenInfo(r: IntakeTokenRow): IntakeTokenInfo {
  return { id: r.id, source: r.source, ...ruleOf(r), createdAt: r.created_at, revokedAt: r.revoked_at };
}

export class IntakeTokens {
  private readonly db: SqliteDatabase;

  constructor(store: IncidentStore) {
    this.db = store.database();
  }

  /** Mints a token; the secret is returned once and never stored. */
  create(source: IntakeSource, rule: z.input<typeof IntakeRuleSchema>): { id: string; secret: string } {
    const { id, secret, secretHash, rule: valid } = mintIntakeToken(source, rule);
    this.db
      .prepare(
        'INSERT INTO intake_tokens(id, secret_hash, source, route, service, severity_label, service_label, title_template, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(id, secretHash, source, valid.route, valid.service, valid.severityLabel, valid.serviceLabel, valid.titleTemplate, new Date().toISOString());
    return { id, secret };
  }

  /** False when unknown or already revoked. Revocation is seen by the next request: every request looks the hash up. */
  revoke(id: string): boolean {
    return this.db.prepare('UPDATE intake_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(new Date().toISOString(), id).changes > 0;
  }

  list(): IntakeTokenInfo[] {
    const rows = this.db.prepare('SELECT * FROM intake_tokens ORDER BY created_at, id').all() as IntakeTokenRow[];
    return rows.map(intakeTokenInfo);
  }

  /** The grant of a live token given its secret; null otherwise. */
  verify(secret: string | null | undefined): IntakeGrant | null {
    const presented = presentedIntakeSecret(secret);
    if (!presented) return null;
    const row = this.db.prepare('SELECT * FROM intake_tokens WHERE secret_hash = ?').get(presented) as IntakeTokenRow | undefined;
    return intakeGrantOfRow(row, presented);
  }
}
