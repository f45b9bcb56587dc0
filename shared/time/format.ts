import { DateTime } from 'luxon';
import type { Instant } from '../model/types';
import { epochMillis, ianaZone, wallClock, type WallClock } from './wallClock';

// Display helpers for instants. Output is fixed English in 24-hour form regardless of
// the machine's locale: timelines from several responders must read the same.

const DISPLAY_LOCALE = 'en-US';

/**
 * Locales tried in turn for a zone abbreviation. Intl only names a zone's abbreviation
 * in locales that commonly use it ("AEDT" in en-AU, "BST" in en-GB, "IST" in en-IN);
 * elsewhere it answers "GMT+11". The first real abbreviation wins.
 */
const ABBREVIATION_LOCALES = ['en-US', 'en-GB', 'en-AU', 'en-NZ', 'en-IN', 'en-CA'] as const;
const NUMERIC_OFFSET_NAME = /^(GMT|UTC)[+-]/;

/** An abbreviation depends only on the zone and its offset at that moment. */
const abbreviationCache = new Map<string, string>();

const MS_PER_MINUTE = 60_000;
const MINUTES_PER_HOUR = 60;

function inZone(instant: Instant, zone: string): DateTime {
  return DateTime.fromISO(instant, { zone: ianaZone(zone) });
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

function clockText(local: WallClock): string {
  return `${pad2(local.hour)}:${pad2(local.minute)}`;
}

function dayText(local: WallClock): string {
  return `${local.year}-${pad2(local.month)}-${pad2(local.day)}`;
}

/** "14:25" on the wall clock of `zone`. */
export function formatTime(instant: Instant, zone: string): string {
  return clockText(wallClock(instant, zone));
}

/** "2026-11-21": the calendar day in `zone`; a change of key starts a new date row. */
export function dayKey(instant: Instant, zone: string): string {
  return dayText(wallClock(instant, zone));
}

/** "MST", "AEDT", "UTC"; "GMT+9" where no English abbreviation exists. */
export function zoneAbbrev(instant: Instant, zone: string): string {
  return abbreviationAt(instant, zone, wallClock(instant, zone).offset);
}

function abbreviationAt(instant: Instant, zone: string, offset: number): string {
  const named = ianaZone(zone);
  const cacheKey = `${named.name}|${offset}`;
  const cached = abbreviationCache.get(cacheKey);
  if (cached !== undefined) return cached;
  const ms = epochMillis(instant);
  let name: string | null = null;
  for (const locale of ABBREVIATION_LOCALES) {
    name = named.offsetName(ms, { format: 'short', locale });
    if (name && !NUMERIC_OFFSET_NAME.test(name)) break;
  }
  const abbreviation = name ?? named.formatOffset(ms, 'short');
  abbreviationCache.set(cacheKey, abbreviation);
  return abbreviation;
}

/** "2026-11-21 14:25 MST". */
export function formatDateTime(instant: Instant, zone: string): string {
  const local = wallClock(instant, zone);
  return `${dayText(local)} ${clockText(local)} ${abbreviationAt(instant, zone, local.offset)}`;
}

/** "Sat 21 Nov 2026": the date row heading in `zone`. */
export function formatDayHeading(instant: Instant, zone: string): string {
  return inZone(instant, zone).setLocale(DISPLAY_LOCALE).toFormat('EEE d MMM yyyy');
}

/**
 * Whole minutes from start to at (elapsed time, not wall-clock), rounded down: 9 min 50 s
 * before the start is in the tenth minute before it (T-0:10), as 9 min 50 s after is T+0:09.
 */
function wholeMinutesBetween(start: Instant, at: Instant): number {
  return Math.floor((epochMillis(at) - epochMillis(start)) / MS_PER_MINUTE);
}

const MINUTES_PER_DAY = 24 * MINUTES_PER_HOUR;

/**
 * "T+14:16": hours and minutes since the start, counted in real elapsed time so a
 * daylight-saving change inside an incident never adds or loses an hour. From a day on,
 * whole days lead ("T+2d 23:15", never "T+71:15"); before the start it reads "T-0:05".
 */
export function elapsedLabel(start: Instant, at: Instant): string {
  const minutes = wholeMinutesBetween(start, at);
  const sign = minutes < 0 ? '-' : '+';
  const magnitude = Math.abs(minutes);
  const days = Math.floor(magnitude / MINUTES_PER_DAY);
  const inDay = magnitude % MINUTES_PER_DAY;
  const clock = `${days > 0 ? pad2(Math.floor(inDay / MINUTES_PER_HOUR)) : Math.floor(inDay / MINUTES_PER_HOUR)}:${pad2(inDay % MINUTES_PER_HOUR)}`;
  return `T${sign}${days > 0 ? `${days}d ` : ''}${clock}`;
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/** Past this many hours a duration also gives days, as "71 hours 15 minutes (2 days 23 hours 15 minutes)". */
const DAYS_AFTER_HOURS = 48;

function unitWords(parts: readonly [number, string][]): string {
  return parts
    .filter(([count]) => count > 0)
    .map(([count, unit]) => plural(count, unit))
    .join(' ');
}

/**
 * "14 hours 16 minutes", "32 hours 44 minutes", "less than a minute": the total downtime as
 * postmortems write it, in hours and minutes. Past 48 hours the days follow in parentheses:
 * "71 hours 15 minutes (2 days 23 hours 15 minutes)". Counted in real elapsed time, so a DST
 * change inside the outage does not shorten or lengthen it. The order of the two instants
 * does not matter; seconds are dropped.
 */
export function durationWords(start: Instant, end: Instant): string {
  const total = Math.abs(wholeMinutesBetween(start, end));
  const hours = Math.floor(total / MINUTES_PER_HOUR);
  const minutes = total % MINUTES_PER_HOUR;
  const words = unitWords([
    [hours, 'hour'],
    [minutes, 'minute'],
  ]);
  if (words === '') return 'less than a minute';
  if (hours <= DAYS_AFTER_HOURS) return words;
  const days = unitWords([
    [Math.floor(hours / 24), 'day'],
    [hours % 24, 'hour'],
    [minutes, 'minute'],
  ]);
  return `${words} (${days})`;
}

/** "14:25" for today in `zone`, else "Wed 14 May 2008 00:09": a backdated time never looks like today's. */
export function formatWhen(instant: Instant, zone: string, now: Instant): string {
  if (dayKey(instant, zone) === dayKey(now, zone)) return formatTime(instant, zone);
  return `${formatDayHeading(instant, zone)} ${formatTime(instant, zone)}`;
}

/** More than this away from now is worth a second look before Enter. */
const FAR_FROM_NOW_MS = 24 * 60 * MS_PER_MINUTE;

/** A warning (never a refusal) for a time far from now or before the incident started. */
export function whenWarning(instant: Instant, now: Instant, incidentStart: Instant | null): string | null {
  const distance = epochMillis(instant) - epochMillis(now);
  if (distance > FAR_FROM_NOW_MS) return 'More than a day ahead of now.';
  if (incidentStart !== null && instant < incidentStart) return 'Before the incident started.';
  if (-distance > FAR_FROM_NOW_MS) return 'More than a day ago.';
  return null;
}
