// Opens the full decision form from anywhere (quick-add's `/decision …`, the header) without
// prop drilling: a tiny store the one mounted DecisionDraftDialog reads.
import { create } from 'zustand';

export interface DecisionDraft {
  question: string;
}

interface DraftState {
  draft: DecisionDraft | null;
}

export const useDecisionDraftStore = create<DraftState>(() => ({ draft: null }));

export function openDecisionDraft(draft: DecisionDraft): void {
  useDecisionDraftStore.setState({ draft: { question: draft.question } });
}

export function closeDecisionDraft(): void {
  useDecisionDraftStore.setState({ draft: null });
}
