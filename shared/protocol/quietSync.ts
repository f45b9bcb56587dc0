// Yjs encodes a transaction into an 'update' only while someone listens for 'update'. Two places
// apply a whole document that nobody needs re-encoded:
// - the host replaying stored rows into a document that is still loading (Hocuspocus' own listener
//   would copy each into a broadcast for connections that cannot exist yet: two needless 29 MB
//   buffers and ~0.3 s on every open of a 100k-entry incident);
// - a page applying the initial sync (the provider listens from birth to send local changes, then
//   drops its own update: ~21 MB encoded on the main thread for nothing).
// Neither Yjs nor lib0 offers a public way to pause listeners someone else registered, so this is
// the one module that reaches into lib0's Observable (`_observers`, a Map from event name to
// listeners). test/quietSync.test.ts fails if a Yjs or lib0 upgrade changes that.
import type * as Y from 'yjs';
import { toDisposable, type Disposable } from '../lifecycle/disposable';

type Observers = Map<string, unknown>;

function observersOf(doc: Y.Doc): Observers {
  const observers = (doc as unknown as { _observers?: unknown })._observers;
  if (!(observers instanceof Map)) throw new Error('lib0 Observable no longer keeps its listeners in a _observers Map; see shared/protocol/quietSync.ts');
  return observers as Observers;
}

/** Runs `replay` (stored updates applied to a loading document) with the document's 'update' listeners detached. */
export function replayQuietly(doc: Y.Doc, replay: () => void): void {
  const observers = observersOf(doc);
  const listeners = observers.get('update');
  observers.delete('update');
  try {
    replay();
  } finally {
    if (listeners !== undefined) observers.set('update', listeners);
  }
}

/** Until disposed, transactions for which `quiet` is true emit no 'update'. */
export function skipUpdateEvents(doc: Y.Doc, quiet: (transaction: Y.Transaction) => boolean): Disposable {
  const observers = observersOf(doc);
  let stashed: unknown;
  const restore = () => {
    if (stashed === undefined) return;
    observers.set('update', stashed);
    stashed = undefined;
  };
  // Runs once per transaction, just before Yjs looks for 'update' listeners for that transaction.
  const onCleanup = (transaction: Y.Transaction) => {
    restore();
    if (!quiet(transaction) || !observers.has('update')) return;
    stashed = observers.get('update');
    observers.delete('update');
  };
  doc.on('afterTransactionCleanup', onCleanup);
  doc.on('afterAllTransactions', restore);
  return toDisposable(() => {
    restore();
    doc.off('afterTransactionCleanup', onCleanup);
    doc.off('afterAllTransactions', restore);
  });
}
