// Launches the real desktop app. Where no Electron binary is installed (it cannot be
// downloaded on our CI machines) the test reports itself skipped; it is never faked.
import { test, expect } from '@playwright/test';
import { launchDesktopApp, skipWithoutElectron } from '../support/electronApp';

const FILE = 'e2e/electron/security.spec.ts';

test.describe('desktop app', () => {
  skipWithoutElectron(test, FILE);

  test('the window is isolated, sandboxed and has no Node integration', async () => {
    const desktop = await launchDesktopApp();
    const app = desktop.app;
    try {
      const window = await app.firstWindow();
      const prefs = await app.evaluate(({ BrowserWindow }) => {
        // Not in Electron's typings, but public at runtime: the preferences the page was created with.
        const wc = BrowserWindow.getAllWindows()[0]!.webContents as unknown as {
          getLastWebPreferences(): { contextIsolation?: boolean; sandbox?: boolean; nodeIntegration?: boolean } | null;
        };
        return wc.getLastWebPreferences();
      });
      expect(prefs?.contextIsolation).toBe(true);
      expect(prefs?.sandbox).toBe(true);
      expect(prefs?.nodeIntegration).toBe(false);
      // The page sees the preload's bridge but no Node.
      expect(await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
      expect(await window.evaluate(() => typeof (window as unknown as { warroom?: { token?: string } }).warroom?.token)).toBe('string');
    } finally {
      await desktop.close();
    }
  });
});
