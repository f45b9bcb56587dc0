// Roles and handoffs as React reads them: one small source per document, fed by observing
// only the `roles` array and `handoffs` map and re-reading them (tens of records, not 100k).
import { useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { handoffsMap, readHandoffs, readRoles, rolesArray } from '../../shared/model/roleRecords';
import type { Handoff, RoleAssignment } from '../../shared/model/coordinationTypes';

export interface RolesSnapshot {
  roles: RoleAssignment[];
  handoffs: Handoff[];
}

interface RolesSource {
  get(): RolesSnapshot;
  subscribe(listener: () => void): () => void;
}

const sources = new WeakMap<Y.Doc, RolesSource>();

function read(doc: Y.Doc): RolesSnapshot {
  return { roles: readRoles(doc), handoffs: readHandoffs(doc) };
}

function sourceFor(doc: Y.Doc): RolesSource {
  const existing = sources.get(doc);
  if (existing) return existing;
  let snapshot = read(doc);
  const listeners = new Set<() => void>();
  const refresh = () => {
    snapshot = read(doc);
    for (const listener of listeners) listener();
  };
  const roles = rolesArray(doc);
  const handoffs = handoffsMap(doc);
  const source: RolesSource = {
    get: () => snapshot,
    subscribe(listener) {
      if (listeners.size === 0) {
        // Catch up on anything written while nobody was listening.
        snapshot = read(doc);
        roles.observe(refresh);
        handoffs.observe(refresh);
      }
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          roles.unobserve(refresh);
          handoffs.unobserve(refresh);
        }
      };
    },
  };
  sources.set(doc, source);
  return source;
}

/** Every assignment (in order) and every handoff (oldest first); re-renders when either changes. */
export function useRoles(doc: Y.Doc): RolesSnapshot {
  const source = sourceFor(doc);
  return useSyncExternalStore(source.subscribe, source.get);
}
