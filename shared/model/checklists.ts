import * as Y from 'yjs';
import { z } from 'zod';
import { instantMillis } from '../time/instant';
import { CommandError, validate } from './commandError';
import { IdSchema } from './commandSchemas';
import { addEntry, LOCAL_ORIGIN, type CommandContext } from './commands';
import { newId } from './ids';
import { isItemFinished, newChecklistItem, refuseItemEvent, untouchedItem } from './checklistItemState';
import {
  checklistEventsArray,
  checklistsMap,
  encodeChecklistRecord,
  foldChecklist,
  groupLogByChecklist,
  type ChecklistLogRecord,
} from './checklistRecords';
import { CHECKLIST_ITEM_STATES } from './coordinationTypes';
import type { Checklist, ChecklistItem, ChecklistItemEvent, ChecklistItemState, RunbookTemplate } from './coordinationTypes';
import { checklistEntryText } from './checklistEntryText';
import { commandTime as stamp, requireIncident } from './commandContext';

// Checklists on the incident document: readers, the archive writer and the commands.
// Every command validates, then writes its log record and its timeline entry in one
// transaction, so peers never see a tick without its entry.

export { isAwaitingConfirmation, isItemFinished } from './checklistItemState';

/** Section for items added without one (ad-hoc lists, or a quick extra step). */
export const AD_HOC_SECTION = 'Items';

const TitleSchema = z.string().trim().min(1, 'Give the checklist a title.');
const ItemInputSchema = z.object({
  section: z.string().trim().optional(),
  text: z.string().trim().min(1, 'Say what the item is: the step to do.'),
  needsConfirm: z.boolean().optional(),
  ownerRole: z.string().trim().nullable().optional(),
});
const StateSchema = z.enum(CHECKLIST_ITEM_STATES, { message: `An item is one of ${CHECKLIST_ITEM_STATES.join(', ')}.` });

// ---------- readers ----------

