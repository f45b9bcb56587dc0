// Compact mode: checklist ticks and role assignments make up most of a long incident's rows,
// so each run of two or more of them in a row (within one day) folds into one summary row,
// and decisions and key events stand out. A pure function over the row list, so any producer of
// rows (the live table, a first screen sent by the host) can call it.
//
// It keeps the timeline's incremental rule: when the row list changed by one inserted entry
// (the shape of almost every new entry), the folded list is patched around that entry instead
// of refolded, and a burst that only grew keeps its rows array. Anything else refolds, one pass.
import { HANDOFF_ENTRY_PREFIX } from '../../shared/model/roles';
import { recordsLineage } from '../state/keyedRecords';
import type { EntryRow } from './entryRow';
import { isDayKey, type TimelineRowModel } from './rowModel';

/** A summary row's key: this prefix and the id of the burst's first entry (ids never start so). */
export const BURST_KEY_PREFIX = 'burst:';
/** Fewer routine rows than this in a row stay as they are: one row needs no summary. */
const MIN_BURST = 2;

export function isBurstKey(key: string): boolean {
  return key.startsWith(BURST_KEY_PREFIX);
}

export interface Burst {
  /** The folded entries, in display order. */
  ids: readonly string[];
  checklist: number;
  roles: number;
  /** occurredMs of the first and the last entry in display order. */
  firstMs: number;
  lastMs: number;
}

export interface CompactRowModel extends TimelineRowModel {
  bursts: ReadonlyMap<string, Burst>;
  /** What was folded, and with which bursts open: the next call patches from these. */
  source: TimelineRowModel;
  expanded: ReadonlySet<string>;
}

/** Routine: a checklist entry or a role assignment (a handoff with a briefing is not), never a key event. */
export function isRoutineEntry(row: EntryRow | undefined): boolean {
  if (!row || row.key) return false;
  return row.kind === 'checklist' || (row.kind === 'handoff' && !row.text.startsWith(HANDOFF_ENTRY_PREFIX));
}

function routineKey(key: string | undefined, byId: ReadonlyMap<string, EntryRow>): boolean {
  return key !== undefined && !isDayKey(key) && isRoutineEntry(byId.get(key));
}

function burstOf(ids: readonly string[], byId: ReadonlyMap<string, EntryRow>): Burst {
  let checklist = 0;
  for (const id of ids) if (byId.get(id)?.kind === 'checklist') checklist += 1;
  return { ids, checklist, roles: ids.length - checklist, firstMs: byId.get(ids[0] as string)?.occurredMs ?? 0, lastMs: byId.get(ids[ids.length - 1] as string)?.occurredMs ?? 0 };
}

/** Every run of routine rows folded into one summary row (followed by its rows when expanded). */
export function foldRoutineBursts(source: TimelineRowModel, byId: ReadonlyMap<string, EntryRow>, expanded: ReadonlySet<string>): CompactRowModel {
  const from = source.keys;
  const keys: string[] = [];
  const bursts = new Map<string, Burst>();
  // A run is from[runStart, i): indices, not a growing array, so a pass over 100k rows allocates nothing per row.
  let runStart = -1;
  const flush = (end: number) => {
    if (end - runStart >= MIN_BURST) {
      const ids = from.slice(runStart, end);
      const key = BURST_KEY_PREFIX + (ids[0] as string);
      bursts.set(key, burstOf(ids, byId));
      keys.push(key);
      if (expanded.has(key)) for (const id of ids) keys.push(id);
    } else keys.push(from[runStart] as string);
    runStart = -1;
  };
  const n = from.length;
  for (let i = 0; i < n; i++) {
    const key = from[i] as string;
    if (routineKey(key, byId)) {
      if (runStart < 0) runStart = i;
      continue;
    }
    if (runStart >= 0) flush(i);
    keys.push(key);
  }
  if (runStart >= 0) flush(n);
  return { keys, dayLabels: source.dayLabels, entryCount: source.entryCount, bursts, source, expanded };
}

/** Index of the one key inserted into `before` to make `after`, or -1 when that is not the change. */
function insertedAt(before: readonly string[], after: readonly string[]): number {
  if (after.length !== before.length + 1) return -1;
  let at = 0;
  while (at < before.length && before[at] === after[at]) at++;
  for (let i = at; i < before.length; i++) if (before[i] !== after[i + 1]) return -1;
  return at;
}

function insertKey(keys: readonly string[], index: number, key: string): string[] {
  const next = keys.slice(0, index);
  next.push(key);
  for (let i = index; i < keys.length; i++) next.push(keys[i] as string);
  return next;
}

