// Gathers a handoff briefing's inputs from the incident doc at one moment and generates it.
// Read-only: it calls the features' readers and never writes. The Roles view calls it when
// someone starts a handoff; the text is then shown, copied, and recorded with handOff().
import type * as Y from 'yjs';
import { readEntries, readIncident } from '../model/doc';
import { readCoordination } from '../model/coordination';
import { lastHandoff } from '../model/roleRecords';
import { roleHolder } from '../model/roles';
import { readSituation } from '../model/situation';
import { nextUpdateDue } from '../model/statusUpdates';
import type { Instant } from '../model/types';
import { generateHandoffBriefing } from './handoffBriefing';

export interface BriefingRequest {
  role: string;
  to: string;
  now: Instant;
  /** Display zone for every time in the briefing. */
  zone: string;
}

/** The briefing for handing `role` to `to` now, or null while the doc holds no incident. */
export function handoffBriefingFor(doc: Y.Doc, request: BriefingRequest): string | null {
  const incident = readIncident(doc);
  if (!incident) return null;
  const coordination = readCoordination(doc);
  const previous = lastHandoff(coordination.handoffs, request.role);
  return generateHandoffBriefing({
    incident,
    entries: readEntries(doc),
    coordination,
    since: previous?.at ?? null,
    now: request.now,
    zone: request.zone,
    nextUpdateDue: nextUpdateDue({ incident, cadence: coordination.cadence, updates: coordination.statusUpdates }),
    role: request.role,
    from: roleHolder(doc, request.role),
    to: request.to,
    situation: readSituation(doc),
  });
}
