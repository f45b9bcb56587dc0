// Local clients of an incident this host only OBSERVES get read-only sync connections. Their
// edits would land in the local replica and then upstream, where the room closes an observer that
// changes anything; so the local host refuses them first (Hocuspocus answers "not applied" and the
// renderer keeps them as unsynced), and the room status says the role is observer.
import type { Extension, Hocuspocus, onAuthenticatePayload } from '@hocuspocus/server';
import { incidentDocName, incidentIdFromDocName } from '../../../shared/protocol/api';
import { roomOf } from '../sharing/roomAuthExtension';

/** Tells local sync clients to reconnect, now as read-only (4000–4999: application). */
export const OBSERVED_CLOSE = { code: 4503, reason: 'room-observer-read-only' } as const;

export class ReplicaGuardExtension implements Extension {
  readonly extensionName = 'war-room-replica-guard';
  /** After the token checks (1000, 900), before anything loads the document. */
  readonly priority = 800;

  constructor(private readonly isObserved: (incidentId: string) => boolean) {}

  async onAuthenticate(data: onAuthenticatePayload): Promise<void> {
    if (roomOf(data.context)) return;
    const incidentId = incidentIdFromDocName(data.documentName);
    if (incidentId !== null && this.isObserved(incidentId)) data.connectionConfig.readOnly = true;
  }
}

/** Closes the writable local connections an incident had before it became observed. */
export function reconnectLocalClients(hocuspocus: Hocuspocus, incidentId: string): void {
  const document = hocuspocus.documents.get(incidentDocName(incidentId));
  for (const connection of document?.getConnections() ?? []) {
    if (!connection.readOnly) connection.webSocket.close(OBSERVED_CLOSE.code, OBSERVED_CLOSE.reason);
  }
}
