// The room's presence as React reads it: one snapshot per awareness 'change' (someone joined,
// left, switched tabs or started typing), plus the roles to say who holds which incident role.
import { useMemo, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { useRoles } from '../roles/useRoles';
import { presenceRows, type PresenceRow } from './presenceModel';

interface StatesSnapshot {
  states: ReadonlyMap<number, unknown>;
}

const snapshots = new WeakMap<Awareness, StatesSnapshot>();

function snapshotOf(awareness: Awareness): StatesSnapshot {
  let snapshot = snapshots.get(awareness);
  if (!snapshot) {
    snapshot = { states: new Map(awareness.getStates()) };
    snapshots.set(awareness, snapshot);
  }
  return snapshot;
}

export function usePresenceRows(awareness: Awareness, doc: Y.Doc, incidentCommander: string): PresenceRow[] {
  const snapshot = useSyncExternalStore(
    (onChange) => {
      // 'change' fires only when a state really changed (not on the periodic keep-alive renewals).
      const listener = () => {
        snapshots.set(awareness, { states: new Map(awareness.getStates()) });
        onChange();
      };
      awareness.on('change', listener);
      return () => awareness.off('change', listener);
    },
    () => snapshotOf(awareness),
  );
  const { roles } = useRoles(doc);
  return useMemo(() => presenceRows(snapshot.states, awareness.clientID, roles, incidentCommander), [snapshot, awareness, roles, incidentCommander]);
}
