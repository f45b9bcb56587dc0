// Opening the "New action" dialog from anywhere: the Actions view's button, or `/action …`
// in the quick-add bar (the shell calls openActionDraft with the typed text).
import { create } from 'zustand';
import type { EntryPlacement } from '../../shared/model/commandSchemas';

export interface ActionDraft {
  /** Prefilled action text; the person can edit it before creating. */
  text: string;
  /** From quick-add: the backdated time and workstream of the action's timeline entry. */
  placement?: EntryPlacement;
}

interface ActionDraftState {
  draft: ActionDraft | null;
}

export const useActionDraft = create<ActionDraftState>(() => ({ draft: null }));

export function openActionDraft(draft: ActionDraft): void {
  useActionDraft.setState({ draft: { ...draft } });
}

export function closeActionDraft(): void {
  useActionDraft.setState({ draft: null });
}

// The shell may import the dialog from here, beside its opener (the cross-team contract names this file).
export { ActionDraftDialog } from './ActionDraftDialog';
