// A draft that one mounted dialog shows and anything may open (quick-add's `/decision …`,
// `/action …`, a view's button) without prop drilling.
import { create } from 'zustand';

export interface DraftStore<T extends object> {
  /** The open draft, or null while the dialog is closed. */
  useDraft(): T | null;
  open(draft: T): void;
  close(): void;
}

export function createDraftStore<T extends object>(): DraftStore<T> {
  const store = create<{ draft: T | null }>(() => ({ draft: null }));
  return {
    useDraft: () => store((state) => state.draft),
    // A copy, so the opener cannot change the draft under the dialog.
    open: (draft) => store.setState({ draft: { ...draft } }),
    close: () => store.setState({ draft: null }),
  };
}
