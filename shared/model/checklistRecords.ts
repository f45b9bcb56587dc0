import * as Y from 'yjs';
import { CHECKLIST_ITEM_STATES } from './coordinationTypes';
import type { Checklist, ChecklistItem, ChecklistItemEvent, ChecklistItemState } from './coordinationTypes';
import { applyItemEvent } from './checklistItemState';
import { parseStoredRecord, storedText } from './storedFields';

// How checklists are stored, and how the stored parts fold into the plain view.
// A checklist is one immutable record (a JSON string in the `checklists` map, for the
// reason given in entryRecords.ts) holding its title and the items it started with. Every
// later change is appended to the `checklistEvents` log: items added ad hoc, state changes,
// assignments and confirmations. The log's order is the same on every replica, so two
// people ticking the same item at once fold to the same item, with both ticks in history.
// Folding never throws: odd values read as their empty value.

export const CHECKLISTS = 'checklists';
export const CHECKLIST_EVENTS = 'checklistEvents';

/** The values a checklist was created with. An archive may bring items that already have state and history. */
export type ChecklistRecord = Omit<Checklist, 'items'> & { items: ChecklistItem[] };

/** One appended change. `add` carries a new item; the others are item events. */
export type ChecklistLogRecord =
  | ({ checklistId: string; itemId: string; op: 'event' } & ChecklistItemEvent)
  | { checklistId: string; itemId: string; op: 'add'; by: string; at: string; item: Omit<ChecklistItem, 'id' | 'history'> };

export function checklistsMap(doc: Y.Doc): Y.Map<string> {
  return doc.getMap<string>(CHECKLISTS);
}

export function checklistEventsArray(doc: Y.Doc): Y.Array<ChecklistLogRecord> {
  return doc.getArray<ChecklistLogRecord>(CHECKLIST_EVENTS);
}

export function encodeChecklistRecord(record: ChecklistRecord): string {
  return JSON.stringify(record);
}

const states: ReadonlySet<string> = new Set(CHECKLIST_ITEM_STATES);
const ACTIONS: ReadonlySet<string> = new Set(['state', 'assign', 'confirm']);

function strOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function obj(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function stateOf(value: unknown): ChecklistItemState {
  return typeof value === 'string' && states.has(value) ? (value as ChecklistItemState) : 'todo';
}

export function readItemEvent(value: unknown): ChecklistItemEvent | null {
  const raw = obj(value);
  if (typeof raw.action !== 'string' || !ACTIONS.has(raw.action)) return null;
  const event: ChecklistItemEvent = { by: storedText(raw.by), at: storedText(raw.at), action: raw.action as ChecklistItemEvent['action'] };
  if (raw.action === 'state') event.state = stateOf(raw.state);
  if (typeof raw.reason === 'string' && raw.reason !== '') event.reason = raw.reason;
  if (raw.action === 'assign') event.assignee = storedText(raw.assignee);
  return event;
}

export function readItem(value: unknown, id?: string): ChecklistItem {
  const raw = obj(value);
  const history = Array.isArray(raw.history) ? raw.history.map(readItemEvent).filter((e): e is ChecklistItemEvent => e !== null) : [];
  return {
    id: id ?? storedText(raw.id),
    section: storedText(raw.section),
    text: storedText(raw.text),
    needsConfirm: raw.needsConfirm === true,
    ownerRole: strOrNull(raw.ownerRole),
    assignee: strOrNull(raw.assignee),
    state: stateOf(raw.state),
    reason: strOrNull(raw.reason),
    doneBy: strOrNull(raw.doneBy),
    confirmedBy: strOrNull(raw.confirmedBy),
    history,
  };
}

function decode(stored: unknown): Record<string, unknown> {
  return parseStoredRecord(stored) ?? {};
}

/** The log's records per checklist id, each list in log order. One pass. */
export function groupLogByChecklist(log: readonly unknown[]): Map<string, Record<string, unknown>[]> {
  const byChecklist = new Map<string, Record<string, unknown>[]>();
  for (const value of log) {
    const record = obj(value);
    if (typeof record.checklistId !== 'string' || typeof record.itemId !== 'string') continue;
    const list = byChecklist.get(record.checklistId);
    if (list) list.push(record);
    else byChecklist.set(record.checklistId, [record]);
  }
  return byChecklist;
}

/** One checklist's plain view: its record, then its log records applied in order. `id` (the map key) wins. */
export function foldChecklist(stored: unknown, log: readonly Record<string, unknown>[], id: string): Checklist {
  const record = decode(stored);
  const items: ChecklistItem[] = [];
  const index = new Map<string, number>();
  const rawItems = Array.isArray(record.items) ? record.items : [];
  for (const raw of rawItems) {
    const item = readItem(raw);
    if (item.id === '' || index.has(item.id)) continue;
    index.set(item.id, items.length);
    items.push(item);
  }
  for (const entry of log) {
    const itemId = storedText(entry.itemId);
    if (entry.op === 'add') {
      // A retried or replayed add keeps the first one: ids are unique per item.
      if (index.has(itemId)) continue;
      index.set(itemId, items.length);
      items.push(readItem({ ...obj(entry.item), history: [] }, itemId));
      continue;
    }
    const at = index.get(itemId);
    const event = readItemEvent(entry);
    if (at === undefined || event === null) continue;
    items[at] = applyItemEvent(items[at] as ChecklistItem, event);
  }
  return {
    id,
    title: storedText(record.title),
    template: storedText(record.template),
    createdBy: storedText(record.createdBy),
    createdAt: storedText(record.createdAt),
    items,
  };
}
