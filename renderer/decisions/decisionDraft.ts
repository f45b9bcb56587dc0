// Opens the full decision form from anywhere (quick-add's `/decision …`, the header) without
// prop drilling: a tiny store the one mounted DecisionDraftDialog reads.
import { create } from 'zustand';
import type { EntryPlacement } from '../../shared/model/commandSchemas';

export interface DecisionDraft {
  question: string;
  /** From quick-add: the backdated time and workstream of the decision's timeline entry. */
  placement?: EntryPlacement;
  /** 'made' logs a decision already taken (chosen option and rationale) in the same submit. */
  mode?: DecisionDraftMode;
}

export type DecisionDraftMode = 'propose' | 'made';

interface DraftState {
  draft: DecisionDraft | null;
}

export const useDecisionDraftStore = create<DraftState>(() => ({ draft: null }));

export function openDecisionDraft(draft: DecisionDraft): void {
  useDecisionDraftStore.setState({ draft: { ...draft } });
}

export function closeDecisionDraft(): void {
  useDecisionDraftStore.setState({ draft: null });
}
