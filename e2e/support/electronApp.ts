// Launches the real desktop app on a temporary userData, for the `electron` project. Where no
// Electron binary is installed, specs skip themselves with that reason; nothing is faked.
import { _electron as electron, type ElectronApplication } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { installedElectronBinary } from './electronBinary';

export const ELECTRON_BINARY = installedElectronBinary();
export const NO_BINARY_REASON = 'No Electron binary is installed on this machine (it cannot be downloaded here)';

/** Skips the calling describe block with the reason, and says it in the run's output too (the list reporter shows no skip reasons). */
export function skipWithoutElectron(test: { skip(condition: boolean, reason: string): void; info?: unknown }, where: string): void {
  // Printed when Playwright collects the tests (its runner process, not a worker).
  if (!ELECTRON_BINARY && process.env.TEST_WORKER_INDEX === undefined) console.log(`skipped ${where}: ${NO_BINARY_REASON}`);
  test.skip(!ELECTRON_BINARY, NO_BINARY_REASON);
}

export interface LaunchedApp {
  app: ElectronApplication;
  userData: string;
  close(): Promise<void>;
}

/** `args` follow the app path, as the OS passes a warroom:// link on Windows and Linux. */
export async function launchDesktopApp(args: string[] = []): Promise<LaunchedApp> {
  const userData = mkdtempSync(path.join(os.tmpdir(), 'warroom-electron-'));
  const app = await electron.launch({
    executablePath: ELECTRON_BINARY!,
    args: [path.resolve('.'), ...args],
    env: { ...process.env, WARROOM_USER_DATA: userData },
  });
  return {
    app,
    userData,
    async close() {
      await app.close();
      rmSync(userData, { recursive: true, force: true });
    },
  };
}
