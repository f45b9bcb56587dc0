import * as Y from 'yjs';
import { z } from 'zod';
import { CHECKLIST_ITEM_STATES } from './coordinationTypes';
import type { Checklist, ChecklistItem, ChecklistItemEvent } from './coordinationTypes';
import { applyItemEvent } from './checklistItemState';
import { archiveShape, flag, instant, oneOf, requiredText, storedRecord, storedShape, text, textOrNull } from './recordFields';
import { storedText, StoredText } from './storedFields';

// How checklists are stored, and how the stored parts fold into the plain view.
// A checklist is one immutable record (a JSON string in the `checklists` map, for the
// reason given in entryRecords.ts) holding its title and the items it started with. Every
// later change is appended to the `checklistEvents` log: items added ad hoc, state changes,
// assignments and confirmations. The log's order is the same on every replica, so two
// people ticking the same item at once fold to the same item, with both ticks in history.
// Folding never throws: odd values read as their empty value (each field's `.catch()`; the
// archive schema shares the field lists below).

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

const ITEM_ACTIONS = ['state', 'assign', 'confirm'] as const;

/**
 * One event in an item's history. `action` has no fallback: a stored value without a known
 * action is not an event and is skipped. Which of the optional fields an event keeps depends on
 * its action (readItemEvent).
 */
export const CHECKLIST_ITEM_EVENT_FIELDS = {
  by: text,
  at: instant,
  action: { archive: z.enum(ITEM_ACTIONS), stored: z.enum(ITEM_ACTIONS) },
  state: { archive: z.enum(CHECKLIST_ITEM_STATES).optional(), stored: z.enum(CHECKLIST_ITEM_STATES).catch('todo') },
  reason: { archive: z.string().optional(), stored: z.string().min(1).optional().catch(undefined) },
  assignee: { archive: z.string().optional(), stored: StoredText },
};

const StoredItemEvent = storedRecord(storedShape(CHECKLIST_ITEM_EVENT_FIELDS)).transform(({ by, at, action, state, reason, assignee }): ChecklistItemEvent => ({
  by,
  at,
  action,
  ...(action === 'state' && { state }),
  ...(reason !== undefined && { reason }),
  ...(action === 'assign' && { assignee }),
}));

/** A stored history event, or null when it is not one. */
export function readItemEvent(value: unknown): ChecklistItemEvent | null {
  const parsed = StoredItemEvent.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** A checklist item, as the archive holds it and as a checklist record stores it; stored, an unknown state reads as todo. */
export const CHECKLIST_ITEM_FIELDS = {
  id: requiredText,
  section: text,
  text,
  needsConfirm: flag,
  ownerRole: textOrNull,
  assignee: textOrNull,
  state: oneOf(CHECKLIST_ITEM_STATES, 'todo'),
  reason: textOrNull,
  doneBy: textOrNull,
  confirmedBy: textOrNull,
  history: {
    archive: z.array(z.strictObject(archiveShape(CHECKLIST_ITEM_EVENT_FIELDS))),
    stored: z
      .array(z.unknown())
      .catch([])
      .transform((events) => events.map(readItemEvent).filter((event) => event !== null)),
  },
};

const StoredItem = storedRecord(storedShape(CHECKLIST_ITEM_FIELDS));

/** A stored item; `id`, when given, wins over the item's own. */
export function readItem(value: unknown, id?: string): ChecklistItem {
  const item = StoredItem.parse(value);
  return id === undefined ? item : { ...item, id };
}

/** A checklist's own fields, beside its items (which the archive and the record both hold in full). */
export const CHECKLIST_FIELDS = { id: requiredText, title: text, template: text, createdBy: text, createdAt: instant };

const StoredChecklist = storedRecord({ ...storedShape(CHECKLIST_FIELDS), items: z.array(z.unknown()).catch([]) });

function obj(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * What grouping needs of a log value: the checklist and item it names. Its other fields are read
 * as the fold applies it (an add's item through readItem, an event through readItemEvent).
 */
const StoredLogRecord = z.looseObject({ checklistId: z.string(), itemId: z.string() });

/** The log's records per checklist id, each list in log order. One pass. */
export function groupLogByChecklist(log: readonly unknown[]): Map<string, Record<string, unknown>[]> {
  const byChecklist = new Map<string, Record<string, unknown>[]>();
  for (const value of log) {
    const parsed = StoredLogRecord.safeParse(value);
    if (!parsed.success) continue;
    const record = parsed.data;
    const list = byChecklist.get(record.checklistId);
    if (list) list.push(record);
    else byChecklist.set(record.checklistId, [record]);
  }
  return byChecklist;
}

/** One checklist's plain view: its record, then its log records applied in order. `id` (the map key) wins. */
export function foldChecklist(stored: unknown, log: readonly Record<string, unknown>[], id: string): Checklist {
  const { items: rawItems, title, template, createdBy, createdAt } = StoredChecklist.parse(stored);
  const items: ChecklistItem[] = [];
  const index = new Map<string, number>();
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
  return { id, title, template, createdBy, createdAt, items };
}