export function readChecklists(doc: Y.Doc): Checklist[] {
  const log = groupLogByChecklist(checklistEventsArray(doc).toArray());
  const lists: Checklist[] = [];
  checklistsMap(doc).forEach((stored, id) => lists.push(foldChecklist(stored, log.get(id) ?? [], id)));
  return lists.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function readChecklist(doc: Y.Doc, id: string): Checklist | null {
  const stored = checklistsMap(doc).get(id);
  if (stored === undefined) return null;
  return foldChecklist(stored, groupLogByChecklist(checklistEventsArray(doc).toArray()).get(id) ?? [], id);
}

/** finished = done (confirmed where needed) + skipped. */
export function checklistProgress(checklist: Checklist): { finished: number; total: number; blocked: number } {
  let finished = 0;
  let blocked = 0;
  for (const item of checklist.items) {
    if (isItemFinished(item)) finished++;
    if (item.state === 'blocked') blocked++;
  }
  return { finished, total: checklist.items.length, blocked };
}

/** Raw write of archived checklists into an empty doc; call inside the caller's transaction. Items keep their state and history. */
export function writeChecklists(doc: Y.Doc, checklists: Checklist[]): void {
  const map = checklistsMap(doc);
  for (const list of checklists) {
    map.set(list.id, encodeChecklistRecord({ ...list, items: list.items.map((item) => ({ ...item, history: [...item.history] })) }));
  }
}

// ---------- commands ----------



function requireItem(doc: Y.Doc, checklistId: string, itemId: string): { list: Checklist; item: ChecklistItem } {
  validate(IdSchema, checklistId, 'checklistId');
  validate(IdSchema, itemId, 'itemId');
  requireIncident(doc);
  const list = readChecklist(doc, checklistId);
  if (!list) throw new CommandError('not-found', `No checklist “${checklistId}”.`, 'checklistId');
  const item = list.items.find((i) => i.id === itemId);
  if (!item) throw new CommandError('not-found', `No item “${itemId}” in “${list.title}”.`, 'itemId');
  return { list, item };
}

function isTemplate(input: RunbookTemplate | { title: string }): input is RunbookTemplate {
  return Array.isArray((input as RunbookTemplate).sections);
}

/** Starts a checklist from a runbook template, or an empty ad-hoc one from just a title. Returns its id. */
export function createChecklist(doc: Y.Doc, ctx: CommandContext, template: RunbookTemplate | { title: string }): string {
  const title = validate(TitleSchema, template.title, 'title');
  requireIncident(doc);
  const at = stamp(ctx);
  const millis = instantMillis(at);
  const items: ChecklistItem[] = [];
  if (isTemplate(template)) {
    for (const section of template.sections) {
      for (const item of section.items) {
        const text = item.text.trim();
        if (text === '') continue;
        items.push(newChecklistItem(newId(millis), { section: section.heading, text, needsConfirm: item.needsConfirm, ownerRole: item.ownerRole }));
      }
    }
  }
  const id = newId(millis);
  const from = isTemplate(template) ? title : '';
  doc.transact(() => {
    checklistsMap(doc).set(id, encodeChecklistRecord({ id, title, template: from, createdBy: ctx.author, createdAt: at, items }));
    const size = items.length === 1 ? '1 item' : `${items.length} items`;
    addEntry(doc, ctx, { kind: 'checklist', text: from ? `Checklist started: ${title} (${size}, from runbook)` : `Checklist started: ${title}` });
  }, ctx.origin ?? LOCAL_ORIGIN);
  return id;
}

/** Adds an ad-hoc item to a checklist. Returns the item's id. */
export function addChecklistItem(
  doc: Y.Doc,
  ctx: CommandContext,
  checklistId: string,
  input: { section?: string; text: string; needsConfirm?: boolean; ownerRole?: string | null },
): string {
  validate(IdSchema, checklistId, 'checklistId');
  const valid = validate(ItemInputSchema, input);
  requireIncident(doc);
  if (!checklistsMap(doc).has(checklistId)) throw new CommandError('not-found', `No checklist “${checklistId}”.`, 'checklistId');
  const at = stamp(ctx);
  const itemId = newId(instantMillis(at));
  const record: ChecklistLogRecord = {
    checklistId,
    itemId,
    op: 'add',
    by: ctx.author,
    at,
    item: untouchedItem({ section: valid.section || AD_HOC_SECTION, text: valid.text, needsConfirm: valid.needsConfirm ?? false, ownerRole: valid.ownerRole || null }),
  };
  doc.transact(() => checklistEventsArray(doc).push([record]), ctx.origin ?? LOCAL_ORIGIN);
  return itemId;
}

function appendEvent(doc: Y.Doc, ctx: CommandContext, list: Checklist, item: ChecklistItem, event: ChecklistItemEvent, timeline: boolean): void {
  const refusal = refuseItemEvent(item, event);
  if (refusal) throw new CommandError('invalid', refusal.message, refusal.field);
  const record: ChecklistLogRecord = { checklistId: list.id, itemId: item.id, op: 'event', ...event };
  doc.transact(() => {
    checklistEventsArray(doc).push([record]);
    if (timeline) addEntry(doc, ctx, { kind: 'checklist', text: checklistEntryText(list, item, event) });
  }, ctx.origin ?? LOCAL_ORIGIN);
}

/** Moves an item to `state`. Skipped and blocked need a reason; a confirm item marked done then awaits a second person. */
export function setItemState(
  doc: Y.Doc,
  ctx: CommandContext,
  checklistId: string,
  itemId: string,
  state: ChecklistItemState,
  reason?: string,
): void {
  const next = validate(StateSchema, state, 'state');
  const { list, item } = requireItem(doc, checklistId, itemId);
  const why = (reason ?? '').trim();
  const event: ChecklistItemEvent = { by: ctx.author, at: stamp(ctx), action: 'state', state: next };
  if (why !== '' && (next === 'skipped' || next === 'blocked')) event.reason = why;
  // Asking again for what is already so writes nothing (a reason change on skip/block does write).
  const unchanged = item.state === next && (next !== 'skipped' && next !== 'blocked' ? true : (item.reason ?? '') === why);
  if (unchanged && refuseItemEvent(item, event) === null) return;
  appendEvent(doc, ctx, list, item, event, true);
}

/** A second person confirms a confirm item someone else marked done. */
export function confirmItem(doc: Y.Doc, ctx: CommandContext, checklistId: string, itemId: string): void {
  const { list, item } = requireItem(doc, checklistId, itemId);
  appendEvent(doc, ctx, list, item, { by: ctx.author, at: stamp(ctx), action: 'confirm' }, true);
}

/** Names who does the item; '' clears it. Kept in the item's history, not on the timeline. */
export function assignItem(doc: Y.Doc, ctx: CommandContext, checklistId: string, itemId: string, assignee: string): void {
  if (typeof assignee !== 'string') throw new CommandError('invalid', 'An assignee is a person’s name.', 'assignee');
  const { list, item } = requireItem(doc, checklistId, itemId);
  const who = assignee.trim();
  if ((item.assignee ?? '') === who) return;
  appendEvent(doc, ctx, list, item, { by: ctx.author, at: stamp(ctx), action: 'assign', assignee: who }, false);
}
