// Writes to an incident's document the way a client would: through a Hocuspocus direct
// connection, so the update is stored by the persistence extension and reaches every open
// timeline at once. Creating an incident, logging a terminal command and recording an alert
// all go through here.
import type { Hocuspocus } from '@hocuspocus/server';
import type * as Y from 'yjs';
import type { CommandContext } from '../../shared/model/commands';
import { incidentDocName } from '../../shared/protocol/api';

export interface IncidentWriterDeps {
  hocuspocus: Hocuspocus;
  /** Called with the document after a write, so the incident list follows (IncidentIndexExtension.refresh). */
  refreshIndex?: (doc: Y.Doc) => void;
  /** An observed room's replica is read-only here too: the room would refuse the write. */
  isObserved?: (incidentId: string) => boolean;
}

/** Runs fn on the incident's document, as `author`, in one transaction. */
export async function writeIncident(
  deps: IncidentWriterDeps,
  incidentId: string,
  author: string,
  fn: (doc: Y.Doc, ctx: CommandContext) => void,
): Promise<void> {
  if (deps.isObserved?.(incidentId)) throw new Error(`incident ${incidentId} is an observed room: not written`);
  const connection = await deps.hocuspocus.openDirectConnection(incidentDocName(incidentId), { author });
  try {
    await connection.transact((doc) => fn(doc, { author }));
    if (connection.document) deps.refreshIndex?.(connection.document);
  } finally {
    await connection.disconnect();
  }
}
