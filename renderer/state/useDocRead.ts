// React's side of docReadSource: the snapshot of one reader over the open document,
// re-rendering only when a transaction changed the Y types it reads. Components never touch Yjs
// beyond this hook.
import { useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { docReadSource, type DocReader, type ObservedTypes } from './docReadSource';

/** `types` and `read` must be stable (module-level functions): they pick which Y types to observe and how to read them. */
export function useDocRead<T>(doc: Y.Doc, types: ObservedTypes, read: DocReader<T>): T {
  const source = docReadSource(doc, types, read);
  return useSyncExternalStore(source.subscribe, source.get);
}
