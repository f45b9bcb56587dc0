// Hocuspocus auth: the provider's token must be the host token, and only incident documents
// may be opened. While the store cannot be written, connections are read-only, so an edit is
// answered "not applied" and stays unsynced on the client instead of being acknowledged.
import type { Extension, onAuthenticatePayload } from '@hocuspocus/server';
import type { IncidentStore } from '../store';
import { tokensEqual } from '../token';

/** `incident.` followed by a ULID (Crockford base32, 26 characters). */
export const INCIDENT_DOC_NAME = /^incident\.[0-9A-HJKMNP-TV-Z]{26}$/;

/** Hocuspocus sends `reason` to the client in its permission-denied message. */
export class SyncRefused extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

export class AuthExtension implements Extension {
  readonly extensionName = 'war-room-auth';
  /** Runs before every other extension: nothing loads for an unauthenticated client. */
  readonly priority = 1000;

  constructor(private readonly opts: { token: string; store: IncidentStore }) {}

  async onAuthenticate(data: onAuthenticatePayload): Promise<void> {
    // So, too, for an incident holding a row that would not decode, until the user acknowledges it.
    if (!this.opts.store.status.ok || this.opts.store.writeHeldBack(data.documentName)) data.connectionConfig.readOnly = true;
    // The room listener admitted this socket on a room token (never the host token) and put the
    // grant in its context, which clients cannot set; sharing/roomAuthExtension.ts judges it.
    if ((data.context as { room?: unknown } | null)?.room) return;
    if (!tokensEqual(data.token, this.opts.token)) throw new SyncRefused('bad-token');
    if (!INCIDENT_DOC_NAME.test(data.documentName)) throw new SyncRefused('unknown-document');
  }
}
