// React's side of the per-incident store: one store per open document, created on first use
// (render-safe, so a first screen can seed it before any view reads it) and disposed once the last
// component holding it unmounts, i.e. when the incident view closes. The disposal waits a
// microtask, so React StrictMode's unmount/remount in one commit keeps the same store.
import { useEffect } from 'react';
import * as Y from 'yjs';
import type { StoreApi } from 'zustand/vanilla';
import { createIncidentStore, type IncidentState, type IncidentStore } from './incidentStore';

interface Held {
  handle: IncidentStore;
  users: number;
}

const open = new WeakMap<Y.Doc, Held>();

function heldFor(doc: Y.Doc): Held {
  let held = open.get(doc);
  if (!held) {
    held = { handle: createIncidentStore(doc), users: 0 };
    open.set(doc, held);
  }
  return held;
}

/** The open document's store (created if none is open yet), for code outside React's render. */
export function incidentStoreFor(doc: Y.Doc): IncidentStore {
  return heldFor(doc).handle;
}

/** What components outside an incident read: an empty document's store (no incident, no entries). */
let noIncident: StoreApi<IncidentState> | null = null;

/** The document's store, held open while the calling component is mounted; with no document, an empty one. */
export function useIncidentStore(doc: Y.Doc | null): StoreApi<IncidentState> {
  useEffect(() => {
    if (!doc) return;
    const held = heldFor(doc);
    held.users += 1;
    return () => {
      held.users -= 1;
      queueMicrotask(() => {
        if (held.users === 0 && open.get(doc) === held) {
          open.delete(doc);
          held.handle.dispose();
        }
      });
    };
  }, [doc]);
  if (doc) return heldFor(doc).handle.store;
  noIncident ??= createIncidentStore(new Y.Doc()).store;
  return noIncident;
}
