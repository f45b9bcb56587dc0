import type * as Y from 'yjs';
import type { Handoff, RoleAssignment } from './coordinationTypes';
import { z } from 'zod';
import { instant, requiredText, storedShape, text } from './recordFields';
import { parseStoredRecord } from './storedFields';

// How roles and handoffs are stored, and their tolerant readers. Every
// assignment is an immutable record appended to the `roles` Y.Array as one JSON string; the
// holder of a role is its last assignment in array order, which every replica agrees on, so
// two people assigning the same role at once converge to one holder and both assignments
// stay in the history. Handoffs are immutable records in the `handoffs` Y.Map (id → JSON).
// No imports beyond types, so pure code (the handoff briefing) can use these without the commands.

export const ROLES = 'roles';
export const HANDOFFS = 'handoffs';

export function rolesArray(doc: Y.Doc): Y.Array<string> {
  return doc.getArray<string>(ROLES);
}

export function handoffsMap(doc: Y.Doc): Y.Map<string> {
  return doc.getMap<string>(HANDOFFS);
}

// ---------- Readers ----------

/**
 * A role assignment, as the archive holds it and as the `roles` array stores it. Stored, each
 * field reads tolerantly, so old or damaged data still reads; the reader skips an assignment
 * without a role or a person, which the archive rejects.
 */
export const ROLE_ASSIGNMENT_FIELDS = { role: requiredText, person: requiredText, assignedBy: text, assignedAt: instant };
/** A handoff, read the same way; stored, its id is its key. */
export const HANDOFF_FIELDS = { id: requiredText, role: text, from: text, to: text, at: instant, briefing: text };

const AssignmentRecord = z.object(storedShape(ROLE_ASSIGNMENT_FIELDS));
const HandoffRecord = z.object(storedShape(HANDOFF_FIELDS));

function readAssignment(stored: unknown): RoleAssignment | null {
  const record = parseStoredRecord(stored);
  if (!record) return null;
  const assignment = AssignmentRecord.parse(record);
  return assignment.role === '' || assignment.person === '' ? null : assignment;
}

function readHandoff(stored: unknown, id: string): Handoff | null {
  const record = parseStoredRecord(stored);
  return record ? { ...HandoffRecord.parse(record), id } : null;
}

/** Every assignment, in assignment order (the array order all replicas share). */
export function readRoles(doc: Y.Doc): RoleAssignment[] {
  const roles: RoleAssignment[] = [];
  rolesArray(doc).forEach((stored) => {
    const assignment = readAssignment(stored);
    if (assignment) roles.push(assignment);
  });
  return roles;
}

/** Role → person; the last assignment of each role wins. Map order is first-assignment order. */
export function currentRoles(roles: RoleAssignment[]): Map<string, string> {
  const holders = new Map<string, string>();
  for (const { role, person } of roles) holders.set(role, person);
  return holders;
}

/** Every handoff, oldest first (by time, then id, so replicas agree). */
export function readHandoffs(doc: Y.Doc): Handoff[] {
  const handoffs: Handoff[] = [];
  handoffsMap(doc).forEach((stored, id) => {
    const handoff = readHandoff(stored, id);
    if (handoff) handoffs.push(handoff);
  });
  return handoffs.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The latest handoff of `role`, or null; the next briefing for that role covers what came after it. */
export function lastHandoff(handoffs: Handoff[], role: string): Handoff | null {
  for (let i = handoffs.length - 1; i >= 0; i -= 1) if (handoffs[i]?.role === role) return handoffs[i] ?? null;
  return null;
}

// ---------- Writers ----------

/** Raw write of archived roles and handoffs into an empty doc. Call inside the caller's transaction. */
export function writeRoles(doc: Y.Doc, roles: RoleAssignment[], handoffs: Handoff[]): void {
  rolesArray(doc).push(roles.map((r) => JSON.stringify({ role: r.role, person: r.person, assignedBy: r.assignedBy, assignedAt: r.assignedAt })));
  const map = handoffsMap(doc);
  for (const h of handoffs) map.set(h.id, JSON.stringify({ role: h.role, from: h.from, to: h.to, at: h.at, briefing: h.briefing }));
}
