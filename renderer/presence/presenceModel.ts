// Who is in the room, as the header's presence strip shows it, computed from plain values (the
// awareness states, the role assignments) so it is tested without a DOM or a socket.
// Awareness states are other people's input: each is validated, and one that does not carry a
// `user` (a client that has not been welcomed yet, or a stranger's junk) is left out.
import { z } from 'zod';
import { currentRoles } from '../../shared/model/roleRecords';
import type { RoleAssignment } from '../../shared/model/coordinationTypes';
import { RoomRoleSchema, type RoomRole } from '../../shared/protocol/room';
import { isIncidentViewId, VIEW_LABELS } from '../incident/incidentViews';

/** What this app puts in its awareness state. `user` is exactly what the host stamps and checks. */
export interface PresenceState {
  user: { name: string; roomRole: RoomRole };
  /** The incident tab this person is looking at. */
  view?: string;
  /** True while their quick-add box has text. */
  typing?: boolean;
}

const PresenceStateSchema = z.object({
  user: z.object({ name: z.string().trim().min(1).max(100), roomRole: RoomRoleSchema }),
  view: z.string().optional().catch(undefined),
  typing: z.boolean().optional().catch(undefined),
});

export interface PresenceRow {
  clientId: number;
  name: string;
  initials: string;
  roomRole: RoomRole;
  /** The incident roles this person currently holds (by name), e.g. ["commander"]. */
  incidentRoles: string[];
  /** The tab they are on, as its label; null when unknown. */
  view: string | null;
  typing: boolean;
  self: boolean;
}

const COMMANDER_ROLE = 'commander';

/** A name's first letter or digit, skipping brackets and punctuation. */
const FIRST_LETTER = /[\p{L}\p{N}]/u;
/** A bracketed tag after a name, such as "(IC)" or "[oncall]": it says a role, not who. */
const BRACKETED = /[([{][^)\]}]*[)\]}]/gu;

/** "Priya Raman" → "PR", "bo" → "B", "Jean-Luc Picard" → "JP", "Alice (IC)" → "A": at most two letters. */
export function initialsOf(name: string): string {
  const firstLetters = (text: string) => text.split(/\s+/).flatMap((word) => word.match(FIRST_LETTER) ?? []);
  const letters = firstLetters(name.replace(BRACKETED, ' '));
  // A name that is all tag ("(IC)") still gets a letter rather than an empty chip.
  const chosen = letters.length > 1 ? [letters[0]!, letters[letters.length - 1]!] : letters.length === 1 ? letters : firstLetters(name).slice(0, 1);
  return chosen.join('').toUpperCase();
}

function samePerson(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Rows for the strip: this page first, then everyone else by name (then client id, so it is stable). */
export function presenceRows(
  states: ReadonlyMap<number, unknown>,
  selfClientId: number,
  roles: RoleAssignment[],
  incidentCommander = '',
): PresenceRow[] {
  const holders = currentRoles(roles);
  if (!holders.has(COMMANDER_ROLE) && incidentCommander) holders.set(COMMANDER_ROLE, incidentCommander);
  const rows: PresenceRow[] = [];
  for (const [clientId, raw] of states) {
    const parsed = PresenceStateSchema.safeParse(raw);
    if (!parsed.success) continue;
    const { user, view, typing } = parsed.data;
    const incidentRoles = [...holders].filter(([, person]) => samePerson(person, user.name)).map(([role]) => role);
    rows.push({
      clientId,
      name: user.name,
      initials: initialsOf(user.name),
      roomRole: user.roomRole,
      incidentRoles,
      view: isIncidentViewId(view) ? VIEW_LABELS[view] : null,
      typing: typing === true,
      self: clientId === selfClientId,
    });
  }
  return rows.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name) || a.clientId - b.clientId);
}

/** One line a screen reader reads for a row, e.g. "Priya Raman (you), responder, commander, on Timeline, typing". */
export function describePresence(row: PresenceRow): string {
  const parts = [`${row.name}${row.self ? ' (you)' : ''}`, row.roomRole, ...row.incidentRoles];
  if (row.view) parts.push(`on ${row.view}`);
  if (row.typing) parts.push('typing');
  return parts.join(', ');
}
