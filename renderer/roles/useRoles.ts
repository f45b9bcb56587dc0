// Roles and handoffs as React reads them: the roles slice of the incident's store
// (renderer/state/wholeReadSlices.ts), re-read after a transaction that touched the `roles`
// array or the `handoffs` map.
import type * as Y from 'yjs';
import { useStore } from 'zustand';
import { useIncidentStore } from '../state/useIncidentStore';
import type { RolesSnapshot } from '../state/wholeReadSlices';

export type { RolesSnapshot } from '../state/wholeReadSlices';

/** Every assignment (in order) and every handoff (oldest first); re-renders when either changes. */
export function useRoles(doc: Y.Doc): RolesSnapshot {
  return useStore(useIncidentStore(doc), (s) => s.roles);
}
