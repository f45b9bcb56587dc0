// The postmortem's "Checklists" section: the final state of every item, per checklist,
// as one table each, so a reader sees at a glance what was done, skipped (and why),
// blocked (and why) and who confirmed the dangerous steps.
import { checklistProgress, isAwaitingConfirmation } from '../model/checklists';
import type { Checklist, ChecklistItem } from '../model/coordinationTypes';
import { formatDateTime } from '../time/format';
import { escapeInline, escapeTableCell } from './escape';
import { tableRow } from './tableRow';

const HEADER = '| Section | Item | State | Who and why |';
const DELIMITER = '| --- | --- | --- | --- |';

/** Plain symbols, not emoji: they read the same in a terminal, a wiki and a printout. */
function stateLabel(item: ChecklistItem): string {
  if (isAwaitingConfirmation(item)) return '✓ done, awaiting confirmation';
  switch (item.state) {
    case 'done':
      return item.needsConfirm ? '✓ done and confirmed' : '✓ done';
    case 'skipped':
      return '⤼ skipped';
    case 'blocked':
      return '✗ blocked';
    case 'in-progress':
      return '… in progress';
    default:
      return '☐ not done';
  }
}

function notes(item: ChecklistItem): string {
  const parts: string[] = [];
  if (item.doneBy !== null) parts.push(`done by ${escapeTableCell(item.doneBy)}`);
  if (item.confirmedBy !== null) parts.push(`confirmed by ${escapeTableCell(item.confirmedBy)}`);
  // Only where it still matters: a skipped or blocked step will get no confirmation.
  if (item.needsConfirm && (item.state === 'todo' || item.state === 'in-progress')) parts.push('needs a second person');
  if (item.reason !== null && item.reason.trim() !== '') parts.push(`reason: ${escapeTableCell(item.reason)}`);
  if (item.assignee !== null && item.assignee.trim() !== '') parts.push(`assigned to ${escapeTableCell(item.assignee)}`);
  else if (item.ownerRole !== null && item.ownerRole.trim() !== '') parts.push(`owner: ${escapeTableCell(item.ownerRole)}`);
  return parts.join('; ');
}


function checklistBlock(checklist: Checklist, number: number, zone: string): string[] {
  const { finished, total, blocked } = checklistProgress(checklist);
  const title = escapeInline(checklist.title) || 'Untitled checklist';
  const lines = [`### Checklist ${number}: ${title} (${finished}/${total} finished${blocked > 0 ? `, ${blocked} blocked` : ''})`, ''];
  const origin = checklist.template.trim() === '' ? 'Ad-hoc checklist' : `From the runbook “${escapeInline(checklist.template)}”`;
  lines.push(`${origin}, started by ${escapeInline(checklist.createdBy) || 'someone'} at ${formatDateTime(checklist.createdAt, zone)}.`, '');
  if (checklist.items.length === 0) {
    lines.push('*No items.*', '');
    return lines;
  }
  lines.push(HEADER, DELIMITER);
  for (const item of checklist.items) {
    lines.push(tableRow([escapeTableCell(item.section), escapeTableCell(item.text), stateLabel(item), notes(item)]));
  }
  lines.push('');
  return lines;
}

/** The section's lines; [] when there are no checklists (the caller writes the placeholder). */
export function renderChecklists(checklists: readonly Checklist[], zone: string): string[] {
  const lines: string[] = [];
  checklists.forEach((checklist, index) => lines.push(...checklistBlock(checklist, index + 1, zone)));
  if (lines.at(-1) === '') lines.pop();
  return lines;
}
