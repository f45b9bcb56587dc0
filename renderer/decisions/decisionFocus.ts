// Which decision the Decisions view shows in its detail panel. The revisit banner's "Open"
// sets it too; the shell can subscribe to `requested` to switch to the Decisions tab.
import { create } from 'zustand';

interface FocusState {
  selectedId: string | null;
  /** Bumped by openDecision so a listener (the shell's tabs) notices repeat requests. */
  requested: number;
}

export const useDecisionFocus = create<FocusState>(() => ({ selectedId: null, requested: 0 }));

export function selectDecision(id: string | null): void {
  useDecisionFocus.setState({ selectedId: id });
}

/** Select a decision and ask the shell to bring the Decisions view forward. */
export function openDecision(id: string): void {
  useDecisionFocus.setState((s) => ({ selectedId: id, requested: s.requested + 1 }));
}
