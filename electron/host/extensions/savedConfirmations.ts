// "Saved" confirmations (shared/protocol/savedVector.ts), for any persistence that keeps a loaded
// document's state vector equal to what is stored: after the sync messages in hand have been
// handled, each connection that sent one is told the document's state vector, once per change.
import type { Connection } from '@hocuspocus/server';
import * as Y from 'yjs';
import { SavedVectorFeed } from '../../../shared/protocol/savedVector';

export class SavedConfirmations {
  /** What each connection has been told is stored. */
  private readonly feeds = new WeakMap<Connection, SavedVectorFeed>();
  /** Connections owed a confirmation; sent together once the messages in hand have been handled. */
  private readonly owed = new Set<Connection>();

  /** `unsaved`: documents whose state is not all stored (their last change failed); they get none. */
  constructor(private readonly unsaved: (doc: Y.Doc) => boolean = () => false) {}

  /**
   * Called from beforeSync. Hocuspocus starts that hook's chain just before it applies the message,
   * but hooks run as promise callbacks, after the handler has returned. The confirmation waits for
   * the next turn anyway, so it never depends on that order, and a burst of updates gets one message.
   */
  owe(connection: Connection): void {
    if (this.owed.size === 0) setImmediate(() => this.confirm());
    this.owed.add(connection);
  }

  private confirm(): void {
    for (const connection of this.owed) {
      const { document } = connection;
      if (this.unsaved(document)) continue;
      let feed = this.feeds.get(connection);
      if (!feed) this.feeds.set(connection, (feed = new SavedVectorFeed()));
      const message = feed.next(Y.decodeStateVector(Y.encodeStateVector(document)));
      if (message) connection.sendStateless(message);
    }
    this.owed.clear();
  }
}
