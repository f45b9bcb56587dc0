import { useSyncState } from '../client/syncState';
import { roomSyncLabel } from './syncLabel';
import './presence.css';

/** The room's sync state: online, offline or syncing, with the count of unconfirmed changes. */
export function SyncIndicator() {
  const connection = useSyncState((s) => s.connection);
  const unsynced = useSyncState((s) => s.unsynced);
  const { text, tone } = roomSyncLabel({ connection, unsynced });
  return (
    <span className={`sync-indicator tone-${tone}`} role="status" aria-live="polite" aria-label={`Sync state: ${text}`}>
      {text}
    </span>
  );
}
