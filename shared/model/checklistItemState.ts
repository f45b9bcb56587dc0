import type { ChecklistItem, ChecklistItemEvent, ChecklistItemState } from './coordinationTypes';

// The checklist item state machine, as pure functions. Commands ask `refuseItemEvent`
// before writing; readers fold the event log through `applyItemEvent`, which never throws:
// an event that no longer applies (a confirm that raced a reopen) stays in the history but
// changes nothing, so every replica folding the same log reaches the same item.

/** What a runbook or a responder says about a new item; the rest starts empty. */
export type NewItemFields = Pick<ChecklistItem, 'section' | 'text' | 'needsConfirm' | 'ownerRole'>;

/** A new item before it has an id or a history (as an `add` record stores it): to do, nobody on it. */
export function untouchedItem(fields: NewItemFields): Omit<ChecklistItem, 'id' | 'history'> {
  return { ...fields, assignee: null, state: 'todo', reason: null, doneBy: null, confirmedBy: null };
}

/** A new item as a checklist holds it. */
export function newChecklistItem(id: string, fields: NewItemFields): ChecklistItem {
  return { id, ...untouchedItem(fields), history: [] };
}

/** States that need a reason, with the sentence asked of a tired person. */
export const REASON_REQUIRED: Partial<Record<ChecklistItemState, string>> = {
  skipped: 'Say why the item is skipped.',
  blocked: 'Say why the item is blocked.',
};

export const ITEM_STATE_LABELS: Record<ChecklistItemState, string> = {
  todo: 'To do',
  'in-progress': 'In progress',
  done: 'Done',
  skipped: 'Skipped',
  blocked: 'Blocked',
};

/** A confirm item someone has marked done that no second person has confirmed yet. */
export function isAwaitingConfirmation(item: ChecklistItem): boolean {
  return item.state === 'done' && item.needsConfirm && item.confirmedBy === null;
}

/** Counts towards progress: done (and confirmed, where that is needed) or deliberately skipped. */
export function isItemFinished(item: ChecklistItem): boolean {
  return (item.state === 'done' && !isAwaitingConfirmation(item)) || item.state === 'skipped';
}

/** Why a command must not record `event` on `item`, or null when it may. */
export function refuseItemEvent(item: ChecklistItem, event: ChecklistItemEvent): { message: string; field: string } | null {
  if (event.action === 'state') {
    const ask = event.state ? REASON_REQUIRED[event.state] : undefined;
    if (ask && (event.reason ?? '').trim() === '') return { message: ask, field: 'reason' };
    return null;
  }
  if (event.action === 'confirm') {
    if (!item.needsConfirm) return { message: `“${item.text}” does not need a second person; mark it done instead.`, field: 'itemId' };
    if (item.state !== 'done') return { message: `“${item.text}” is not done yet; someone marks it done, then a second person confirms.`, field: 'itemId' };
    if (item.confirmedBy !== null) return { message: `“${item.text}” was already confirmed by ${item.confirmedBy}.`, field: 'itemId' };
    if (item.doneBy === event.by) {
      return { message: `A second person must confirm “${item.text}”: ${event.by} marked it done, so someone else confirms it.`, field: 'itemId' };
    }
  }
  return null;
}

/** The item after `event`. Pure; `event` is appended to the history whether or not it changes anything. */
export function applyItemEvent(item: ChecklistItem, event: ChecklistItemEvent): ChecklistItem {
  const next: ChecklistItem = { ...item, history: [...item.history, event] };
  if (event.action === 'assign') {
    next.assignee = event.assignee ? event.assignee : null;
    return next;
  }
  if (event.action === 'confirm') {
    if (refuseItemEvent(item, event) === null) next.confirmedBy = event.by;
    return next;
  }
  const state = event.state;
  if (!state) return next;
  // Two people ticking at once: the first tick in log order keeps the credit (and the
  // confirmation it may already have); the second is history, not a new "done".
  if (state === 'done' && item.state === 'done') return next;
  next.state = state;
  next.reason = REASON_REQUIRED[state] ? (event.reason ?? '').trim() || null : null;
  next.doneBy = state === 'done' ? event.by : null;
  next.confirmedBy = null;
  return next;
}
