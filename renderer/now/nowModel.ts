// What the "Now" panel lists, computed from plain values so it is tested without a DOM:
// each workstream's latest entry, the decisions still open, and the checklists under way.
import { checklistProgress } from '../../shared/model/checklists';
import type { Checklist, Decision } from '../../shared/model/coordinationTypes';
import type { EntryRow } from '../timeline/entryRow';

export interface WorkstreamNow {
  workstream: string;
  latest: EntryRow;
}

/**
 * The newest live entry of each workstream, newest first. Walks back from the end of the
 * timeline and stops once every workstream is found, so a busy 100k-entry incident costs
 * only the last few hundred rows.
 */
export function workstreamsNow(orderedIds: readonly string[], byId: ReadonlyMap<string, EntryRow>, workstreams: readonly string[]): WorkstreamNow[] {
  const wanted = new Set(workstreams);
  const found: WorkstreamNow[] = [];
  for (let i = orderedIds.length - 1; i >= 0 && wanted.size > 0; i--) {
    const entry = byId.get(orderedIds[i] as string);
    if (!entry || entry.retraction || !wanted.has(entry.workstream)) continue;
    wanted.delete(entry.workstream);
    found.push({ workstream: entry.workstream, latest: entry });
  }
  return found;
}

/** Decisions still to be made, and made ones waiting on a revisit; the soonest revisit first. */
export function openDecisions(decisions: readonly Decision[]): Decision[] {
  return decisions
    .filter((d) => d.status === 'proposed' || (d.status === 'decided' && d.revisitAt !== null))
    .sort((a, b) => (a.revisitAt ?? '\uffff').localeCompare(b.revisitAt ?? '\uffff') || a.createdAt.localeCompare(b.createdAt));
}

export interface ChecklistNow {
  id: string;
  title: string;
  finished: number;
  total: number;
  /** The blocked items' texts, with why. */
  blocked: string[];
}

/** Checklists with something left to do; a finished one drops off the panel. */
export function checklistsInProgress(checklists: readonly Checklist[]): ChecklistNow[] {
  return checklists.flatMap((list) => {
    const { finished, total } = checklistProgress(list);
    if (total === 0 || finished === total) return [];
    const blocked = list.items.filter((i) => i.state === 'blocked').map((i) => (i.reason ? `${i.text} (${i.reason})` : i.text));
    return [{ id: list.id, title: list.title, finished, total, blocked }];
  });
}
