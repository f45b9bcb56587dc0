// The postmortem's Action items section: a table, open items first; every user string
// escaped for its cell.
import { ACTION_PRIORITIES } from '../model/coordinationTypes';
import type { ActionItem } from '../model/coordinationTypes';
import { formatDateTime } from '../time/format';
import { escapeTableCell } from './escape';
import { byInstant, NOBODY, tableRow } from './tableRow';

const NO_DUE_DATE = 'no due date';

const priorityRank = new Map<string, number>(ACTION_PRIORITIES.map((priority, index) => [priority, index]));

/** Open first (what still needs doing), then by priority, due date (none last) and age. */
function compareActions(a: ActionItem, b: ActionItem): number {
  if (a.status !== b.status) return a.status === 'open' ? -1 : 1;
  const priority = (priorityRank.get(a.priority) ?? 0) - (priorityRank.get(b.priority) ?? 0);
  if (priority !== 0) return priority;
  if (a.dueAt !== b.dueAt) return a.dueAt === null ? 1 : b.dueAt === null ? -1 : byInstant(a.dueAt, b.dueAt);
  return byInstant(a.createdAt, b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function renderActionItems(actions: readonly ActionItem[], zone: string): string[] {
  if (actions.length === 0) return [];
  const lines = ['| Item | Owner | Due | Priority | Status |', '| --- | --- | --- | --- | --- |'];
  for (const action of [...actions].sort(compareActions)) {
    const closed = `${action.doneBy ? ` by ${escapeTableCell(action.doneBy)}` : ''}${action.doneAt ? ` at ${formatDateTime(action.doneAt, zone)}` : ''}`;
    const status =
      action.status === 'open' ? 'open' : action.status === 'done' ? `done${closed}` : `not doing${closed}: ${escapeTableCell(action.reason ?? '')}`;
    lines.push(
      tableRow([
        escapeTableCell(action.text),
        escapeTableCell(action.owner) || NOBODY,
        action.dueAt ? formatDateTime(action.dueAt, zone) : NO_DUE_DATE,
        action.priority,
        status,
      ]),
    );
  }
  return lines;
}
