// Electron glue only: lifecycle, the window, IPC for the preload's named helpers.
// Everything else lives in the host (plain Node) and the renderer (browser code).
import { app, BrowserWindow, dialog, ipcMain, session, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IPC } from './ipcChannels';
import { storeFailureUrl } from './fatalScreen';
import { startDesktopHost, type HostHandle } from './hostProcess';
import { createElectronSettings } from './settingsStore';
import { createMainWindow } from './window';

const distDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const WINDOW_BOUNDS_SAVE_DELAY_MS = 500;
let host: HostHandle | null = null;

function fromOurUi(event: IpcMainEvent | IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url;
  return Boolean(host && url && new URL(url).origin === new URL(host.url).origin);
}

function registerIpc() {
  ipcMain.on(IPC.hostInfo, (event) => {
    event.returnValue = fromOurUi(event) && host ? { hostUrl: host.url, token: host.token } : { hostUrl: '', token: '' };
  });
  ipcMain.handle(IPC.saveFile, async (event, raw: unknown) => {
    if (!fromOurUi(event)) throw new Error('refused: not from the War Room UI');
    const { name, content } = raw as { name: string; content: string };
    if (typeof name !== 'string' || typeof content !== 'string') throw new Error('refused: bad arguments');
    const win = BrowserWindow.fromWebContents(event.sender);
    const options = { defaultPath: path.basename(name) };
    const choice = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return { saved: false };
    await writeFile(choice.filePath, content, 'utf8');
    return { saved: true, path: choice.filePath };
  });
}

// Tests and side-by-side installs point the app at another data dir.
if (process.env.WARROOM_USER_DATA) app.setPath('userData', process.env.WARROOM_USER_DATA);

async function main() {
  if (!app.requestSingleInstanceLock()) return app.quit();
  await app.whenReady();
  // The UI needs no device permissions; only desktop notifications (decision revisits) are allowed.
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) => callback(permission === 'notifications'));
  const settings = createElectronSettings();
  const started = await startDesktopHost({ dataDir: app.getPath('userData'), distDir, settings });
  host = started.ok ? started.host : null;
  registerIpc();

  const url = started.ok ? `${started.host.url}/` : storeFailureUrl(started.failure);
  if (!started.ok) console.error(`War Room: store unusable: ${started.failure.reason} (${started.failure.file})`);
  const win = createMainWindow({ url, distDir, bounds: settings.get().windowBounds });
  let saveTimer: NodeJS.Timeout | undefined;
  const saveBounds = () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => settings.set({ windowBounds: win.getBounds() }), WINDOW_BOUNDS_SAVE_DELAY_MS);
  };
  win.on('resize', saveBounds);
  win.on('move', saveBounds);
  app.on('second-instance', () => {
    if (win.isMinimized()) win.restore();
    win.focus();
  });
}

app.on('window-all-closed', () => app.quit());
app.on('will-quit', (event) => {
  if (!host) return;
  event.preventDefault();
  const closing = host;
  host = null;
  void closing.close().finally(() => app.quit());
});
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

main().catch((error: unknown) => {
  dialog.showErrorBox('War Room could not start', String((error as Error)?.stack ?? error));
  app.quit();
});
