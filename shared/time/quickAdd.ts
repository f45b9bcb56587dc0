import { DateTime } from 'luxon';
import type { EntryKind, Instant } from '../model/types';
import { DEFAULT_DATE_ORDER, readLeadingTime, TEXT_ESCAPE, type DateOrder } from './leadingTime';
import { FALLBACK_ZONE, isValidZone } from './zones';

export { FUTURE_GRACE_MS } from './leadingTime';

// The quick-add bar's grammar. Leading tokens, in any order, each at most once:
//   /decision /action /comms /event /note   the entry's kind (default note)
//   !                                       key event (also accepted as the last token)
//   #tag                                    workstream (the first #tag anywhere in the text)
//   a time                                  backdates the entry (every form: leadingTime.ts)
//   \                                       the rest is text, even if it starts like a time

export type QuickAddResult =
  | { ok: true; occurredAt: Instant | null; kind: EntryKind; key: boolean; workstream: string; text: string }
  | { ok: false; error: string };

/** Kinds a person may pick by prefix; the others are written by the app itself. */
export const QUICK_ADD_KINDS = ['decision', 'action', 'comms', 'event', 'note'] as const satisfies readonly EntryKind[];


const KIND_TOKEN = /^\/[A-Za-z]+$/;
const KEY_TOKEN = '!';
const TAG_TOKEN = /^#([A-Za-z0-9][\w.-]*)$/;
const TAG_IN_TEXT = /(^|\s)#([A-Za-z0-9][\w.-]*)(?=\s|$)/;
const TRAILING_KEY = /(^|\s)!$/;
/** Trailing dots or dashes belong to the sentence, not to the tag ("… on #db."). */
const TAG_TRAILING_PUNCTUATION = /[.-]+$/;

function isQuickAddKind(word: string): word is (typeof QUICK_ADD_KINDS)[number] {
  return (QUICK_ADD_KINDS as readonly string[]).includes(word);
}

function tagName(raw: string): string {
  return raw.replace(TAG_TRAILING_PUNCTUATION, '');
}

/** Parses one line typed into the quick-add bar. `now` and `zone` anchor relative and clock times. */
export function parseQuickAdd(input: string, opts: { now: Instant; zone: string; dateOrder?: DateOrder }): QuickAddResult {
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
    if (token.startsWith(TEXT_ESCAPE)) {
      rest = rest.slice(TEXT_ESCAPE.length);
      break;
    }
    if (occurredAt === null) {
      const time = readLeadingTime(rest, now, opts.dateOrder ?? DEFAULT_DATE_ORDER);
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
