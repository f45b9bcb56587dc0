import type { Decision, DecisionStatus } from './coordinationTypes';

// The decision life cycle as data, so the commands, the fold and the UI all ask the same
// question: proposed → decided → superseded | reversed. Superseded and reversed are final:
// a replaced decision stays in the log, linked to the one that replaced it.

export const decisionTransitions: Readonly<Record<DecisionStatus, readonly DecisionStatus[]>> = {
  proposed: ['decided'],
  decided: ['superseded', 'reversed'],
  superseded: [],
  reversed: [],
};

export function canMoveDecision(from: DecisionStatus, to: DecisionStatus): boolean {
  return decisionTransitions[from].includes(to);
}

/** Only a proposal can still be edited; once decided, change it by superseding or reversing it. */
export function isEditable(decision: Pick<Decision, 'status'>): boolean {
  return decision.status === 'proposed';
}

/** An outcome review judges a decision that was acted on, so a bare proposal has none. */
export function canReviewOutcome(decision: Pick<Decision, 'status'>): boolean {
  return decision.status !== 'proposed';
}

/** The option title a decision chose, or '' when none. */
export function chosenOptionTitle(decision: Pick<Decision, 'options' | 'chosenOptionId'>): string {
  return decision.options.find((o) => o.id === decision.chosenOptionId)?.title ?? '';
}
