// Connection and save status of the open incident, for the header's saved indicator,
// the store-error banner and for callers that must know a change is on disk
// (the quick-add bar keeps its text until waitForSaved() says 'saved').
import { create } from 'zustand';
import { describeStoreError } from '../../shared/protocol/storeFailure';

export { describeStoreError };

export interface SyncState {
  connection: 'connecting' | 'online' | 'offline';
  /** Local changes the host has not yet confirmed as on disk (shared/protocol/unsavedChanges.ts). */
  unsynced: number;
  storeError: { file: string; reason: string } | null;
}

export const useSyncState = create<SyncState>()(() => ({
  connection: 'connecting',
  unsynced: 0,
  storeError: null,
}));

/** Long enough for a slow fsync on a busy laptop, short enough that a stuck save is reported. */
const DEFAULT_SAVE_TIMEOUT_MS = 10_000;


/** Resolves 'saved' once the host has confirmed every local change as on disk, or { error } if the store reports an error or timeoutMs passes. */
export function waitForSaved(timeoutMs: number = DEFAULT_SAVE_TIMEOUT_MS): Promise<'saved' | { error: string }> {
  return new Promise((resolve) => {
    let done = false;
    let unsubscribe: () => void = () => {};
    const finish = (result: 'saved' | { error: string }) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      unsubscribe();
      resolve(result);
    };
    const check = (s: SyncState) => {
      if (s.storeError) finish({ error: describeStoreError(s.storeError) });
      else if (s.connection === 'online' && s.unsynced === 0) finish('saved');
    };
    const timer = setTimeout(() => {
      const s = useSyncState.getState();
      finish({
        error:
          s.connection === 'online'
            ? `The host has not confirmed ${s.unsynced} change(s) as saved yet.`
            : 'Not connected to the host; the change is not saved yet.',
      });
    }, timeoutMs);
    unsubscribe = useSyncState.subscribe(check);
    // A change made just before this call has already bumped `unsynced` synchronously
    // (it is counted when its transaction ends), so checking now is safe.
    check(useSyncState.getState());
  });
}
