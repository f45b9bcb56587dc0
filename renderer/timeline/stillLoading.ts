// Behind a first screen (shared/model/firstScreen.ts) rows show before their entries have synced:
// a command on such a row is refused by the document, and that refusal means "wait", not "wrong".
import { CommandError } from '../../shared/model/commands';

export const STILL_LOADING = 'This entry is still loading with the rest of the timeline; try again in a moment.';

/** True for a command refused only because the document has not synced yet (no incident, no such entry). */
export function refusedWhileSyncing(err: unknown, syncingEntryCount: number | null | undefined): boolean {
  return syncingEntryCount != null && err instanceof CommandError && (err.code === 'no-incident' || err.code === 'not-found');
}
