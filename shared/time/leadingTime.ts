import { DateTime, Duration, FixedOffsetZone, type Zone } from 'luxon';
import type { Instant } from '../model/types';
import { isValidZone } from './zones';
import type { DateOrder } from './dateOrder';

// A time written at the start of a line, in the forms people type into a live timeline and
// the forms postmortems are written in. Everything is read as a wall clock in the incident's
// zone unless the span names a zone; luxon does every conversion to an instant.
//
//   14:25  14:25:30  9:05pm  9:05 pm  0009  2045     a clock: today, or yesterday if still ahead
//   yesterday 23:50  today 08:10  Wed 23:50           a day word or weekday and a clock
//   2008-05-14 00:09  2008-05-14T00:09[:ss][Z|+hh:mm] ISO
//   14 May 00:09  14 May 2008 00:09  May 14, 2008 00:09   month names (a date without a year
//                                                     is the latest one that is not ahead)
//   14/5/2008 00:09  5/14 00:09  14.5.2008 00:09      numeric, in the order the settings choose
//   00:09 MST  23:50 Europe/Berlin  UTC 14:25         a zone before or after, never left in the text
//   -10m  -2h  -1h30m  -1d                            that long before now
//
// Anything that starts like a date or a time but cannot be read is reported, never kept as text,
// so nothing is misdated silently. A leading backslash keeps a line that starts with a number
// ("\2026 has been rough") as text.

export { DATE_ORDERS, DEFAULT_DATE_ORDER, type DateOrder } from './dateOrder';

/** A clock time up to a minute ahead is "now", not yesterday: the typed minute is still running and machine clocks differ. */
export const FUTURE_GRACE_MS = 60_000;

export type LeadingTime = { found: false } | { found: true; occurredAt: Instant; rest: string } | { found: true; error: string };

/** The forms that work, for placeholders and errors; numeric dates follow the reader's setting. */
export function timeFormsHint(order: DateOrder): string {
  const numeric = order === 'day-first' ? '14/5/2008 00:09' : '5/14/2008 00:09';
  return `14:25, 0009, 14 May 00:09, ${numeric}, 2008-05-14 00:09 MST, -10m or yesterday 23:50`;
}

const timeError = (token: string, order: DateOrder): { found: true; error: string } => ({
  found: true,
  error: `Can't read the time “${token}”: use ${timeFormsHint(order)}. Start with \\ to keep it as text.`,
});

/** The longest span considered: zone, weekday, three date words, clock, am/pm, zone. */
const MAX_SPAN_WORDS = 8;
/** Escapes a leading time-like word: "\2026 has been rough" is text. */
export const TEXT_ESCAPE = '\\';

