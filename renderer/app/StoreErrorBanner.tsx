// App-wide: whenever the host says its store cannot be written, say so plainly,
// naming the file. Typed text stays in its input (the quick-add waits for 'saved').
import { describeStoreError, useSyncState } from '../client/syncState';

export function StoreErrorBanner() {
  const storeError = useSyncState((s) => s.storeError);
  if (!storeError) return null;
  return (
    <div className="banner banner-danger" role="alert">
      {describeStoreError(storeError)}
    </div>
  );
}
