// The producer side of the renderer's Yjs reads, with no React in it (so it can run wherever
// the Y.Doc lives, a Web Worker included): one source per document and reader, which re-reads
// only after a transaction that changed one of its Y types, once per transaction however many
// of them it touched (a map and its log written together are read once), and hands every
// subscriber the same snapshot until the next such change.
import type * as Y from 'yjs';
import { DisposableStore, listen, toDisposable } from '../../shared/lifecycle/disposable';

export type ObservedTypes = (doc: Y.Doc) => Y.AbstractType<unknown>[];
export type DocReader<T> = (doc: Y.Doc) => T;

export interface DocReadSource<T> {
  get(): T;
  subscribe(listener: () => void): () => void;
}

/** Sources by reader, then by document; readers are module-level functions, so the keys are stable. */
const sources = new WeakMap<DocReader<unknown>, WeakMap<Y.Doc, DocReadSource<unknown>>>();

export function docReadSource<T>(doc: Y.Doc, types: ObservedTypes, read: DocReader<T>): DocReadSource<T> {
  let byDoc = sources.get(read as DocReader<unknown>);
  if (!byDoc) sources.set(read as DocReader<unknown>, (byDoc = new WeakMap()));
  const existing = byDoc.get(doc);
  if (existing) return existing as DocReadSource<T>;
  const source = createSource(doc, types, read);
  byDoc.set(doc, source as DocReadSource<unknown>);
  return source;
}

function createSource<T>(doc: Y.Doc, types: ObservedTypes, read: DocReader<T>): DocReadSource<T> {
  let snapshot = read(doc);
  const listeners = new Set<() => void>();
  let observing: DisposableStore | null = null;
  const refresh = () => {
    snapshot = read(doc);
    for (const listener of [...listeners]) listener();
  };
  const start = () => {
    // Yjs types its change sets by the concrete event type; membership is all that is asked here.
    const observed = types(doc) as unknown as Parameters<Y.Transaction["changed"]["has"]>[0][];
    const lifetime = new DisposableStore();
    lifetime.add(
      listen(doc, 'afterTransaction', (transaction: Y.Transaction) => {
        if (observed.some((type) => transaction.changed.has(type) || transaction.changedParentTypes.has(type))) refresh();
      }),
    );
    return lifetime;
  };
  return {
    get: () => snapshot,
    subscribe(listener) {
      if (!observing) {
        // Catch up on anything written while nobody was listening.
        snapshot = read(doc);
        observing = start();
      }
      listeners.add(listener);
      const subscription = toDisposable(() => {
        listeners.delete(listener);
        if (listeners.size === 0 && observing) {
          observing.dispose();
          observing = null;
        }
      });
      return () => subscription.dispose();
    },
  };
}
