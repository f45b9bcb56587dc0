// One entries adapter per open document, shared by every component that needs
// it and detached when the last one unmounts. Creation is render-safe (cached
// per doc); the detach is deferred a microtask so React StrictMode's
// unmount/remount in one commit keeps the same adapter instead of leaking or
// tearing down the one a component already holds.
import { useEffect } from 'react';
import type * as Y from 'yjs';
import type { StoreApi } from 'zustand/vanilla';
import { attachEntriesStore, type EntriesState, type EntriesStore } from './entriesStore';
import type { EntryRow } from './entryRow';

interface Registration {
  handle: EntriesStore;
  users: number;
}

const registry = new WeakMap<Y.Doc, Registration>();

function registrationFor(doc: Y.Doc): Registration {
  let reg = registry.get(doc);
  if (!reg) {
    reg = { handle: attachEntriesStore(doc), users: 0 };
    registry.set(doc, reg);
  }
  return reg;
}

/** Seeds the document's entries store with rows it does not hold yet (EntriesStore.seed). */
export function seedEntries(doc: Y.Doc, rows: readonly EntryRow[]): void {
  registrationFor(doc).handle.seed(rows);
}

export function useEntriesStore(doc: Y.Doc): StoreApi<EntriesState> {
  const reg = registrationFor(doc);
  useEffect(() => {
    const held = registrationFor(doc);
    held.users += 1;
    return () => {
      held.users -= 1;
      queueMicrotask(() => {
        if (held.users === 0 && registry.get(doc) === held) {
          held.handle.detach();
          registry.delete(doc);
        }
      });
    };
  }, [doc]);
  return reg.handle.store;
}
