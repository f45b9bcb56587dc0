// Replays stored updates into a document that is still loading, with its 'update' listeners
// detached. Yjs re-encodes a transaction into an update only when something listens for
// 'update', and Hocuspocus' own listener would then copy that update into a broadcast message
// for connections that cannot exist yet. For a 100k-entry incident that was two needless 29 MB
// buffers and ~0.3 s on every open.
//
// Neither Yjs nor lib0 offers a public way to pause listeners someone else registered, so this
// is the one place the host reaches into lib0's Observable (`_observers`, a Map from event name
// to listeners). test/quietReplay.test.ts fails if a Yjs or lib0 upgrade changes that.
import type * as Y from 'yjs';

type Observers = Map<string, unknown>;

function observersOf(doc: Y.Doc): Observers {
  const observers = (doc as unknown as { _observers?: unknown })._observers;
  if (!(observers instanceof Map)) throw new Error('lib0 Observable no longer keeps its listeners in a _observers Map; see quietReplay.ts');
  return observers as Observers;
}

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
