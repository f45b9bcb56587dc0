import { z } from 'zod';
import { ACTION_PRIORITIES, type ActionItem, type ActionPriority } from './coordinationTypes';
import type { Instant } from './types';
import { ids, instant, instantOrNull, oneOf, requiredText, storedRecord, storedShape, text } from './recordFields';
import { storedText } from './storedFields';

// How an action item is stored, and how its stored parts fold into the plain view.
// Like a timeline entry (entryRecords.ts): one immutable creation record per action,
// a JSON string in the `actions` map, plus an append-only `actionEvents` log of every
// later change. Every replica folds the log in the same array order, so two people
// ticking "done" and "reopen" at the same moment converge on one state, and both
// changes stay in the action's history. Folding never throws: odd values read as empty
// (each field's `.catch()` in ACTION_FIELDS, which the archive schema shares).

/** The values an action was created with. Written once, never set again. */
export type ActionRecord = Omit<ActionItem, 'status' | 'doneBy' | 'doneAt'>;

/** The fields a later edit may change. */
export type ActionPatch = Partial<Pick<ActionItem, 'text' | 'owner' | 'dueAt' | 'priority' | 'entryIds' | 'decisionIds'>>;

/** One change to one action, appended to the `actionEvents` log. */
export type ActionEvent =
  | { actionId: string; by: string; at: Instant; type: 'update'; patch: ActionPatch }
  | { actionId: string; by: string; at: Instant; type: 'done' }
  | { actionId: string; by: string; at: Instant; type: 'reopen' }
  | { actionId: string; by: string; at: Instant; type: 'notDoing'; reason: string };

/** One change as the UI shows it: who, when and what. */
export interface ActionChange {
  by: string;
  at: Instant;
  change: string;
}

/** Unknown or damaged priorities read as the middle one, so a bad value neither alarms nor hides. */
export const DEFAULT_ACTION_PRIORITY: ActionPriority = 'P2';

/**
 * An action's creation record, field by field. The archive holds the folded view, which adds
 * what the log decides: status, reason, who closed it and when (coordinationSchema.ts).
 */
export const ACTION_FIELDS = {
  id: requiredText,
  text,
  owner: text,
  dueAt: instantOrNull,
  priority: oneOf(ACTION_PRIORITIES, DEFAULT_ACTION_PRIORITY),
  entryIds: ids,
  decisionIds: ids,
  createdBy: text,
  createdAt: instant,
};

const StoredAction = storedRecord(storedShape(ACTION_FIELDS));

export function encodeActionRecord(record: ActionRecord): string {
  return JSON.stringify(record);
}

const ACTION_EVENT_TYPES = ['update', 'done', 'reopen', 'notDoing'] as const;

/** What the fold needs of a log value to place it; each type's own fields are read as the fold applies it. */
const StoredActionEvent = z.looseObject({ actionId: z.string(), type: z.enum(ACTION_EVENT_TYPES) });

export function isActionEvent(value: unknown): value is ActionEvent {
  return StoredActionEvent.safeParse(value).success;
}

const PATCH_FIELDS = storedShape(ACTION_FIELDS);

/** Applies a patch's readable fields (read as the creation record's), ignoring anything odd. */
function applyPatch(item: ActionItem, patch: unknown): string[] {
  if (patch === null || typeof patch !== 'object') return [];
  const p = patch as Record<string, unknown>;
  const changed: string[] = [];
  if (typeof p.text === 'string') {
    item.text = p.text;
    changed.push('text');
  }
  if (typeof p.owner === 'string') {
    item.owner = p.owner;
    changed.push(`owner → ${p.owner || 'nobody'}`);
  }
  if ('dueAt' in p) {
    item.dueAt = PATCH_FIELDS.dueAt.parse(p.dueAt);
    changed.push(`due → ${item.dueAt ?? 'none'}`);
  }
  if ('priority' in p) {
    item.priority = PATCH_FIELDS.priority.parse(p.priority);
    changed.push(`priority → ${item.priority}`);
  }
  if ('entryIds' in p) {
    item.entryIds = PATCH_FIELDS.entryIds.parse(p.entryIds);
    changed.push('linked entries');
  }
  if ('decisionIds' in p) {
    item.decisionIds = PATCH_FIELDS.decisionIds.parse(p.decisionIds);
    changed.push('linked decisions');
  }
  return changed;
}

/**
 * One action's plain view and history: its creation record, then `events` in log order.
 * A "done" on an action that is already done keeps the first person's name and time,
 * so concurrent ticks agree on who finished it; "reopen" on an open action changes nothing.
 */
export function foldAction(stored: unknown, events: readonly unknown[], id: string): { action: ActionItem; history: ActionChange[] } {
  const action: ActionItem = { ...StoredAction.parse(stored), id, status: 'open', doneBy: null, doneAt: null };
  const history: ActionChange[] = [{ by: action.createdBy, at: action.createdAt, change: 'created' }];
  for (const event of events) {
    if (!isActionEvent(event)) continue;
    const by = storedText(event.by);
    const at = storedText(event.at);
    if (event.type === 'update') {
      const changed = applyPatch(action, event.patch);
      if (changed.length > 0) history.push({ by, at, change: `edited ${changed.join(', ')}` });
    } else if (event.type === 'done') {
      if (action.status !== 'done') {
        delete action.reason;
        Object.assign(action, { status: 'done', doneBy: by, doneAt: at });
      }
      history.push({ by, at, change: 'marked done' });
    } else if (event.type === 'notDoing') {
      // Like "done", the first close wins over a concurrent one; a done action stays done.
      const reason = storedText(event.reason);
      if (action.status === 'open') Object.assign(action, { status: 'not-doing', reason, doneBy: by, doneAt: at });
      history.push({ by, at, change: `marked not doing: ${reason}` });
    } else {
      if (action.status !== 'open') {
        delete action.reason;
        Object.assign(action, { status: 'open', doneBy: null, doneAt: null });
      }
      history.push({ by, at, change: 'reopened' });
    }
  }
  return { action, history };
}

/** The log's events per action id, each list in log order. One pass. */
export function groupEventsByAction(events: { forEach(fn: (event: unknown) => void): void }): Map<string, ActionEvent[]> {
  const byAction = new Map<string, ActionEvent[]>();
  events.forEach((event) => {
    if (!isActionEvent(event)) return;
    const list = byAction.get(event.actionId);
    if (list) list.push(event);
    else byAction.set(event.actionId, [event]);
  });
  return byAction;
}
