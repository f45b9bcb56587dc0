// What the catalog, the metrics and the follow-ups across incidents read: one row per incident in
// this host's store, derived from its document (shared/catalog/catalogFromDoc.ts). The host sends
// these rows over the local RPC only; the room listener never serves them.
import { z } from 'zod';
import { ACTION_PRIORITIES, OUTCOME_VERDICTS, DECISION_STATUSES } from '../model/coordinationTypes';
import { SEVERITIES, STATUSES } from '../model/types';

const Instant = z.string();

export const FOLLOW_UP_STATUSES = ['open', 'done', 'not-doing'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export const CatalogActionSchema = z.object({
  id: z.string(),
  text: z.string(),
  owner: z.string(),
  priority: z.enum(ACTION_PRIORITIES),
  /** The due date someone set; null when none was (the policy then gives one, see followUpPolicy.ts). */
  dueAt: Instant.nullable(),
  status: z.enum(FOLLOW_UP_STATUSES),
  /** Why it is not being done; null unless status is not-doing. */
  reason: z.string().nullable(),
  createdAt: Instant,
  /** When it was closed (done or not doing); null while open. */
  closedAt: Instant.nullable(),
});
export type CatalogAction = z.infer<typeof CatalogActionSchema>;

export const CatalogDecisionSchema = z.object({
  id: z.string(),
  question: z.string(),
  status: z.enum(DECISION_STATUSES),
  /** The verdict of the review after the fact; null until someone reviewed it. */
  verdict: z.enum(OUTCOME_VERDICTS).nullable(),
});
export type CatalogDecision = z.infer<typeof CatalogDecisionSchema>;

export const CatalogIncidentSchema = z.object({
  id: z.string(),
  title: z.string(),
  severity: z.enum(SEVERITIES),
  status: z.enum(STATUSES),
  services: z.array(z.string()),
  tags: z.array(z.string()),
  commander: z.string(),
  timeZone: z.string(),
  createdAt: Instant,
  impactStartedAt: Instant.nullable(),
  detectedAt: Instant.nullable(),
  mitigatedAt: Instant.nullable(),
  resolvedAt: Instant.nullable(),
  reconstructed: z.boolean(),
  actions: z.array(CatalogActionSchema),
  decisions: z.array(CatalogDecisionSchema),
});
export type CatalogIncident = z.infer<typeof CatalogIncidentSchema>;
