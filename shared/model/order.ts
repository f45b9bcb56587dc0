import type { TimelineEntry } from './types';

type Ordered = Pick<TimelineEntry, 'occurredAt' | 'recordedAt' | 'id'>;

/**
 * The one timeline order every replica agrees on: occurredAt, then recordedAt, then id.
 * Instants are canonical ISO UTC strings, so comparing them as strings is comparing times;
 * plain `<` (not localeCompare) keeps the order independent of the machine's locale.
 */
export function compareEntries(a: Ordered, b: Ordered): number {
  if (a.occurredAt !== b.occurredAt) return a.occurredAt < b.occurredAt ? -1 : 1;
  if (a.recordedAt !== b.recordedAt) return a.recordedAt < b.recordedAt ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}
