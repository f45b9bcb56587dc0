// Reading and writing an entry's time in the inline editor. The editor shows
// "YYYY-MM-DD HH:MM" in the display zone and accepts the same leading-time
// syntax as the quick-add bar ("14:25", "-10m", "yesterday 23:50"), so a
// responder never has to learn two formats.
import { DateTime } from 'luxon';
import type { Instant } from '../../shared/model/types';
import { parseQuickAdd } from '../../shared/time/quickAdd';

/** Also a form quick-add reads ("2026-11-21 14:25"), so the shown value parses back unchanged. */
const EDITOR_FORMAT = 'yyyy-MM-dd HH:mm';
/** Any word: quick-add needs text after the time to treat the time as a time. */
const PROBE_TEXT = 'x';

export type EntryTimeResult = { ok: true; occurredAt: Instant } | { ok: false; error: string };

export function formatEditorTime(instant: Instant, zone: string): string {
  return DateTime.fromISO(instant, { zone: 'utc' }).setZone(zone).toFormat(EDITOR_FORMAT);
}

export function parseEntryTime(input: string, opts: { now: Instant; zone: string }): EntryTimeResult {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, error: 'Enter a time, e.g. 2026-11-21 14:25 or 14:25.' };
  // One grammar for times everywhere (including its DST rules): the quick-add parser, fed the time plus a probe word.
  const quick = parseQuickAdd(`${trimmed} ${PROBE_TEXT}`, opts);
  if (quick.ok && quick.occurredAt !== null && quick.text === PROBE_TEXT) return { ok: true, occurredAt: quick.occurredAt };
  if (!quick.ok) return { ok: false, error: quick.error };
  return { ok: false, error: `"${trimmed}" is not a time. Use 2026-11-21 14:25, 14:25, -10m or yesterday 23:50.` };
}
