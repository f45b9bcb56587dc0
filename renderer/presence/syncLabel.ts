// The room's sync state in words: online, offline or syncing, and how many local changes the room
// has not confirmed as on its disk yet (see renderer/client/syncState.ts).
import type { SyncState } from '../client/syncState';

export type SyncTone = 'ok' | 'busy' | 'warn' | 'danger';

export function roomSyncLabel(state: Pick<SyncState, 'connection' | 'unsynced'>): { text: string; tone: SyncTone } {
  const { connection, unsynced } = state;
  const pending = unsynced > 0 ? ` — ${unsynced} change${unsynced === 1 ? '' : 's'} unconfirmed` : '';
  if (connection === 'offline') return { text: `Offline${pending}`, tone: unsynced > 0 ? 'danger' : 'warn' };
  if (connection === 'connecting') return { text: `Connecting…${pending}`, tone: 'warn' };
  return unsynced > 0 ? { text: `Syncing${pending}`, tone: 'busy' } : { text: 'Online', tone: 'ok' };
}