const RELATIVE_LOOKALIKE = /^-\d\S*$/;
const RELATIVE = /^-(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$/;
const CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(am|pm|a\.m\.|p\.m\.)?$/i;
const HOUR_MERIDIEM = /^(\d{1,2})(am|pm)$/i;
const BARE_CLOCK = /^(\d{2})(\d{2})$/;
const MERIDIEM = /^(am|pm|a\.m\.|p\.m\.)$/i;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?$/i;
const NUMERIC_DATE = /^(\d{1,2})([/.])(\d{1,2})(?:\2(\d{4}))?$/;
const DAY_NUMBER = /^(\d{1,2})(?:st|nd|rd|th)?,?$/i;
const YEAR = /^(\d{4}),?$/;
const UTC_OFFSET = /^(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?$/i;

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
/** Sept and Tues are common too; otherwise a name is its first three letters or more of the full one. */
const LONGER_SHORT_FORMS: Readonly<Record<string, string>> = { sept: 'september', tues: 'tuesday', thur: 'thursday', thurs: 'thursday' };

/** 1-based index of `word` (a full English name or an abbreviation of three letters or more) in `names`. */
function nameIndex(names: readonly string[], word: string): number | null {
  const w = word.toLowerCase().replace(/[.,]$/, '');
  if (w.length < 3) return null;
  const full = LONGER_SHORT_FORMS[w];
  const i = names.findIndex((n) => n === full || (n.startsWith(w) && (w.length === 3 || w === n)));
  return i >= 0 ? i + 1 : null;
}

/**
 * Zone abbreviations as postmortems write them ("All times MST"), as fixed offsets: an
 * abbreviation names the offset, not the region's rules. Upper case only, so words stay words.
 * IST, AST and others that name several offsets are left out on purpose.
 */
const ZONE_ABBREVIATIONS: Readonly<Record<string, number>> = {
  UTC: 0, GMT: 0, Z: 0, WET: 0, BST: 60, WEST: 60, CET: 60, CEST: 120, EET: 120, EEST: 180, MSK: 180,
  EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
  AKST: -540, AKDT: -480, HST: -600, NZST: 720, NZDT: 780, AEST: 600, AEDT: 660, ACST: 570,
  ACDT: 630, AWST: 480, JST: 540, KST: 540, HKT: 480, SGT: 480, PHT: 480, WIB: 420,
};

interface CalendarDate {
  year: number | null;
  month: number;
  day: number;
}
interface Clock {
  hour: number;
  minute: number;
  second: number;
}
type Day = { kind: 'date'; date: CalendarDate } | { kind: 'offset'; days: number } | { kind: 'weekday'; weekday: number };

const monthIndex = (word: string) => nameIndex(MONTHS, word);
const weekdayIndex = (word: string) => nameIndex(WEEKDAYS, word);

/** A zone written as one word: an abbreviation (MST), an offset (UTC+2, +05:30) or an IANA name. */
export function readZone(word: string): Zone | null {
  const abbreviation = ZONE_ABBREVIATIONS[word];
  if (abbreviation !== undefined) return FixedOffsetZone.instance(abbreviation);
  const offset = UTC_OFFSET.exec(word);
  if (offset && (/^(utc|gmt)/i.test(word) || word.includes(':') || word.length === 5)) {
    const minutes = Number(offset[2]) * 60 + Number(offset[3] ?? 0);
    if (Number(offset[2]) > 14 || Number(offset[3] ?? 0) > 59) return null;
    return FixedOffsetZone.instance(offset[1] === '-' ? -minutes : minutes);
  }
  if (word.includes('/') && isValidZone(word)) return DateTime.local().setZone(word).zone;
  return null;
}

function checkedClock(hour: number, minute: number, second: number, meridiem: string | undefined): Clock | null {
  let h = hour;
  if (meridiem) {
    if (h < 1 || h > 12) return null;
    const pm = meridiem.toLowerCase().startsWith('p');
    h = (h % 12) + (pm ? 12 : 0);
  }
  if (h > 23 || minute > 59 || second > 59) return null;
  return { hour: h, minute, second };
}

/** A clock in one word, or two when "am"/"pm" stands apart; the number of words used. */
function readClock(words: readonly string[], at: number): { clock: Clock; used: number; bare?: true } | null {
  const word = words[at];
  if (word === undefined) return null;
  const next = words[at + 1];
  const clock = CLOCK.exec(word);
  if (clock) {
    if (!clock[4] && next !== undefined && MERIDIEM.test(next)) {
      const c = checkedClock(Number(clock[1]), Number(clock[2]), Number(clock[3] ?? 0), next);
      return c ? { clock: c, used: 2 } : null;
    }
    const c = checkedClock(Number(clock[1]), Number(clock[2]), Number(clock[3] ?? 0), clock[4]);
    return c ? { clock: c, used: 1 } : null;
  }
  const hourOnly = HOUR_MERIDIEM.exec(word);
  if (hourOnly) {
    const c = checkedClock(Number(hourOnly[1]), 0, 0, hourOnly[2]);
    return c ? { clock: c, used: 1 } : null;
  }
  const bare = BARE_CLOCK.exec(word);
  if (bare) {
    const c = checkedClock(Number(bare[1]), Number(bare[2]), 0, undefined);
    return c ? { clock: c, used: 1, bare: true } : null;
  }
  return null;
}

/** A calendar date in one to three words; the number of words used. */
function readDate(words: readonly string[], at: number, order: DateOrder): { date: CalendarDate; used: number }[] {
  const found: { date: CalendarDate; used: number }[] = [];
  const w0 = words[at];
  if (w0 === undefined) return found;
  const w1 = words[at + 1];
  const w2 = words[at + 2];
  const iso = ISO_DATE.exec(w0);
  if (iso) found.push({ date: { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) }, used: 1 });
  const numeric = NUMERIC_DATE.exec(w0);
  if (numeric) {
    const [first, second] = [Number(numeric[1]), Number(numeric[3])];
    const [day, month] = order === 'day-first' ? [first, second] : [second, first];
    found.push({ date: { year: numeric[4] ? Number(numeric[4]) : null, month, day }, used: 1 });
  }
  // 14 May [2008]
  const dayFirst = DAY_NUMBER.exec(w0);
  const monthSecond = w1 !== undefined ? monthIndex(w1) : null;
  if (dayFirst && monthSecond) {
    const year = w2 !== undefined ? YEAR.exec(w2) : null;
    if (year) found.push({ date: { year: Number(year[1]), month: monthSecond, day: Number(dayFirst[1]) }, used: 3 });
    found.push({ date: { year: null, month: monthSecond, day: Number(dayFirst[1]) }, used: 2 });
  }
  // May 14[,] [2008]
  const monthFirst = monthIndex(w0);
  const daySecond = w1 !== undefined ? DAY_NUMBER.exec(w1) : null;
  if (monthFirst && daySecond) {
    const year = w2 !== undefined ? YEAR.exec(w2) : null;
    if (year) found.push({ date: { year: Number(year[1]), month: monthFirst, day: Number(daySecond[1]) }, used: 3 });
    found.push({ date: { year: null, month: monthFirst, day: Number(daySecond[1]) }, used: 2 });
  }
  return found;
}

interface Span {
  used: number;
  zone: Zone | null;
  day: Day | null;
  weekday: number | null;
  clock: Clock;
}

/** Every way the leading words can be read as [zone] [weekday] [day] clock [zone]; longest first. */
function readSpans(words: readonly string[], order: DateOrder): Span[] {
  const spans: Span[] = [];
  const leadZone = words[0] !== undefined ? readZone(words[0]) : null;
  for (const lead of leadZone ? [1, 0] : [0]) {
    const weekday = words[lead] !== undefined ? weekdayIndex(words[lead]) : null;
    for (const wd of weekday ? [1, 0] : [0]) {
      const at = lead + wd;
      const days: { day: Day | null; used: number }[] = [{ day: null, used: 0 }];
      const word = words[at]?.toLowerCase();
      if (word === 'today' || word === 'yesterday') days.push({ day: { kind: 'offset', days: word === 'yesterday' ? 1 : 0 }, used: 1 });
      for (const d of readDate(words, at, order)) days.push({ day: { kind: 'date', date: d.date }, used: d.used });
      for (const { day, used } of days) {
        const clockAt = at + used;
        const iso = used === 0 ? ISO_DATE_TIME.exec(words[clockAt] ?? '') : null;
        if (iso) {
          const [y, m, d] = (iso[1] ?? '').split('-').map(Number);
          const clock = readClock([(iso[2] ?? '').replace(/\.\d+$/, '')], 0)?.clock;
          const zoned = iso[3] ? readZone(iso[3].toUpperCase() === 'Z' ? 'Z' : iso[3]) : null;
          if (clock && y && m && d) spans.push({ used: clockAt + 1, zone: zoned ?? (lead ? leadZone : null), day: { kind: 'date', date: { year: y, month: m, day: d } }, weekday: wd ? weekday : null, clock });
          continue;
        }
        const clock = readClock(words, clockAt);
        if (!clock) continue;
        // "14 May 2008 text" has no time: 2008 is its year, never 20:08.
        if (clock.bare && day?.kind === 'date' && day.date.year === null) continue;
        const end = clockAt + clock.used;
        const base: Span = { used: end, zone: lead ? leadZone : null, day, weekday: wd ? weekday : null, clock: clock.clock };
        const trailing = !lead && words[end] !== undefined ? readZone(words[end]) : null;
        if (trailing) spans.push({ ...base, used: end + 1, zone: trailing });
        spans.push(base);
      }
    }
  }
  return spans.sort((a, b) => b.used - a.used);
}

/** Whether the first words start like a date or a time, so an unreadable one is an error, not text. */
function lookalikeLength(words: readonly string[]): number {
  const w0 = words[0] ?? '';
  const w1 = words[1] ?? '';
  const timeish = (w: string) => /^\d{1,2}:/.test(w) || /^\d{4}$/.test(w) || /^\d{1,2}(am|pm)$/i.test(w);
  const dateish = (w: string) => /^\d{4}-\d/.test(w) || /^\d{1,2}[/.]\d{1,2}([/.]\d*)?$/.test(w);
  if (timeish(w0) || dateish(w0)) return Math.min(words.length, 1 + (timeish(w1) || MERIDIEM.test(w1) || readZone(w1) ? 1 : 0));
  const opensSpan = /^(yesterday|today)$/i.test(w0) || weekdayIndex(w0) !== null || readZone(w0) !== null;
  const numberMonth = DAY_NUMBER.test(w0) && monthIndex(w1) !== null;
  const monthNumber = monthIndex(w0) !== null && DAY_NUMBER.test(w1);
  if (numberMonth || monthNumber || (opensSpan && (timeish(w1) || dateish(w1) || /^\d/.test(w1)))) {
    let n = 2;
    while (n < words.length && n < MAX_SPAN_WORDS && (/^[\d:,.apm/]+$/i.test(words[n] ?? '') || monthIndex(words[n] ?? '') !== null || readZone(words[n] ?? '') !== null)) n++;
    return n;
  }
  return 0;
}

/** Longer than any daylight-saving shift (at most two hours, historically), so a repeated hour is always seen. */
const DST_LOOKBACK = Duration.fromObject({ hours: 3 });

/**
 * luxon resolves a wall time repeated by a fall-back to its later occurrence; responders
 * backdating into that hour usually mean the first pass, so prefer the earlier one.
 */
function earliestOccurrence(at: DateTime): DateTime {
  const offsetBefore = at.minus(DST_LOOKBACK).offset;
  if (offsetBefore <= at.offset) return at;
  const earlier = at.minus({ minutes: offsetBefore - at.offset });
  return earlier.toFormat('yyyy-MM-dd HH:mm:ss') === at.toFormat('yyyy-MM-dd HH:mm:ss') ? earlier : at;
}

function atWallClock(date: { year: number; month: number; day: number }, clock: Clock, zone: Zone): DateTime | null {
  const at = DateTime.fromObject({ year: date.year, month: date.month, day: date.day, ...clock }, { zone });
  // luxon rejects impossible dates (31 November) rather than rolling them over.
  if (!at.isValid || at.day !== date.day || at.month !== date.month) return null;
  return earliestOccurrence(at);
}

function ahead(at: DateTime, now: DateTime): boolean {
  return at.toMillis() > now.toMillis() + FUTURE_GRACE_MS;
}

/** The instant a span names, counted back from `now` where the span leaves the day or year open. */
function resolve(span: Span, now: DateTime): DateTime | null {
  const here = now.setZone(span.zone ?? now.zone);
  const { clock, day } = span;
  if (day?.kind === 'date') {
    const { date } = day;
    let at: DateTime | null;
    if (date.year !== null) at = atWallClock({ ...date, year: date.year }, clock, here.zone);
    else {
      at = atWallClock({ ...date, year: here.year }, clock, here.zone);
      if (at && ahead(at, now)) at = atWallClock({ ...date, year: here.year - 1 }, clock, here.zone);
    }
    if (at && span.weekday !== null && at.weekday !== span.weekday) return null;
    return at;
  }
  if (day?.kind === 'offset') return atWallClock(here.minus({ days: day.days }), clock, here.zone);
  if (span.weekday !== null) {
    const back = (here.weekday - span.weekday + 7) % 7;
    const at = atWallClock(here.minus({ days: back }), clock, here.zone);
    return at && ahead(at, now) ? atWallClock(here.minus({ days: back + 7 }), clock, here.zone) : at;
  }
  const at = atWallClock(here, clock, here.zone);
  return at && ahead(at, now) ? atWallClock(here.minus({ days: 1 }), clock, here.zone) : at;
}

function wordsOf(text: string): { words: string[]; ends: number[] } {
  const words: string[] = [];
  const ends: number[] = [];
  for (const m of text.matchAll(/\S+/g)) {
    if (words.length === MAX_SPAN_WORDS) break;
    words.push(m[0]);
    ends.push(m.index + m[0].length);
  }
  return { words, ends };
}

function toInstant(at: DateTime): Instant {
  return at.toUTC().toISO() as Instant;
}

/** Reads a time at the very start of `text`, if something there looks like one. */
export function readLeadingTime(text: string, now: DateTime, order: DateOrder): LeadingTime {
  const { words, ends } = wordsOf(text);
  const first = words[0];
  if (first === undefined) return { found: false };
  if (RELATIVE_LOOKALIKE.test(first)) {
    const match = RELATIVE.exec(first);
    if (!match || (!match[1] && !match[2] && !match[3])) return timeError(first, order);
    const [, days, hours, minutes] = match;
    const at = now.minus(Duration.fromObject({ days: Number(days ?? 0), hours: Number(hours ?? 0), minutes: Number(minutes ?? 0) }));
    return { found: true, occurredAt: toInstant(at), rest: text.slice(ends[0]) };
  }
  for (const span of readSpans(words, order)) {
    const at = resolve(span, now);
    if (at) return { found: true, occurredAt: toInstant(at), rest: text.slice(ends[span.used - 1]) };
  }
  const lookalike = lookalikeLength(words);
  if (lookalike > 0) return timeError(text.slice(0, ends[lookalike - 1]).trim(), order);
  return { found: false };
}
