import * as chrono from 'chrono-node';
import { DateTime, Duration } from 'luxon';
import type { EntryKind, Instant } from '../model/types';
import { FALLBACK_ZONE, isValidZone } from './zones';

// The quick-add bar's grammar. Leading tokens, in any order, each at most once:
//   /decision /action /comms /event /note   the entry's kind (default note)
//   !                                       key event (also accepted as the last token)
//   #tag                                    workstream (the first #tag anywhere in the text)
//   a time                                  backdates the entry:
//     14:25, 14:25:30, 9:05pm   today in the incident zone; if that is still in the future
//                               (beyond FUTURE_GRACE_MS) it means yesterday, because
//                               nobody logs what has not happened yet
//     yesterday 23:50, today 08:10
//     2026-11-21 14:25, 2026-11-21T14:25:30
//     -10m, -2h, -1h30m, -1d     that long before now
// chrono-node reads the wall-clock components of an absolute time; every conversion to an
// instant is done by luxon in the given zone (chrono's own Date is in the machine's zone).
// A wall time that does not exist (skipped by a DST change) moves forward by the gap, as
// luxon does; an ambiguous one (repeated by a DST change) takes the earlier of the two.

export type QuickAddResult =
  | { ok: true; occurredAt: Instant | null; kind: EntryKind; key: boolean; workstream: string; text: string }
  | { ok: false; error: string };

/** Kinds a person may pick by prefix; the others are written by the app itself. */
export const QUICK_ADD_KINDS = ['decision', 'action', 'comms', 'event', 'note'] as const satisfies readonly EntryKind[];

/** A clock time up to a minute ahead is "now", not yesterday: the typed minute is still running and machine clocks differ. */
export const FUTURE_GRACE_MS = 60_000;

const KIND_TOKEN = /^\/[A-Za-z]+$/;
const KEY_TOKEN = '!';
const TAG_TOKEN = /^#([A-Za-z0-9][\w.-]*)$/;
const TAG_IN_TEXT = /(^|\s)#([A-Za-z0-9][\w.-]*)(?=\s|$)/;
const TRAILING_KEY = /(^|\s)!$/;
/** Trailing dots or dashes belong to the sentence, not to the tag ("… on #db."). */
const TAG_TRAILING_PUNCTUATION = /[.-]+$/;

