// When a follow-up is due when nobody set a date: a deadline from its priority, as Atlassian's
// postmortem policy gives priority actions 4 or 8 weeks. A date someone set always wins.
import { DateTime } from 'luxon';
import type { ActionPriority } from '../model/coordinationTypes';
import type { Instant } from '../model/types';
import type { CatalogAction } from '../protocol/catalog';

/** Weeks from creation to due, per priority; null: no deadline by policy. */
export type FollowUpPolicy = Record<ActionPriority, number | null>;

export const DEFAULT_FOLLOW_UP_POLICY: FollowUpPolicy = { P1: 4, P2: 8, P3: null };

export interface Due {
  dueAt: Instant | null;
  /** True when the date comes from the policy, not from a person. */
  byPolicy: boolean;
}

export function effectiveDue(action: Pick<CatalogAction, 'dueAt' | 'priority' | 'createdAt'>, policy: FollowUpPolicy): Due {
  if (action.dueAt) return { dueAt: action.dueAt, byPolicy: false };
  const weeks = policy[action.priority];
  const created = DateTime.fromISO(action.createdAt, { zone: 'utc' });
  if (weeks === null || !created.isValid) return { dueAt: null, byPolicy: false };
  return { dueAt: created.plus({ weeks }).toISO() as Instant, byPolicy: true };
}

/** Open and past its due date (set or by policy). Done and not-doing items are never overdue. */
export function isOverdue(action: CatalogAction, policy: FollowUpPolicy, now: Instant): boolean {
  if (action.status !== 'open') return false;
  const { dueAt } = effectiveDue(action, policy);
  return dueAt !== null && dueAt <= now;
}
