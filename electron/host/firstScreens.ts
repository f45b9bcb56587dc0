// Keeps each incident's first screen (shared/model/firstScreen.ts) beside its document, so the
// renderer paints a large incident's newest rows before its document has loaded anywhere.
import type * as Y from 'yjs';
import { firstScreenOf } from '../../shared/model/firstScreen';
import type { IncidentStore } from './store';

/**
 * Stores the first screen of `doc`, which must hold every update stored for it. Derived data: a
 * failure is returned (for the caller's log), and the incident still opens, only by a full sync.
 */
export function storeFirstScreen(store: IncidentStore, docName: string, doc: Y.Doc): string | null {
  const screen = firstScreenOf(doc);
  if (!screen) return null;
  try {
    store.saveFirstScreen(docName, JSON.stringify(screen));
    return null;
  } catch (err) {
    return `first screen not stored for ${docName}: ${(err as Error).message}`;
  }
}
