// The decision log as React reads it: the decisions slice of the incident's store
// (renderer/state/coordinationSlice.ts), patched per transaction that touched the decision map or
// its event log; only the decisions it names are folded again.
import type * as Y from 'yjs';
import { useStore } from 'zustand';
import type { Decision } from '../../shared/model/coordinationTypes';
import { useIncidentStore } from '../state/useIncidentStore';

/** Every decision, oldest first; re-renders when any decision changes. */
export function useDecisions(doc: Y.Doc): Decision[] {
  return useStore(useIncidentStore(doc), (s) => s.decisions);
}
