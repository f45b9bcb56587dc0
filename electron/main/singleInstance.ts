// One War Room per user: a second launch (a click on a warroom:// link, or the app started again)
// brings the running window forward and hands over its command line, then exits.
import { app, BrowserWindow } from 'electron';

export function focusMainWindow(): BrowserWindow | null {
  const win = BrowserWindow.getAllWindows()[0] ?? null;
  if (!win) return null;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
  return win;
}

/** False when another instance holds the lock: this one should quit at once. */
export function claimSingleInstance(onSecondLaunch: (argv: string[]) => void): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', (_event, argv) => {
    focusMainWindow();
    onSecondLaunch(argv);
  });
  return true;
}
