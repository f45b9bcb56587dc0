// The once-a-day rule for the overdue follow-ups reminder: at most one reminder per calendar day in
// the viewer's zone, and none while nothing is overdue. The caller keeps the day of the last one.
import { DateTime } from 'luxon';
import type { Instant } from '../model/types';

/** The calendar day of `now` in `zone`, as yyyy-mm-dd: the key of "already reminded today". */
export function reminderDay(now: Instant, zone: string): string {
  return DateTime.fromISO(now, { zone: 'utc' }).setZone(zone).toISODate() ?? now.slice(0, 10);
}

export function shouldRemind(overdueCount: number, lastReminderDay: string | null, now: Instant, zone: string): boolean {
  return overdueCount > 0 && reminderDay(now, zone) !== lastReminderDay;
}
