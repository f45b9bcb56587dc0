import type * as Y from 'yjs';
import { instantMillis } from '../time/instant';
import { ActionPatchSchema, CreateActionSchema, NotDoingReasonSchema } from './actionSchemas';
import { encodeActionRecord, type ActionPatch, type ActionRecord } from './actionRecords';
import { actionEventsArray, actionsMap, readActions } from './actions';
import { CommandError, validate } from './commandError';
import { LOCAL_ORIGIN, addEntry, type CommandContext } from './commands';
import { placement, type EntryPlacement } from './commandSchemas';
import { newId } from './ids';
import type { ActionItem, ActionPriority } from './coordinationTypes';
import type { Instant } from './types';
import { commandTime as stamp, requireIncident } from './commandContext';

// Every write to action items. Each validates first, then writes in one doc.transact;
// creating, finishing and reopening also write a timeline entry (kind "action") in it.




function requireAction(doc: Y.Doc, id: string): ActionItem {
  if (typeof id !== 'string' || id === '') throw new CommandError('invalid', 'Pick the action item to change.', 'id');
  requireIncident(doc);
  const action = readActions(doc).find((a) => a.id === id);
  if (!action) throw new CommandError('not-found', `No action item “${id}”; it may not have synced yet.`, 'id');
  return action;
}

/** The same instant for the command's own record and the timeline entry it writes. */
function fixedClock(ctx: CommandContext, at: Instant): CommandContext {
  return { ...ctx, now: () => at };
}

function actionSummary(action: { text: string; owner: string; dueAt: Instant | null; priority: ActionPriority }): string {
  const owner = action.owner ? ` (owner: ${action.owner})` : '';
  return `${action.priority} ${action.text}${owner}`;
}

/** Creates an open action item and logs it on the timeline (kind "action"). Returns its id. */
export function createAction(
  doc: Y.Doc,
  ctx: CommandContext,
  input: { text: string; owner?: string; dueAt?: Instant | null; priority?: ActionPriority; entryIds?: string[]; decisionIds?: string[] } & EntryPlacement,
): string {
  const valid = validate(CreateActionSchema, input);
  requireIncident(doc);
  const at = stamp(ctx);
  const record: ActionRecord = {
    id: newId(instantMillis(at)),
    text: valid.text,
    owner: valid.owner ?? '',
    dueAt: valid.dueAt ?? null,
    priority: valid.priority ?? 'P2',
    entryIds: [...new Set(valid.entryIds ?? [])],
    decisionIds: [...new Set(valid.decisionIds ?? [])],
    createdBy: ctx.author,
    createdAt: at,
  };
  doc.transact(() => {
    actionsMap(doc).set(record.id, encodeActionRecord(record));
    addEntry(doc, fixedClock(ctx, at), { ...placement(valid), kind: 'action', text: `Action item: ${actionSummary(record)}` });
  }, ctx.origin ?? LOCAL_ORIGIN);
  return record.id;
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/** Edits an action's text, owner, due date, priority or links. Only changed fields are logged. */
export function updateAction(doc: Y.Doc, ctx: CommandContext, id: string, patch: ActionPatch): void {
  const valid = validate(ActionPatchSchema, patch);
  const action = requireAction(doc, id);
  const changes: ActionPatch = {};
  if (valid.text !== undefined && valid.text !== action.text) changes.text = valid.text;
  if (valid.owner !== undefined && valid.owner !== action.owner) changes.owner = valid.owner;
  if (valid.dueAt !== undefined && valid.dueAt !== action.dueAt) changes.dueAt = valid.dueAt;
  if (valid.priority !== undefined && valid.priority !== action.priority) changes.priority = valid.priority;
  if (valid.entryIds !== undefined && !sameIds([...new Set(valid.entryIds)], action.entryIds)) changes.entryIds = [...new Set(valid.entryIds)];
  if (valid.decisionIds !== undefined && !sameIds([...new Set(valid.decisionIds)], action.decisionIds)) changes.decisionIds = [...new Set(valid.decisionIds)];
  if (Object.keys(changes).length === 0) return;
  const at = stamp(ctx);
  doc.transact(() => {
    actionEventsArray(doc).push([{ actionId: id, by: ctx.author, at, type: 'update', patch: changes }]);
  }, ctx.origin ?? LOCAL_ORIGIN);
}

/** Closes an open action without doing it, saying why; logged on the timeline. No-op unless it is open. */
export function setActionNotDoing(doc: Y.Doc, ctx: CommandContext, id: string, reason: string): void {
  const why = validate(NotDoingReasonSchema, reason, 'reason');
  const action = requireAction(doc, id);
  if (action.status !== 'open') return;
  const at = stamp(ctx);
  doc.transact(() => {
    actionEventsArray(doc).push([{ actionId: id, by: ctx.author, at, type: 'notDoing', reason: why }]);
    addEntry(doc, fixedClock(ctx, at), { kind: 'action', text: `Action not doing: ${action.text} — ${why}` });
  }, ctx.origin ?? LOCAL_ORIGIN);
}

/** Marks an action done (or reopens it) and logs that on the timeline. No-op when it is already so. */
export function setActionDone(doc: Y.Doc, ctx: CommandContext, id: string, done: boolean): void {
  if (typeof done !== 'boolean') throw new CommandError('invalid', 'Say whether the action is done (true) or open (false).', 'done');
  const action = requireAction(doc, id);
  if (done ? action.status === 'done' : action.status === 'open') return;
  const at = stamp(ctx);
  doc.transact(() => {
    actionEventsArray(doc).push([{ actionId: id, by: ctx.author, at, type: done ? 'done' : 'reopen' }]);
    addEntry(doc, fixedClock(ctx, at), { kind: 'action', text: `${done ? 'Action done' : 'Action reopened'}: ${action.text}` });
  }, ctx.origin ?? LOCAL_ORIGIN);
}
