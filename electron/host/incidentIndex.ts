// The `incidents` table is derived from each document's meta so the home screen and
// `warroom list` never have to load a 100k-entry document. This module derives the rows.
import type * as Y from 'yjs';
import type { IncidentSummary } from '../../shared/model/types';
import { entriesMap, incidentHeadline, readIncident } from '../../shared/model/doc';
import { incidentDocName, incidentIdFromDocName } from '../../shared/protocol/api';
import type { IncidentStore } from './store';

/** The index row for a document, or null while the document has no incident in it. */
export function summaryFromDoc(doc: Y.Doc, updatedAt: string): IncidentSummary | null {
  const incident = readIncident(doc);
  if (!incident) return null;
  return {
    ...incidentHeadline(incident),
    startedAt: incident.impactStartedAt ?? incident.detectedAt,
    entryCount: entriesMap(doc).size,
    updatedAt,
  };
}

/** True when two rows differ in anything but their updatedAt stamp. */
export function summaryChanged(a: IncidentSummary | undefined, b: IncidentSummary): boolean {
  if (!a) return true;
  return (Object.keys(b) as Array<keyof IncidentSummary>).some((k) => k !== 'updatedAt' && a[k] !== b[k]);
}

/** Adds rows for stored documents the index does not know (e.g. a database from before the index). */
export function rebuildMissingRows(store: IncidentStore): number {
  const known = new Set(store.listSummaries().map((s) => incidentDocName(s.id)));
  let added = 0;
  for (const name of store.docNames()) {
    if (known.has(name) || incidentIdFromDocName(name) === null) continue;
    const doc = store.loadDoc(name);
    const summary = doc && summaryFromDoc(doc, new Date().toISOString());
    doc?.destroy();
    if (summary) {
      store.upsertSummary(summary);
      added += 1;
    }
  }
  return added;
}
