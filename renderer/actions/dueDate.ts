// Due dates as people type and read them: in the incident's zone, stored as UTC instants.
import { DateTime } from 'luxon';
import type { Instant } from '../../shared/model/types';
import { formatDateTime } from '../../shared/time/format';

/** What the Due field shows and takes: 24-hour, like every other time in the app (a datetime-local
 * picker follows the browser's locale, which may be mm/dd/yyyy with AM/PM). */
export const DUE_INPUT_FORMAT = 'yyyy-LL-dd HH:mm';
/** Also read: the same with a "T", as pasted from an ISO time. */
const DUE_INPUT_FORMATS = [DUE_INPUT_FORMAT, "yyyy-LL-dd'T'HH:mm"];
/** Due within this many hours reads as "soon", so it stands out before it is late. */
export const DUE_SOON_HOURS = 24;

/** "2026-11-28 10:00" on the wall clock of `zone`, or '' when there is no due date. */
export function toDueInput(dueAt: Instant | null, zone: string): string {
  if (!dueAt) return '';
  const local = DateTime.fromISO(dueAt, { zone: 'utc' }).setZone(zone);
  return local.isValid ? local.toFormat(DUE_INPUT_FORMAT) : '';
}

/** The instant a typed "2026-11-28 14:30" means in `zone`: null for empty, 'invalid' when unreadable. */
export function fromDueInput(value: string, zone: string): Instant | null | 'invalid' {
  const text = value.trim().replace(/\s+/g, ' ');
  if (text === '') return null;
  for (const format of DUE_INPUT_FORMATS) {
    const local = DateTime.fromFormat(text, format, { zone });
    if (local.isValid) return local.toUTC().toISO() as Instant;
  }
  return 'invalid';
}

export type DueState = 'none' | 'overdue' | 'soon' | 'later';

/** How urgent an open action's due date is at `now`; done actions are never overdue. */
export function dueState(dueAt: Instant | null, now: Instant, done: boolean): DueState {
  if (!dueAt || done) return 'none';
  if (dueAt <= now) return 'overdue';
  const hours = DateTime.fromISO(dueAt, { zone: 'utc' }).diff(DateTime.fromISO(now, { zone: 'utc' }), 'hours').hours;
  return hours <= DUE_SOON_HOURS ? 'soon' : 'later';
}

/** "2026-11-28 10:00 MST" or "—". */
export function dueLabel(dueAt: Instant | null, zone: string): string {
  return dueAt ? formatDateTime(dueAt, zone) : '—';
}
