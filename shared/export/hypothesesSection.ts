// The postmortem's Hypotheses section: what the team thought was wrong when the document was
// written, and each idea it ruled out, with who, when and why. A postmortem that only shows the
// final answer hides the dead ends the team spent hours on; this keeps them. Every user string
// goes through escapeInline: a hypothesis was typed under pressure and may hold anything.
import type { RuledOutHypothesis, Situation } from '../model/situation';
import { formatDateTime } from '../time/format';
import { escapeInline } from './escape';
import { byInstant } from './tableRow';

const NOT_RECORDED = 'not recorded';

/** Escaped, with a visible stand-in for an empty value so no bullet ends in nothing. */
function text(value: string, empty = NOT_RECORDED): string {
  return escapeInline(value) || `*${empty}*`;
}

function ruledOutLine(ruledOut: RuledOutHypothesis, zone: string): string {
  const when = ruledOut.at === '' ? `*${NOT_RECORDED}*` : formatDateTime(ruledOut.at, zone);
  return `- **Ruled out:** ${text(ruledOut.text, 'untitled hypothesis')} — ${text(ruledOut.reason, 'no reason given')} (ruled out by ${text(ruledOut.by, 'someone')} at ${when})`;
}

/** The section's lines, oldest rule-out first; [] when there is no lead and nothing was ruled out (the caller then leaves the section out). */
export function renderHypotheses(situation: Situation, zone: string): string[] {
  const lines: string[] = [];
  const lead = escapeInline(situation.hypothesis);
  if (lead !== '') lines.push(`- **Leading:** ${lead}`);
  // sort is stable: two rule-outs stamped the same instant keep the order every replica agrees on.
  for (const ruledOut of [...situation.ruledOut].sort((a, b) => byInstant(a.at, b.at))) lines.push(ruledOutLine(ruledOut, zone));
  return lines;
}
