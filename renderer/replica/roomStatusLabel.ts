// A joined room's state in words, for the header chip: online, syncing, or offline with the
// number of local changes the room has not confirmed, plus a refusal that stopped the retries.
import type { RoomReplicaStatus } from '../../shared/protocol/api';

export type RoomTone = 'ok' | 'busy' | 'warn' | 'danger';

function changes(n: number): string {
  return `${n} change${n === 1 ? '' : 's'} not confirmed`;
}

/** `hosting`: this host took the room over (hostRoom) and may still sync with the old one. */
export function roomStatusLabel(status: Pick<RoomReplicaStatus, 'state' | 'unconfirmed' | 'problem'> & { hosting?: boolean }): { text: string; tone: RoomTone } {
  const { state, unconfirmed, problem } = status;
  if (status.hosting) return { text: 'Room: hosted here', tone: 'ok' };
  // A refusal means the host stopped retrying (revoked, refused): say so before anything else.
  if (problem && isFinalProblem(problem)) return { text: `Room: disconnected — ${problem}`, tone: 'danger' };
  if (state === 'offline') return unconfirmed > 0 ? { text: `Room: offline — ${changes(unconfirmed)}`, tone: 'danger' } : { text: 'Room: offline', tone: 'warn' };
  if (state === 'syncing') return { text: unconfirmed > 0 ? `Syncing… ${changes(unconfirmed)}` : 'Syncing…', tone: 'busy' };
  return unconfirmed > 0 ? { text: `Room: online — ${changes(unconfirmed)}`, tone: 'busy' } : { text: 'Room: online', tone: 'ok' };
}

/**
 * The host reports both kinds in `problem`: refusals after which it stops retrying (worded "the room
 * …" / "there is no room …" by electron/host/replica/roomReplica.ts) and the last socket error of a
 * room that is merely down (ECONNREFUSED…), which it keeps retrying.
 */
export function isFinalProblem(problem: string): boolean {
  return /^(the room |there is no room)/.test(problem);
}

/** "via 10.0.0.5:7420 as responder", for the chip's details, with a transient error if any. */
export function roomDetail(status: Pick<RoomReplicaStatus, 'remote' | 'role'> & { problem?: string | null }): string {
  const last = status.problem && !isFinalProblem(status.problem) ? ` (last error: ${status.problem})` : '';
  return `via ${status.remote}${status.role ? ` as ${status.role}` : ''}${last}`;
}

/** The desktop's write permission for an incident: read-only when this host joined it as an observer. */
export function canWriteJoined(status: Pick<RoomReplicaStatus, 'role'> | undefined): boolean {
  return status?.role !== 'observer';
}
