// Opening the "New action" dialog from anywhere: the Actions view's button, or `/action …`
// in the quick-add bar (the shell calls openActionDraft with the typed text).
import type { EntryPlacement } from '../../shared/model/commandSchemas';
import { createDraftStore } from '../state/draftStore';

export interface ActionDraft {
  /** Prefilled action text; the person can edit it before creating. */
  text: string;
  /** From quick-add: the backdated time and workstream of the action's timeline entry. */
  placement?: EntryPlacement;
}

const actionDrafts = createDraftStore<ActionDraft>();

export const useActionDraft = actionDrafts.useDraft;
export const openActionDraft = actionDrafts.open;
export const closeActionDraft = actionDrafts.close;
