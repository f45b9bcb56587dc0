// The first screen of an incident, as the host sends it before the full document has synced:
// the incident's meta, how many entries there are, and the newest entries in timeline order
// (the timeline opens scrolled to its end). Entries travel as their stored creation record plus
// their edits, so the renderer folds them with the same foldEntry that reads the full document and
// a projected row cannot differ from the row the synced document gives.
import * as Y from 'yjs';
import { entriesMap, entryEditsArray, isRecord, readIncident } from './doc';
import { foldEntry, groupEditsByEntry, recordTimes, type EntryEditRecord } from './entryRecords';
import { compareEntries } from './order';
import { storedText } from './storedFields';
import type { Incident, TimelineEntry } from './types';

/**
 * Entries in a first screen: a 900 px window shows about 30 rows of 31 px; twice that covers a
 * taller window and the overscan the virtualizer renders beyond the viewport.
 */
export const FIRST_SCREEN_ENTRIES = 64;

export interface FirstScreenEntry {
  id: string;
  /** The stored creation record, as the `entries` map holds it. */
  record: unknown;
  /** The entry's edits from the `entryEdits` log, in log order. */
  edits: unknown[];
}

export interface FirstScreen {
  incident: Incident;
  /** Every entry in the document, retracted ones included. */
  entryCount: number;
  /** The last FIRST_SCREEN_ENTRIES entries in timeline order, oldest first. */
  entries: FirstScreenEntry[];
  /**
   * The document's state vector ([client id, clock] pairs): a replica kept in a browser is used
   * again only if the document holds what the host confirmed to it. Absent in screens stored earlier.
   */
  stateVector?: Array<[number, number]>;
}

type OrderKey = { occurredAt: string; recordedAt: string; id: string };

/** An entry's place in the timeline, folding its edits only when it has any (occurredAt may be edited). */
function orderKey(id: string, record: unknown, edits: EntryEditRecord[] | undefined): OrderKey {
  if (edits) {
    const entry = foldEntry(record, edits, id);
    return { occurredAt: entry.occurredAt, recordedAt: entry.recordedAt, id };
  }
  const times = recordTimes(record);
  return { occurredAt: storedText(times.occurredAt), recordedAt: storedText(times.recordedAt), id };
}

/**
 * The document's first screen, or null while it holds no incident. One pass over the entries and
 * one over the edit log; only a bounded buffer of the latest entries is ever sorted.
 */
export function firstScreenOf(doc: Y.Doc, count = FIRST_SCREEN_ENTRIES): FirstScreen | null {
  const incident = readIncident(doc);
  if (!incident) return null;
  const editsByEntry = groupEditsByEntry(entryEditsArray(doc));
  const entries = entriesMap(doc);
  // The latest `count` keys seen so far, kept loosely: appended while above the threshold, and
  // cut back to `count` (newest first) whenever the buffer doubles.
  let kept: Array<OrderKey & { record: unknown }> = [];
  let threshold: OrderKey | null = null;
  const cut = () => {
    kept.sort((a, b) => compareEntries(b, a));
    kept = kept.slice(0, count);
    threshold = kept.length === count ? (kept[count - 1] as OrderKey) : null;
  };
  let entryCount = 0;
  entries.forEach((record, id) => {
    if (!isRecord(record)) return;
    entryCount += 1;
    const key = orderKey(id, record, editsByEntry.get(id));
    if (threshold && compareEntries(key, threshold) <= 0) return;
    kept.push({ ...key, record });
    if (kept.length >= count * 2) cut();
  });
  cut();
  kept.reverse();
  return {
    incident,
    entryCount,
    entries: kept.map((k) => ({ id: k.id, record: k.record, edits: editsByEntry.get(k.id) ?? [] })),
    stateVector: [...Y.decodeStateVector(Y.encodeStateVector(doc))],
  };
}

/** The projected entries, folded exactly as the full document folds them. */
export function firstScreenEntries(screen: Pick<FirstScreen, 'entries'>): TimelineEntry[] {
  return screen.entries.map((e) => foldEntry(e.record, e.edits, e.id));
}