/** The patched model for one inserted key, or null when only a refold gives the right answer. */
function patchInsertion(previous: CompactRowModel, source: TimelineRowModel, byId: ReadonlyMap<string, EntryRow>): CompactRowModel | null {
  const at = insertedAt(previous.source.keys, source.keys);
  if (at < 0) return null;
  const added = source.keys[at] as string;
  const before = source.keys[at - 1];
  // Anything placed ahead of or inside a run changes which rows the run holds: refold.
  if (routineKey(source.keys[at + 1], byId)) return null;
  const base = { dayLabels: source.dayLabels, entryCount: source.entryCount, source, expanded: previous.expanded };
  const out = previous.keys;
  if (before === undefined) return { ...base, keys: insertKey(out, 0, added), bursts: previous.bursts };

  const beforeRoutine = routineKey(before, byId);
  // Where `before` shows: its own row, or (folded) its burst's summary row.
  let runStart = at - 1;
  if (beforeRoutine) while (runStart > 0 && routineKey(source.keys[runStart - 1], byId)) runStart--;
  const runKey = BURST_KEY_PREFIX + (source.keys[runStart] as string);
  const inBurst = beforeRoutine && runStart < at - 1;

  if (!isRoutineEntry(byId.get(added)) || !beforeRoutine) {
    const shownBefore = inBurst && !previous.expanded.has(runKey) ? runKey : before;
    const index = out.indexOf(shownBefore);
    return index < 0 ? null : { ...base, keys: insertKey(out, index + 1, added), bursts: previous.bursts };
  }

  const bursts = new Map(previous.bursts);
  if (inBurst) {
    // The run grows at its end: same summary row, one more entry in it.
    const burst = previous.bursts.get(runKey);
    if (!burst) return null;
    const row = byId.get(added);
    const checklist = row?.kind === 'checklist' ? 1 : 0;
    bursts.set(runKey, { ids: [...burst.ids, added], checklist: burst.checklist + checklist, roles: burst.roles + 1 - checklist, firstMs: burst.firstMs, lastMs: row?.occurredMs ?? burst.lastMs });
    if (!previous.expanded.has(runKey)) return { ...base, keys: out, bursts };
    const index = out.indexOf(before);
    return index < 0 ? null : { ...base, keys: insertKey(out, index + 1, added), bursts };
  }
  // `before` was a lone routine row: the two now make a burst in its place.
  const index = out.indexOf(before);
  if (index < 0) return null;
  bursts.set(runKey, burstOf([before, added], byId));
  const keys = out.slice(0, index);
  keys.push(runKey);
  if (previous.expanded.has(runKey)) keys.push(before, added);
  for (let i = index + 1; i < out.length; i++) keys.push(out[i] as string);
  return { ...base, keys, bursts };
}

/**
 * The compact model of `source`, patched from `previous` when the change allows it:
 * - the same rows (an entry's text was edited): unchanged, unless an entry in `changed` became or
 *   stopped being routine (a key mark toggled), which refolds;
 * - one inserted entry: patched around it.
 */
export function compactRows(
  previous: CompactRowModel | null,
  source: TimelineRowModel,
  byId: ReadonlyMap<string, EntryRow>,
  expanded: ReadonlySet<string>,
  changed: ReadonlySet<string> = new Set(),
): CompactRowModel {
  if (!previous || previous.expanded !== expanded) return foldRoutineBursts(source, byId, expanded);
  if (previous.source === source) {
    return routinenessChanged(previous, byId, changed) ? foldRoutineBursts(source, byId, expanded) : previous;
  }
  return patchInsertion(previous, source, byId) ?? foldRoutineBursts(source, byId, expanded);
}

/** The last fold per entries store: keyed by its rows' lineage, which every version of one store's byId shares. */
const lastFolded = new WeakMap<object, CompactRowModel>();

/** The compact model of `source`, patched from the last one folded for the same store. */
export function compactRowsFor(source: TimelineRowModel, byId: ReadonlyMap<string, EntryRow>, expanded: ReadonlySet<string>, changed: ReadonlySet<string>): CompactRowModel {
  const model = compactRows(lastFolded.get(recordsLineage(byId)) ?? null, source, byId, expanded, changed);
  lastFolded.set(recordsLineage(byId), model);
  return model;
}

/** Compact mode turned off: the next fold starts afresh (entries may change meanwhile unseen). */
export function forgetCompactRows(byId: ReadonlyMap<string, EntryRow>): void {
  lastFolded.delete(recordsLineage(byId));
}

/** Whether an edited entry moved in or out of a burst (a key mark toggled), which regroups its neighbours. */
function routinenessChanged(previous: CompactRowModel, byId: ReadonlyMap<string, EntryRow>, changed: ReadonlySet<string>): boolean {
  if (changed.size === 0) return false;
  const keys = previous.source.keys;
  for (const id of changed) {
    const index = keys.indexOf(id);
    if (index < 0) continue;
    const belongs = isRoutineEntry(byId.get(id)) && (routineKey(keys[index - 1], byId) || routineKey(keys[index + 1], byId));
    if (belongs !== (burstHolding(previous, id) !== null)) return true;
  }
  return false;
}

function burstHolding(model: CompactRowModel, id: string): string | null {
  for (const [key, burst] of model.bursts) if (burst.ids.includes(id)) return key;
  return null;
}

/** The row that shows `id`: its own, or its burst's summary row while folded. */
export function rowKeyFor(model: TimelineRowModel & { bursts?: CompactRowModel['bursts'] }, id: string): string {
  if (!model.bursts || model.keys.includes(id)) return id;
  return burstHolding(model as CompactRowModel, id) ?? id;
}
