import type { Checklist, ChecklistItem, ChecklistItemEvent } from './coordinationTypes';

// The timeline line a checklist tick writes, e.g.
// "✓ Sever replication link (Database failover) — confirmed by Sam". Short, and readable
// in the postmortem without opening the checklist.

const MARKS = {
  todo: '○',
  'in-progress': '▶',
  done: '✓',
  skipped: '⤼',
  blocked: '⛔',
} as const;

export function checklistEntryText(list: Checklist, item: ChecklistItem, event: ChecklistItemEvent): string {
  const what = `${item.text} (${list.title})`;
  if (event.action === 'confirm') return `✓ ${what} — confirmed by ${event.by}`;
  if (event.action === 'assign') return `${what} — assigned to ${event.assignee || 'nobody'}`;
  switch (event.state) {
    case 'done':
      return item.needsConfirm ? `✓ ${what} — done by ${event.by}, awaiting a second person’s confirmation` : `✓ ${what} — done by ${event.by}`;
    case 'skipped':
      return `${MARKS.skipped} ${what} — skipped: ${event.reason ?? ''}`;
    case 'blocked':
      return `${MARKS.blocked} ${what} — blocked: ${event.reason ?? ''}`;
    case 'in-progress':
      return `${MARKS['in-progress']} ${what} — in progress (${event.by})`;
    default:
      return `${MARKS.todo} ${what} — reopened by ${event.by}`;
  }
}
