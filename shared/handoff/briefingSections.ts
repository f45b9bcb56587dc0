// The coordination parts of a handoff briefing: open decisions, checklist progress with the
// blocked items, open actions. Each returns the Markdown lines of one section body.
// Pure: it reads plain CoordinationState values and never the doc. User text goes through
// escapeInline / escapeTableCell, so the briefing stays markdownlint-clean whatever people typed.
import type { ActionItem, ActionPriority, Checklist, Decision } from '../model/coordinationTypes';
import type { Instant } from '../model/types';
import { durationWords, formatDateTime } from '../time/format';
import { escapeInline, escapeTableCell } from '../export/escape';

const PRIORITY_ORDER: Record<ActionPriority, number> = { P1: 0, P2: 1, P3: 2 };
const NONE = '—';

/** Open = still in play: proposed, or decided and not yet reviewed. Superseded and reversed ones are history. */
export function isOpenDecision(decision: Decision): boolean {
  return decision.status === 'proposed' || (decision.status === 'decided' && decision.outcome === null);
}

function revisitText(revisitAt: Instant | null, now: Instant, zone: string): string {
  if (revisitAt === null) return 'no revisit time set';
  const at = formatDateTime(revisitAt, zone);
  return revisitAt <= now ? `revisit was due at ${at} (${durationWords(revisitAt, now)} ago)` : `revisit at ${at} (in ${durationWords(now, revisitAt)})`;
}

export function decisionLines(decisions: Decision[], now: Instant, zone: string): string[] {
  const open = decisions.filter(isOpenDecision);
  if (open.length === 0) return ['No open decisions.'];
  return open.map((d) => {
    const chosen = d.options.find((o) => o.id === d.chosenOptionId);
    const state = d.status === 'decided' && chosen ? `decided: ${escapeInline(chosen.title)}` : d.status;
    const door = d.reversibility === 'one-way' ? ', one-way door' : '';
    return `- ${escapeInline(d.question) || 'Untitled decision'} — ${state}${door}; ${revisitText(d.revisitAt, now, zone)}`;
  });
}

/** finished = done (confirmed where a second person is needed) + skipped; as checklistProgress in shared/model/checklists.ts. */
export function progressOf(checklist: Checklist): { finished: number; total: number; blocked: number } {
  let finished = 0;
  let blocked = 0;
  for (const item of checklist.items) {
    if (item.state === 'skipped' || (item.state === 'done' && (!item.needsConfirm || item.confirmedBy !== null))) finished += 1;
    if (item.state === 'blocked') blocked += 1;
  }
  return { finished, total: checklist.items.length, blocked };
}

export function checklistLines(checklists: Checklist[]): string[] {
  if (checklists.length === 0) return ['No checklists in this incident.'];
  const lines: string[] = [];
  for (const checklist of checklists) {
    const { finished, total, blocked } = progressOf(checklist);
    const blockedText = blocked > 0 ? `, ${blocked} blocked` : '';
    lines.push(`- ${escapeInline(checklist.title) || 'Untitled checklist'}: ${finished}/${total} finished${blockedText}`);
    for (const item of checklist.items) {
      if (item.state === 'blocked') {
        const reason = escapeInline(item.reason ?? '') || 'no reason given';
        lines.push(`  - Blocked: ${escapeInline(item.text) || 'Untitled item'} — ${reason}`);
      } else if (item.state === 'done' && item.needsConfirm && item.confirmedBy === null) {
        lines.push(`  - Awaiting confirmation: ${escapeInline(item.text) || 'Untitled item'}`);
      }
    }
  }
  return lines;
}

function compareActions(a: ActionItem, b: ActionItem): number {
  const byPriority = (PRIORITY_ORDER[a.priority] ?? 0) - (PRIORITY_ORDER[b.priority] ?? 0);
  if (byPriority !== 0) return byPriority;
  // Due soonest first; undated last.
  const aDue = a.dueAt ?? '\uffff';
  const bDue = b.dueAt ?? '\uffff';
  return aDue < bDue ? -1 : aDue > bDue ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function actionLines(actions: ActionItem[], now: Instant, zone: string): string[] {
  const open = actions.filter((a) => a.status === 'open').sort(compareActions);
  if (open.length === 0) return ['No open actions.'];
  const lines = ['| Priority | Action | Owner | Due |', '| --- | --- | --- | --- |'];
  for (const a of open) {
    const due = a.dueAt === null ? NONE : `${formatDateTime(a.dueAt, zone)}${a.dueAt <= now ? ' (overdue)' : ''}`;
    lines.push(`| ${a.priority} | ${escapeTableCell(a.text) || NONE} | ${escapeTableCell(a.owner) || 'unassigned'} | ${due} |`);
  }
  return lines;
}
