// The checklists of the open incident: the checklists slice of the incident's store
// (renderer/state/coordinationSlice.ts), patched per transaction that touched the checklist map
// or its event log (and only then: timeline typing does not re-render them).
import type * as Y from 'yjs';
import { useStore } from 'zustand';
import type { Checklist } from '../../shared/model/coordinationTypes';
import { useIncidentStore } from '../state/useIncidentStore';

export function useChecklists(doc: Y.Doc): Checklist[] {
  return useStore(useIncidentStore(doc), (s) => s.checklists);
}
