// How a store that cannot be used is told to the user: the same words in the web UI's banner and
// in the desktop window's fatal screen. Each names the file, says why, and says what to do.

export interface StoreProblem {
  file: string;
  reason: string;
}

/** A store the app cannot run on: which file, why, and what the user can do about it. */
export interface StoreFailure extends StoreProblem {
  advice: string;
}

export function describeStoreError(error: StoreProblem): string {
  return `Can't save: ${error.reason} (${error.file})`;
}

/** The database file exists but failed its checks (not ours, corrupt, unreadable). It was never written to. */
export function storeFileAdvice(file: string): string {
  return (
    `War Room never writes to a database it could not verify, so ${file} is exactly as it was. ` +
    'Quit, move that file aside (or restore it from a backup), and start War Room again: it then creates a new, empty store. ' +
    'Keep the old file: the incidents in it may still be recovered from it.'
  );
}

/** The SQLite module itself did not load: the installation, not the user's data, is broken. */
export function storeModuleAdvice(): string {
  return (
    'Your incident data has not been touched. This installation of War Room is damaged: reinstall it ' +
    '(in a source checkout, run `npm ci`), then start War Room again.'
  );
}
