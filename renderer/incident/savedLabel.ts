// What the header's save indicator says. "Saved" is a promise that the change is on
// disk, so it is shown only when the host has acknowledged everything.
import type { SyncState } from '../client/syncState';

export type SavedTone = 'ok' | 'busy' | 'warn' | 'danger';

export function savedLabel(state: SyncState): { text: string; tone: SavedTone } {
  const { connection, unsynced, storeError } = state;
  const changes = (n: number) => `${n} change${n === 1 ? '' : 's'}`;
  if (storeError) return { text: `Not saved: ${storeError.reason}`, tone: 'danger' };
  if (connection === 'offline') {
    return unsynced > 0 ? { text: `Offline — ${changes(unsynced)} not saved`, tone: 'danger' } : { text: 'Offline', tone: 'warn' };
  }
  if (connection === 'connecting') {
    return { text: unsynced > 0 ? `Connecting… (${changes(unsynced)} not saved)` : 'Connecting…', tone: 'warn' };
  }
  return unsynced > 0 ? { text: `Saving… (${unsynced})`, tone: 'busy' } : { text: 'Saved', tone: 'ok' };
}
