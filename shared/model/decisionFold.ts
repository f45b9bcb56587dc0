import { canMoveDecision, canReviewOutcome, chosenOptionTitle, isEditable } from './decisionMachine';
import type { DecisionEvent, DecisionPatch } from './decisionRecords';
import { OUTCOME_VERDICTS } from './coordinationTypes';
import type { Decision, DecisionChange } from './coordinationTypes';
import { storedText } from './storedFields';

// Folds a decision's events, in log order, onto its base record. An event that no longer
// fits (a second concurrent "decide", an edit that arrived after the decision was made)
// changes nothing but is still written into history as "not applied", so nobody's action
// disappears and every replica reads the same decision.

const PATCH_FIELDS = ['question', 'context', 'options', 'reversibility', 'revisitAt', 'rationale', 'chosenOptionId'] as const;

function quote(text: string): string {
  return `“${text}”`;
}

function describePatch(before: Decision, after: Decision, patch: DecisionPatch): string {
  const parts: string[] = [];
  for (const field of PATCH_FIELDS) {
    if (patch[field] === undefined) continue;
    if (field === 'chosenOptionId') {
      const title = chosenOptionTitle(after);
      parts.push(title ? `chose ${quote(title)}` : 'cleared the chosen option');
    } else if (field === 'revisitAt') parts.push(after.revisitAt ? `revisit at ${after.revisitAt}` : 'revisit cleared');
    else if (field === 'question' && before.question !== after.question) parts.push(`question ${quote(before.question)} → ${quote(after.question)}`);
    else if (field === 'reversibility') parts.push(`reversibility ${after.reversibility}`);
    else parts.push(`edited ${field}`);
  }
  return parts.join('; ') || 'edited';
}

function applyPatch(decision: Decision, patch: DecisionPatch): Decision {
  const next: Decision = { ...decision };
  if (typeof patch.question === 'string') next.question = patch.question;
  if (typeof patch.context === 'string') next.context = patch.context;
  if (Array.isArray(patch.options)) next.options = patch.options.filter((o) => typeof o?.id === 'string' && o.id !== '');
  if (patch.reversibility === 'one-way' || patch.reversibility === 'two-way') next.reversibility = patch.reversibility;
  if (patch.revisitAt !== undefined) next.revisitAt = typeof patch.revisitAt === 'string' ? patch.revisitAt : null;
  if (typeof patch.rationale === 'string') next.rationale = patch.rationale;
  if (patch.chosenOptionId !== undefined) next.chosenOptionId = typeof patch.chosenOptionId === 'string' ? patch.chosenOptionId : null;
  // An option that was removed can no longer be the chosen one.
  if (next.chosenOptionId !== null && !next.options.some((o) => o.id === next.chosenOptionId)) next.chosenOptionId = null;
  return next;
}

interface Step {
  decision: Decision;
  change: string;
}

function notApplied(decision: Decision, what: string): Step {
  return { decision, change: `${what} not applied: the decision was already ${decision.status}` };
}

function step(decision: Decision, event: DecisionEvent): Step | null {
  switch (event.type) {
    case 'update': {
      if (!isEditable(decision)) return notApplied(decision, 'edit');
      const next = applyPatch(decision, event.patch ?? {});
      return { decision: next, change: describePatch(decision, next, event.patch ?? {}) };
    }
    case 'decide': {
      const title = decision.options.find((o) => o.id === event.chosenOptionId)?.title;
      if (!canMoveDecision(decision.status, 'decided')) return notApplied(decision, `deciding ${quote(title ?? '?')}`);
      if (title === undefined) return { decision, change: 'deciding not applied: the chosen option was removed' };
      return {
        decision: {
          ...decision,
          status: 'decided',
          chosenOptionId: event.chosenOptionId,
          rationale: typeof event.rationale === 'string' ? event.rationale : decision.rationale,
          decidedBy: event.by,
          decidedAt: event.at,
        },
        change: `status proposed → decided: chose ${quote(title)}`,
      };
    }
    case 'replace': {
      const how = event.how === 'reversed' ? 'reversed' : 'superseded';
      if (!canMoveDecision(decision.status, how)) return notApplied(decision, how === 'reversed' ? 'reversing' : 'superseding');
      return {
        decision: { ...decision, status: how, replacedBy: event.replacedBy },
        change: `status ${decision.status} → ${how} by ${event.replacedBy}`,
      };
    }
    case 'outcome': {
      if (!canReviewOutcome(decision)) return { decision, change: 'outcome not applied: the decision was still proposed' };
      const verdict = OUTCOME_VERDICTS.includes(event.verdict) ? event.verdict : 'mixed';
      const why = storedText(event.why);
      return { decision: { ...decision, outcome: { verdict, why, by: event.by, at: event.at } }, change: `outcome: ${verdict} — ${why}` };
    }
    case 'revisit': {
      const revisitAt = typeof event.revisitAt === 'string' ? event.revisitAt : null;
      return { decision: { ...decision, revisitAt }, change: revisitAt ? `revisit at ${revisitAt}` : 'revisit cleared' };
    }
    default:
      return null;
  }
}

/** The decision after its events, in log order; history gains one change per event. */
export function foldDecision(base: Decision, events: readonly DecisionEvent[] = []): Decision {
  let decision = base;
  const history: DecisionChange[] = [...base.history];
  for (const event of events) {
    const result = step(decision, event);
    if (!result) continue;
    decision = result.decision;
    // decodeDecisionEvent has read `by` and `at` as text.
    history.push({ by: event.by, at: event.at, change: result.change });
  }
  return { ...decision, history };
}
