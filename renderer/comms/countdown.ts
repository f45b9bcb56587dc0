// The header countdown's words: "Next update in 12:04" or "Update overdue by 1h 10m", and a
// spoken name with whole minutes. Pure, so the fake-clock tests cover every boundary.
import { DateTime } from 'luxon';
import type { Instant } from '../../shared/model/types';

const SECONDS_PER_MINUTE = 60;
const MINUTES_PER_HOUR = 60;
const SECONDS_PER_HOUR = SECONDS_PER_MINUTE * MINUTES_PER_HOUR;

export interface Countdown {
  overdue: boolean;
  /** What the header shows. */
  text: string;
  /** The bare span, for a line that already says what is due: "in 12:04", "overdue by 3:10". */
  short: string;
  /** Seconds until due (negative once overdue). */
  seconds: number;
  /** The accessible name: "Status update due in 12 minutes". */
  label: string;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

const HOURS_PER_DAY = 24;

/**
 * mm:ss under an hour ("12:04", its seconds ticking); from an hour up the units are written, so a
 * long wait never reads as minutes and seconds: "1h 05m", and past a day "2d 03h".
 */
export function clockSpan(totalSeconds: number): string {
  if (totalSeconds < SECONDS_PER_HOUR) return `${Math.floor(totalSeconds / SECONDS_PER_MINUTE)}:${pad2(totalSeconds % SECONDS_PER_MINUTE)}`;
  const minutes = Math.floor(totalSeconds / SECONDS_PER_MINUTE);
  const hours = Math.floor(minutes / MINUTES_PER_HOUR);
  if (hours < HOURS_PER_DAY) return `${hours}h ${pad2(minutes % MINUTES_PER_HOUR)}m`;
  return `${Math.floor(hours / HOURS_PER_DAY)}d ${pad2(hours % HOURS_PER_DAY)}h`;
}

function minutesWords(totalSeconds: number): string {
  const minutes = Math.floor(totalSeconds / SECONDS_PER_MINUTE);
  if (minutes < 1) return 'less than a minute';
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

export function cadenceCountdown(due: Instant, now: Instant): Countdown {
  const seconds = Math.trunc(DateTime.fromISO(due, { zone: 'utc' }).diff(DateTime.fromISO(now, { zone: 'utc' }), 'seconds').seconds);
  if (seconds >= 0) {
    return { overdue: false, seconds, text: `Next update in ${clockSpan(seconds)}`, short: `in ${clockSpan(seconds)}`, label: `Status update due in ${minutesWords(seconds)}` };
  }
  const late = -seconds;
  return { overdue: true, seconds, text: `Update overdue by ${clockSpan(late)}`, short: `overdue by ${clockSpan(late)}`, label: `Status update overdue by ${minutesWords(late)}` };
}
