// Paints an incident's first screen (shared/model/firstScreen.ts) through the same stores the
// synced document feeds, so every view reads one source: the seeded meta and rows show at once,
// and the full sync replaces each of them with the document's own as it arrives.
import type * as Y from 'yjs';
import { firstScreenEntries, type FirstScreen } from '../../shared/model/firstScreen';
import { toEntryRow } from './entryRow';
import { seedIncidentMeta } from './incidentMetaStore';
import { seedEntries } from './useEntriesStore';

const seeded = new WeakSet<Y.Doc>();

/** Seeds the document's stores once; later calls for the same document do nothing. */
export function seedFirstScreen(doc: Y.Doc, screen: FirstScreen): void {
  if (seeded.has(doc)) return;
  seeded.add(doc);
  seedIncidentMeta(doc, screen.incident);
  seedEntries(doc, firstScreenEntries(screen).map(toEntryRow));
}
