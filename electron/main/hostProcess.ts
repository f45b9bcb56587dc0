// Starts the host for the desktop app, inside the main process. Its native modules are N-API, so
// the install that runs the CLI and the tests loads here too (`npm run test:electron-node` proves
// it under Electron's Node). There is no second way to start it: when the store cannot be used,
// the caller shows a fatal screen naming the file, the reason and what to do, never a window in
// which every write fails.
import path from 'node:path';
import type { Disposable } from '../../shared/lifecycle/disposable';
import { storeFileAdvice, storeModuleAdvice, type StoreFailure } from '../../shared/protocol/storeFailure';
import type { RunningHost, SettingsBackend, startHost } from '../host/host';

export interface HostHandle {
  url: string;
  token: string;
  /** Shells still running in the host's terminals (the quit confirmation counts them). */
  runningTerminals(): number;
  /** Incidents not yet resolved; the machine stays awake while there is one. */
  activeIncidents(): number;
  /** Heard until disposed. */
  onIncidentsChanged(listener: () => void): Disposable;
  /** Ends the shells (recordings flushed), then closes the store. */
  close(): Promise<void>;
}

export type DesktopHostStart = { ok: true; host: HostHandle } | { ok: false; failure: StoreFailure };

export interface DesktopHostOptions {
  dataDir: string;
  distDir: string;
  settings: SettingsBackend;
  /** Loads the host module; tests pass one that fails as a broken native module would. */
  loadHost?: () => Promise<{ startHost: typeof startHost }>;
}

/** The file a failed native load names: its `.node` binary when the message has one, else the module. */
function failedModuleFile(error: Error): string {
  // Node quotes the path ("The module '/…/x.node' was compiled against…"); install paths have spaces.
  const quoted = /'([^']+\.node)'/.exec(error.message)?.[1];
  return quoted ?? /\S+\.node\b/.exec(error.message)?.[0] ?? '@photostructure/sqlite (the SQLite module)';
}

function handle(host: RunningHost): HostHandle {
  return {
    url: host.url,
    token: host.token,
    runningTerminals: () => host.runningTerminals(),
    activeIncidents: () => host.activeIncidents(),
    onIncidentsChanged: (listener) => host.onIncidentsChanged(listener),
    close: () => host.close(),
  };
}

export async function startDesktopHost(opts: DesktopHostOptions): Promise<DesktopHostStart> {
  let startHostFn: typeof startHost;
  try {
    ({ startHost: startHostFn } = await (opts.loadHost ?? (() => import('../host/host')))());
  } catch (error) {
    const err = error as Error;
    return { ok: false, failure: { file: failedModuleFile(err), reason: `the SQLite module could not be loaded: ${err.message}`, advice: storeModuleAdvice() } };
  }
  const host = await startHostFn({ dataDir: opts.dataDir, port: 0, staticDir: path.join(opts.distDir, 'renderer'), settings: opts.settings });
  const status = host.storeStatus();
  if (status.ok) return { ok: true, host: handle(host) };
  // The store refused the file and wrote nothing to it; a window on it could not save anything.
  await host.close();
  return { ok: false, failure: { file: status.file, reason: status.reason, advice: storeFileAdvice(status.file) } };
}
