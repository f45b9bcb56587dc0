// One incident's catalog row, read from its document with the model's own readers: the row is
// derived, never stored, so it cannot drift from the document.
import type * as Y from 'yjs';
import { readActions } from '../model/actions';
import { readDecisions } from '../model/decisionRead';
import { incidentHeadline, readIncident } from '../model/doc';
import type { ActionItem } from '../model/coordinationTypes';
import type { CatalogAction, CatalogIncident } from '../protocol/catalog';

function catalogAction(action: ActionItem): CatalogAction {
  return {
    id: action.id,
    text: action.text,
    owner: action.owner,
    priority: action.priority,
    dueAt: action.dueAt,
    status: action.status,
    reason: action.status === 'not-doing' ? (action.reason ?? '') : null,
    createdAt: action.createdAt,
    closedAt: action.doneAt,
  };
}

/** The incident's catalog row, or null while the document holds no incident. */
export function catalogFromDoc(doc: Y.Doc): CatalogIncident | null {
  const incident = readIncident(doc);
  if (!incident) return null;
  return {
    ...incidentHeadline(incident),
    services: incident.services,
    tags: incident.tags,
    commander: incident.commander,
    impactStartedAt: incident.impactStartedAt,
    detectedAt: incident.detectedAt,
    mitigatedAt: incident.mitigatedAt,
    reconstructed: incident.reconstructed === true,
    actions: readActions(doc).map(catalogAction),
    decisions: readDecisions(doc).map((d) => ({ id: d.id, question: d.question, status: d.status, verdict: d.outcome?.verdict ?? null })),
  };
}
