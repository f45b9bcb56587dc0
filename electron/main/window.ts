// The main window, locked down per the Electron security checklist.
import { BrowserWindow, shell } from 'electron';
import path from 'node:path';

const MIN_BOUNDS = { width: 800, height: 500 };

export function isExternalLink(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** `url` is the host's UI, or a static page (the store failure screen) whose window may navigate nowhere. */
export function createMainWindow(opts: { url: string; distDir: string; bounds: { x?: number; y?: number; width: number; height: number } }): BrowserWindow {
  const win = new BrowserWindow({
    ...opts.bounds,
    minWidth: MIN_BOUNDS.width,
    minHeight: MIN_BOUNDS.height,
    title: 'War Room',
    backgroundColor: '#111418',
    show: false,
    webPreferences: {
      preload: path.join(opts.distDir, 'electron', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: true,
    },
  });
  win.once('ready-to-show', () => win.show());

  // A data: URL's origin is "null", which no navigation matches.
  const appOrigin = new URL(opts.url).origin;
  // Never navigate away from the host's UI; links open in the user's browser (http/https only).
  win.webContents.on('will-navigate', (event, url) => {
    if (appOrigin === 'null' || new URL(url).origin !== appOrigin) {
      event.preventDefault();
      if (isExternalLink(url)) void shell.openExternal(url);
    }
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (isExternalLink(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  void win.loadURL(opts.url);
  return win;
}
