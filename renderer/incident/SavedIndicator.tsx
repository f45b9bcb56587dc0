import { useSyncState } from '../client/syncState';
import { savedLabel } from './savedLabel';

export function SavedIndicator() {
  const label = useSyncState((s) => savedLabel(s).text);
  const tone = useSyncState((s) => savedLabel(s).tone);
  return (
    <span className={`saved-indicator tone-${tone}`} role="status" aria-live="polite" aria-label={`Save status: ${label}`}>
      {label}
    </span>
  );
}