const RELATIVE_LOOKALIKE = /^-\d\S*/;
const RELATIVE = /^-(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$/;
/** Anything that starts like a clock or a date is treated as a time, so a typo is reported instead of becoming text. */
const ABSOLUTE_LOOKALIKE = /^(?:(?:yesterday|today)\s+(?=\d{1,2}:))?(?:\d{4}-\d\S*(?:[ T]\d\S*)?|\d{1,2}:\S*)/i;
const ABSOLUTE = /^(?:(yesterday|today)\s+)?(?:(\d{4})-(\d{2})-(\d{2})[ T])?(\d{1,2}:\d{2}(?::\d{2})?(?:[ap]m)?)$/i;

type TimeRead = { found: false } | { found: true; occurredAt: Instant; rest: string } | { found: true; error: string };

const timeError = (token: string): { found: true; error: string } => ({
  found: true,
  error: `Can't read the time “${token}”: use 14:25, -10m or yesterday 23:50.`,
});

function readRelative(token: string, now: DateTime): DateTime | null {
  const match = RELATIVE.exec(token);
  if (!match || (!match[1] && !match[2] && !match[3])) return null;
  const [, days, hours, minutes] = match;
  return now.minus(Duration.fromObject({ days: Number(days ?? 0), hours: Number(hours ?? 0), minutes: Number(minutes ?? 0) }));
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

function atWallClock(date: { year: number; month: number; day: number }, clock: { hour: number; minute: number; second: number }, zone: DateTime['zone']): DateTime | null {
  const at = DateTime.fromObject({ year: date.year, month: date.month, day: date.day, ...clock }, { zone });
  return at.isValid ? earliestOccurrence(at) : null;
}

function readAbsolute(span: string, now: DateTime): DateTime | null {
  const match = ABSOLUTE.exec(span);
  if (!match) return null;
  const [, dayWord, year, month, day] = match;
  const parsed = chrono.parse(span, now.toJSDate())[0];
  if (!parsed || parsed.index !== 0 || parsed.text !== span || parsed.end) return null;
  const clock = { hour: parsed.start.get('hour') ?? 0, minute: parsed.start.get('minute') ?? 0, second: parsed.start.get('second') ?? 0 };
  if (year && month && day) {
    const date = { year: Number(year), month: Number(month), day: Number(day) };
    // chrono quietly reinterprets impossible dates ("2026-13-01"); insist on what was typed.
    if (parsed.start.get('year') !== date.year || parsed.start.get('month') !== date.month || parsed.start.get('day') !== date.day) return null;
    return atWallClock(date, clock, now.zone);
  }
  const dayOffset = dayWord?.toLowerCase() === 'yesterday' ? 1 : 0;
  const at = atWallClock(now.minus({ days: dayOffset }), clock, now.zone);
  if (at && !dayWord && at.toMillis() > now.toMillis() + FUTURE_GRACE_MS) {
    return atWallClock(at.minus({ days: 1 }), clock, now.zone);
  }
  return at;
}

/** Reads a time at the very start of `text`, if something there looks like one. */
function readLeadingTime(text: string, now: DateTime): TimeRead {
  const relative = RELATIVE_LOOKALIKE.exec(text);
  if (relative) {
    const at = readRelative(relative[0], now);
    return at ? { found: true, occurredAt: toInstant(at), rest: text.slice(relative[0].length) } : timeError(relative[0]);
  }
  const absolute = ABSOLUTE_LOOKALIKE.exec(text);
  if (absolute) {
    const at = readAbsolute(absolute[0], now);
    return at ? { found: true, occurredAt: toInstant(at), rest: text.slice(absolute[0].length) } : timeError(absolute[0]);
  }
  return { found: false };
}

function toInstant(at: DateTime): Instant {
  return at.toUTC().toISO() as Instant;
}

function isQuickAddKind(word: string): word is (typeof QUICK_ADD_KINDS)[number] {
  return (QUICK_ADD_KINDS as readonly string[]).includes(word);
}

function tagName(raw: string): string {
  return raw.replace(TAG_TRAILING_PUNCTUATION, '');
}

/** Parses one line typed into the quick-add bar. `now` and `zone` anchor relative and clock times. */
export function parseQuickAdd(input: string, opts: { now: Instant; zone: string }): QuickAddResult {
  const zone = isValidZone(opts.zone) ? opts.zone : FALLBACK_ZONE;
  const now = DateTime.fromISO(opts.now, { zone });
  if (!now.isValid) return { ok: false, error: `The clock reads “${opts.now}”, which is not a time; try again.` };
  let rest = input.trim();
  let kind: EntryKind = 'note';
  let kindSet = false;
  let key = false;
  let workstream = '';
  let occurredAt: Instant | null = null;

  for (;;) {
    const token = rest.split(/\s/, 1)[0] ?? '';
    if (token === '') break;
    const after = rest.slice(token.length).trimStart();
    if (!kindSet && KIND_TOKEN.test(token)) {
      const word = token.slice(1).toLowerCase();
      if (!isQuickAddKind(word)) {
        return { ok: false, error: `Unknown kind “${token}”: use ${QUICK_ADD_KINDS.slice(0, -1).map((k) => `/${k}`).join(', ')} or /${QUICK_ADD_KINDS.at(-1)}.` };
      }
      kind = word;
      kindSet = true;
      rest = after;
      continue;
    }
    if (token === KEY_TOKEN) {
      key = true;
      rest = after;
      continue;
    }
    const tag = workstream === '' ? TAG_TOKEN.exec(token) : null;
    if (tag?.[1] && tagName(tag[1]) !== '') {
      workstream = tagName(tag[1]);
      rest = after;
      continue;
    }
    if (occurredAt === null) {
      const time = readLeadingTime(rest, now);
      if (time.found && 'error' in time) return { ok: false, error: time.error };
      if (time.found) {
        occurredAt = time.occurredAt;
        rest = time.rest.trimStart();
        continue;
      }
    }
    break;
  }

  if (TRAILING_KEY.test(rest)) {
    key = true;
    rest = rest.slice(0, -KEY_TOKEN.length).trimEnd();
  }
  if (workstream === '') {
    const tag = TAG_IN_TEXT.exec(rest);
    if (tag?.[2] && tagName(tag[2]) !== '') {
      workstream = tagName(tag[2]);
      rest = (rest.slice(0, tag.index) + rest.slice(tag.index + tag[0].length)).trim();
    }
  }

  const text = rest.trim();
  if (text === '') {
    return { ok: false, error: occurredAt !== null ? 'Write what happened after the time.' : 'Write what happened.' };
  }
  return { ok: true, occurredAt, kind, key, workstream, text };
}
