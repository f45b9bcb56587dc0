// Opens the full decision form from anywhere (quick-add's `/decision …`, the header) without
// prop drilling: a tiny store the one mounted DecisionDraftDialog reads.
import type { EntryPlacement } from '../../shared/model/commandSchemas';
import { createDraftStore } from '../state/draftStore';

export interface DecisionDraft {
  question: string;
  /** From quick-add: the backdated time and workstream of the decision's timeline entry. */
  placement?: EntryPlacement;
  /** 'made' logs a decision already taken (chosen option and rationale) in the same submit. */
  mode?: DecisionDraftMode;
}

export type DecisionDraftMode = 'propose' | 'made';

const decisionDrafts = createDraftStore<DecisionDraft>();

export const useDecisionDraft = decisionDrafts.useDraft;
export const openDecisionDraft = decisionDrafts.open;
export const closeDecisionDraft = decisionDrafts.close;
