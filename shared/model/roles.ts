import type * as Y from 'yjs';
import { z } from 'zod';
import { instantMillis } from '../time/instant';
import { addEntry, CommandError, LOCAL_ORIGIN, updateIncident, type CommandContext } from './commands';
import { validate } from './commandError';
import { metaMap } from './doc';
import { newId } from './ids';
import { STANDARD_ROLES, type RoleAssignment } from './coordinationTypes';
import { currentRoles, handoffsMap, readRoles, rolesArray } from './roleRecords';
import type { Instant } from './types';
import { commandTime as stamp, requireIncident } from './commandContext';
import { storedText } from './storedFields';

// Role and handoff commands; storage and readers live in roleRecords.ts and
// are re-exported here, so this is the one module the rest of the app imports for roles.

export { currentRoles, handoffsMap, HANDOFFS, lastHandoff, readHandoffs, readRoles, ROLES, rolesArray, writeRoles } from './roleRecords';

/** Long enough for "database operations lead (EU shift)", short enough for the header. */
const MAX_ROLE_LENGTH = 60;
const MAX_PERSON_LENGTH = 100;
/** A briefing is a page of Markdown; the cap keeps a runaway paste from bloating every replica. */
const MAX_BRIEFING_LENGTH = 200_000;

/** The role that mirrors `incident.commander` in meta (what the header and export show). */
export const COMMANDER_ROLE = 'commander';

const standardByLowercase = new Map<string, string>(STANDARD_ROLES.map((role) => [role.toLowerCase(), role]));

/** "  Comms   Lead " → "comms lead": whitespace collapsed, and a standard role always spelled the standard way. */
export function normalizeRole(role: string): string {
  const collapsed = role.trim().replace(/\s+/g, ' ');
  return standardByLowercase.get(collapsed.toLowerCase()) ?? collapsed;
}

const RoleSchema = z
  .string({ message: 'Name the role, e.g. “comms lead”.' })
  .transform(normalizeRole)
  .pipe(
    z
      .string()
      .min(1, 'Name the role, e.g. “comms lead”.')
      .max(MAX_ROLE_LENGTH, `Keep the role name under ${MAX_ROLE_LENGTH} characters.`),
  );

const PersonSchema = z
  .string({ message: 'Say who takes the role.' })
  .transform((person) => person.trim().replace(/\s+/g, ' '))
  .pipe(
    z
      .string()
      .min(1, 'Say who takes the role.')
      .max(MAX_PERSON_LENGTH, `Keep the name under ${MAX_PERSON_LENGTH} characters.`),
  );

const BriefingSchema = z
  .string({ message: 'A handoff needs its briefing.' })
  .max(MAX_BRIEFING_LENGTH, 'The briefing is too long to record; shorten it and try again.');

/** Who holds `role` now: its last assignment, or for the commander the incident's commander field. */
export function roleHolder(doc: Y.Doc, role: string): string {
  const holder = currentRoles(readRoles(doc)).get(role);
  if (holder !== undefined) return holder;
  return role === COMMANDER_ROLE ? storedText(metaMap(doc).get('commander')) : '';
}

// ---------- Commands ----------



/** "Sam Okafor is now comms lead (was Priya)". */
export function assignmentText(role: string, person: string, previous: string): string {
  return previous === '' ? `${person} is now ${role}` : `${person} is now ${role} (was ${previous})`;
}

/** Appends the assignment and keeps meta's commander in step; the caller's transaction holds it. */
function appendAssignment(doc: Y.Doc, ctx: CommandContext, role: string, person: string, at: Instant): void {
  rolesArray(doc).push([JSON.stringify({ role, person, assignedBy: ctx.author, assignedAt: at } satisfies RoleAssignment)]);
  if (role === COMMANDER_ROLE) updateIncident(doc, ctx, { commander: person });
}

/**
 * Gives `role` (standard or custom) to `person` and logs it on the timeline as a 'handoff'
 * entry. Giving a role to the person who already holds it writes nothing.
 */
export function assignRole(doc: Y.Doc, ctx: CommandContext, role: string, person: string): void {
  const name = validate(RoleSchema, role, 'role');
  const who = validate(PersonSchema, person, 'person');
  requireIncident(doc);
  const previous = roleHolder(doc, name);
  if (previous === who && currentRoles(readRoles(doc)).has(name)) return;
  const at = stamp(ctx);
  doc.transact(() => {
    appendAssignment(doc, ctx, name, who, at);
    addEntry(doc, { ...ctx, now: () => at }, { kind: 'handoff', text: assignmentText(name, who, previous === who ? '' : previous) });
  }, ctx.origin ?? LOCAL_ORIGIN);
}

/** How a handoff with a briefing starts its timeline entry; a plain role assignment does not. */
export const HANDOFF_ENTRY_PREFIX = 'Handoff: ';

/**
 * Hands `role` to `to` with the briefing they were given: records the handoff, reassigns the
 * role and logs one 'handoff' entry, all in one transaction. Returns the handoff's id.
 */
export function handOff(doc: Y.Doc, ctx: CommandContext, input: { role: string; to: string; briefing: string }): string {
  const name = validate(RoleSchema, input.role, 'role');
  const to = validate(PersonSchema, input.to, 'to');
  const briefing = validate(BriefingSchema, input.briefing, 'briefing');
  requireIncident(doc);
  const from = roleHolder(doc, name);
  if (from === '') throw new CommandError('invalid', `Nobody holds ${name} yet, so there is nothing to hand off. Assign the role instead.`, 'role');
  if (from === to) throw new CommandError('invalid', `${to} already holds ${name}. Pick the person taking over.`, 'to');
  const at = stamp(ctx);
  const id = newId(instantMillis(at));
  doc.transact(() => {
    handoffsMap(doc).set(id, JSON.stringify({ role: name, from, to, at, briefing }));
    appendAssignment(doc, ctx, name, to, at);
    addEntry(doc, { ...ctx, now: () => at }, { kind: 'handoff', text: `${HANDOFF_ENTRY_PREFIX}${assignmentText(name, to, from)}, with a briefing` });
  }, ctx.origin ?? LOCAL_ORIGIN);
  return id;
}
