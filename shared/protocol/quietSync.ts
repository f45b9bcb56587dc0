// Yjs encodes every transaction as an 'update' event as long as anyone listens for one, and a
// sync provider listens from birth (it sends local changes). Applying a 100k-entry incident's
// initial sync therefore re-encodes the whole 21 MB state on the receiving side only for the
// provider to drop it (the update came from the provider itself). This skips that encoding for
// the transactions a predicate picks. Yjs decides by whether its `update` observers exist
// (lib0 Observable's public `_observers`), checked right after 'afterTransactionCleanup'; the
// host does the same for replaying stored rows (electron/host/extensions/persistenceExtension.ts).
import type * as Y from 'yjs';

/** Until the returned function is called, transactions for which `quiet` is true emit no 'update'. */
export function skipUpdateEvents(doc: Y.Doc, quiet: (transaction: Y.Transaction) => boolean): () => void {
  const observers = doc._observers as Map<string, unknown>;
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
  return () => {
    restore();
    doc.off('afterTransactionCleanup', onCleanup);
    doc.off('afterAllTransactions', restore);
  };
}
