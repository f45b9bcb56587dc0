// Roles and handoffs as React reads them, through the one Yjs read adapter (renderer/state):
// re-read after a transaction that touched the `roles` array or the `handoffs` map.
import type * as Y from 'yjs';
import { handoffsMap, readHandoffs, readRoles, rolesArray } from '../../shared/model/roleRecords';
import type { Handoff, RoleAssignment } from '../../shared/model/coordinationTypes';
import { useDocRead } from '../state/useDocRead';

export interface RolesSnapshot {
  roles: RoleAssignment[];
  handoffs: Handoff[];
}

const roleTypes = (doc: Y.Doc): Y.AbstractType<unknown>[] => [rolesArray(doc), handoffsMap(doc)] as Y.AbstractType<unknown>[];
const readRolesSnapshot = (doc: Y.Doc): RolesSnapshot => ({ roles: readRoles(doc), handoffs: readHandoffs(doc) });

/** Every assignment (in order) and every handoff (oldest first); re-renders when either changes. */
export function useRoles(doc: Y.Doc): RolesSnapshot {
  return useDocRead(doc, roleTypes, readRolesSnapshot);
}
