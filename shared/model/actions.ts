import * as Y from 'yjs';
import { encodeActionRecord, foldAction, groupEventsByAction, type ActionChange, type ActionEvent, type ActionRecord } from './actionRecords';
import type { ActionItem } from './coordinationTypes';

// Action items (follow-ups): their Y layout, readers and the archive writer. Commands are
// in actionCommands.ts: doc.ts imports this module (through coordination.ts), so importing
// commands.ts (which imports doc.ts) from here would close an import cycle.
// `actions`: id → immutable creation record (JSON string); `actionEvents`: append-only log
// of edits, done and reopen, folded in array order (see actionRecords.ts).

export type { ActionChange, ActionPatch } from './actionRecords';

export const ACTIONS = 'actions';
export const ACTION_EVENTS = 'actionEvents';

export function actionsMap(doc: Y.Doc): Y.Map<string> {
  return doc.getMap<string>(ACTIONS);
}

export function actionEventsArray(doc: Y.Doc): Y.Array<ActionEvent> {
  return doc.getArray<ActionEvent>(ACTION_EVENTS);
}

function compareActions(a: ActionItem, b: ActionItem): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Every action, open and done, in creation order. Never throws. */
export function readActions(doc: Y.Doc): ActionItem[] {
  const events = groupEventsByAction(actionEventsArray(doc));
  const actions: ActionItem[] = [];
  actionsMap(doc).forEach((stored, id) => {
    actions.push(foldAction(stored, events.get(id) ?? [], id).action);
  });
  return actions.sort(compareActions);
}

/** One action's history (created, edits, done, reopened), oldest first; empty when unknown. */
export function readActionHistory(doc: Y.Doc, id: string): ActionChange[] {
  const stored = actionsMap(doc).get(id);
  if (stored === undefined) return [];
  const events: unknown[] = [];
  actionEventsArray(doc).forEach((event) => {
    if (event.actionId === id) events.push(event);
  });
  return foldAction(stored, events, id).history;
}

/**
 * Raw write of archived actions into an empty doc: call it inside the caller's transaction.
 * A done action gets one "done" event with its original who and when.
 */
export function writeActions(doc: Y.Doc, actions: ActionItem[]): void {
  const map = actionsMap(doc);
  const done: ActionEvent[] = [];
  for (const action of actions) {
    const record: ActionRecord = {
      id: action.id,
      text: action.text,
      owner: action.owner,
      dueAt: action.dueAt,
      priority: action.priority,
      entryIds: [...action.entryIds],
      decisionIds: [...action.decisionIds],
      createdBy: action.createdBy,
      createdAt: action.createdAt,
    };
    map.set(action.id, encodeActionRecord(record));
    const by = action.doneBy ?? '';
    const at = action.doneAt ?? action.createdAt;
    if (action.status === 'done') done.push({ actionId: action.id, by, at, type: 'done' });
    if (action.status === 'not-doing') done.push({ actionId: action.id, by, at, type: 'notDoing', reason: action.reason ?? '' });
  }
  if (done.length > 0) actionEventsArray(doc).push(done);
}
