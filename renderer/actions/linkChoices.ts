// What an action can be linked to: recent key timeline entries and the decisions.
// A select of the latest key moments is enough; ids already linked always stay listed.
import type { Decision } from '../../shared/model/coordinationTypes';
import type { TimelineEntry } from '../../shared/model/types';
import { formatTime } from '../../shared/time/format';

/** Enough to cover a shift's key moments without a scrolling wall of options. */
export const MAX_ENTRY_CHOICES = 25;
/** Labels are one line in a select. */
const LABEL_CHARS = 70;

export interface LinkChoice {
  id: string;
  label: string;
}

function clip(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > LABEL_CHARS ? `${line.slice(0, LABEL_CHARS - 1)}…` : line;
}

/**
 * Key, unretracted entries, newest first (the caller passes entries newest first and
 * may stop early), plus any entry in `linked` even when it is not key.
 */
export function entryChoices(newestFirst: Iterable<TimelineEntry>, linked: readonly string[], zone: string): LinkChoice[] {
  const wanted = new Set(linked);
  const choices: LinkChoice[] = [];
  let keyCount = 0;
  for (const entry of newestFirst) {
    const isKey = entry.key && !entry.retraction && keyCount < MAX_ENTRY_CHOICES;
    if (!isKey && !wanted.has(entry.id)) continue;
    if (isKey) keyCount += 1;
    wanted.delete(entry.id);
    choices.push({ id: entry.id, label: `${formatTime(entry.occurredAt, zone)} ${clip(entry.text)}` });
    if (keyCount >= MAX_ENTRY_CHOICES && wanted.size === 0) break;
  }
  // Linked ids that no longer resolve (not synced yet) stay selectable, so saving never drops them.
  for (const id of wanted) choices.push({ id, label: `Entry ${id}` });
  return choices;
}

/** Every decision, newest first, labelled by its question and status. */
export function decisionChoices(decisions: readonly Decision[]): LinkChoice[] {
  return [...decisions].reverse().map((d) => ({ id: d.id, label: `${clip(d.question) || 'Untitled decision'} (${d.status})` }));
}
