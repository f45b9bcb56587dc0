// The open incident's action items: the actions slice of the incident's store
// (renderer/state/coordinationSlice.ts), patched when the `actions` map or its event log changes.
import { useStore } from 'zustand';
import type { ActionItem } from '../../shared/model/coordinationTypes';
import { useIncidentContext } from '../app/session';
import { useIncidentStore } from '../state/useIncidentStore';

export function useActions(): ActionItem[] {
  const { doc } = useIncidentContext();
  return useStore(useIncidentStore(doc), (s) => s.actions);
}
