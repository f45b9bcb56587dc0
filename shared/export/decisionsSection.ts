// The postmortem's "Decisions" section: each decision as a numbered `###` heading (the
// number keeps headings unique for MD024 even when two questions read alike) followed by
// a list of its facts. Every user string goes through escapeInline: a decision's text was
// typed under pressure and may hold anything.
import type { Decision, DecisionOption } from '../model/coordinationTypes';
import type { Instant } from '../model/types';
import { formatDateTime } from '../time/format';
import { escapeInline } from './escape';

const NOT_RECORDED = 'not recorded';
const DOOR_WORDS: Record<Decision['reversibility'], string> = {
  'one-way': 'one-way door (hard to undo)',
  'two-way': 'two-way door (easy to undo)',
};

/** Escaped, with a visible stand-in for an empty value so no bullet ends in nothing. */
function text(value: string, empty = NOT_RECORDED): string {
  return escapeInline(value) || `*${empty}*`;
}

function label(number: number, decision: Decision): string {
  return `Decision ${number} (“${escapeInline(decision.question) || 'untitled'}”)`;
}

function optionLine(option: DecisionOption, chosen: boolean): string {
  const parts = [`**${escapeInline(option.title) || 'untitled option'}**${chosen ? ' (chosen)' : ''}`];
  if (option.pros.trim() !== '') parts.push(`pros: ${escapeInline(option.pros)}`);
  if (option.cons.trim() !== '') parts.push(`cons: ${escapeInline(option.cons)}`);
  return `  - ${parts.join(' — ')}`;
}

/** "superseded by Decision 4 (“…”)" and "replaces Decision 1 (“…”)": links both ways, by number. */
function links(decision: Decision, numbers: ReadonlyMap<string, number>, all: readonly Decision[]): string[] {
  const lines: string[] = [];
  if (decision.replacedBy !== null) {
    const replacement = all.find((d) => d.id === decision.replacedBy);
    const verb = decision.status === 'reversed' ? 'Reversed by' : 'Superseded by';
    lines.push(`- **${verb}:** ${replacement ? label(numbers.get(replacement.id) ?? 0, replacement) : text(decision.replacedBy)}`);
  }
  const replaced = all.filter((d) => d.replacedBy === decision.id);
  if (replaced.length > 0) {
    lines.push(`- **Replaces:** ${replaced.map((d) => label(numbers.get(d.id) ?? 0, d)).join('; ')}`);
  }
  return lines;
}

function decisionBlock(decision: Decision, number: number, zone: string, numbers: ReadonlyMap<string, number>, all: readonly Decision[]): string[] {
  const at = (instant: Instant | null): string => (instant ? formatDateTime(instant, zone) : NOT_RECORDED);
  const question = escapeInline(decision.question) || 'Untitled decision';
  const lines = [`### Decision ${number}: ${question} (${decision.status})`, ''];
  lines.push(`- **Status:** ${decision.status}`);
  if (decision.context.trim() !== '') lines.push(`- **Context:** ${escapeInline(decision.context)}`);
  if (decision.options.length === 0) {
    lines.push('- **Options considered:** *none recorded*');
  } else {
    lines.push('- **Options considered:**');
    for (const option of decision.options) lines.push(optionLine(option, option.id === decision.chosenOptionId));
  }
  const chosen = decision.options.find((option) => option.id === decision.chosenOptionId);
  lines.push(`- **Chosen:** ${chosen ? text(chosen.title, 'untitled option') : '*no option chosen*'}`);
  lines.push(`- **Rationale:** ${text(decision.rationale)}`);
  const by = decision.decidedBy === null ? NOT_RECORDED : text(decision.decidedBy);
  lines.push(`- **Decided by:** ${decision.decidedAt || decision.decidedBy ? `${by} at ${at(decision.decidedAt)}` : '*not decided*'}`);
  lines.push(`- **Reversibility:** ${DOOR_WORDS[decision.reversibility]}`);
  lines.push(`- **Revisit:** ${decision.revisitAt ? at(decision.revisitAt) : '*none set*'}`);
  lines.push(...links(decision, numbers, all));
  if (decision.outcome) {
    const { verdict, why, by: reviewer, at: reviewedAt } = decision.outcome;
    lines.push(`- **Outcome:** ${verdict} — ${text(why, 'no reason given')} (reviewed by ${text(reviewer, 'someone')} at ${at(reviewedAt)})`);
  } else {
    lines.push('- **Outcome:** *not reviewed yet*');
  }
  lines.push(`- **Raised by:** ${text(decision.createdBy)} at ${at(decision.createdAt)}`);
  lines.push('');
  return lines;
}

/** The section's lines; [] when there are no decisions (the caller writes the placeholder). */
export function renderDecisions(decisions: readonly Decision[], zone: string): string[] {
  const sorted = [...decisions].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const numbers = new Map(sorted.map((decision, index) => [decision.id, index + 1]));
  const lines: string[] = [];
  sorted.forEach((decision, index) => lines.push(...decisionBlock(decision, index + 1, zone, numbers, sorted)));
  // appendSection adds the blank line after the section.
  if (lines.at(-1) === '') lines.pop();
  return lines;
}
