// A full disk on demand, for tests only: the host opens its store through `open`, and
// `fill(true)` stops the database file growing (SQLITE_FULL on the next page), `fill(false)`
// frees the space again. Kept out of the host's API and the production bundle.
import { IncidentStore, type StoreOptions } from '../store';

export interface DiskFullSwitch {
  /** Pass as HostOptions.openStore. */
  open(dataDir: string, opts: StoreOptions): IncidentStore;
  fill(full: boolean): void;
}

export function diskFullSwitch(): DiskFullSwitch {
  let store: IncidentStore | null = null;
  return {
    open(dataDir, opts) {
      store = IncidentStore.open(dataDir, opts);
      return store;
    },
    fill(full) {
      if (!store) throw new Error('the host has not opened its store yet');
      store.limitToCurrentSize(full);
    },
  };
}
