// Pure wording for a checklist item row: its status line, the choices its state control
// offers and one history line per event. Kept out of the components so it is tested without a DOM.
import { isAwaitingConfirmation, ITEM_STATE_LABELS } from '../../shared/model/checklistItemState';
import type { ChecklistItem, ChecklistItemEvent, ChecklistItemState } from '../../shared/model/coordinationTypes';

/** Choices of the state control; skip and block ask for a reason first (hence the ellipsis). */
export const STATE_CHOICES: readonly { state: ChecklistItemState; label: string }[] = [
  { state: 'todo', label: 'To do' },
  { state: 'in-progress', label: 'In progress' },
  { state: 'done', label: 'Done' },
  { state: 'skipped', label: 'Skip…' },
  { state: 'blocked', label: 'Block…' },
];

/**
 * How a row looks: a confirm item marked done that nobody else has confirmed yet is
 * 'awaiting', never the same green "done" as a confirmed one.
 */
export type ItemLook = ChecklistItemState | 'awaiting';

export function itemLook(item: ChecklistItem): ItemLook {
  return isAwaitingConfirmation(item) ? 'awaiting' : item.state;
}

/** The state one click (or Space) on the tick moves the item to: done ↔ to do. */
export function toggledState(item: ChecklistItem): ChecklistItemState {
  return item.state === 'done' ? 'todo' : 'done';
}

export function needsReason(state: ChecklistItemState): boolean {
  return state === 'skipped' || state === 'blocked';
}

/** What the row says beside the control, e.g. "awaiting confirmation (done by ana)". */
export function itemStatusText(item: ChecklistItem): string {
  if (isAwaitingConfirmation(item)) return `awaiting confirmation · done by ${item.doneBy ?? 'someone'}`;
  if (item.state === 'done') return item.confirmedBy ? `done by ${item.doneBy ?? '?'} · confirmed by ${item.confirmedBy}` : `done by ${item.doneBy ?? '?'}`;
  if (item.reason) return `${ITEM_STATE_LABELS[item.state].toLowerCase()}: ${item.reason}`;
  return '';
}

/** Whether `author` may press Confirm: a second person, on a confirm item awaiting it. */
export function canConfirm(item: ChecklistItem, author: string): boolean {
  return isAwaitingConfirmation(item) && item.doneBy !== author;
}

export function historyText(event: ChecklistItemEvent): string {
  if (event.action === 'confirm') return `${event.by} confirmed`;
  if (event.action === 'assign') return event.assignee ? `${event.by} assigned it to ${event.assignee}` : `${event.by} cleared the assignee`;
  const label = event.state ? ITEM_STATE_LABELS[event.state].toLowerCase() : 'an unknown state';
  return `${event.by} set it to ${label}${event.reason ? `: ${event.reason}` : ''}`;
}
