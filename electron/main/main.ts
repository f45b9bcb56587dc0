// Electron glue only: the app's lifecycle, wiring the small modules beside this file together.
// Everything else lives in the host (plain Node) and the renderer (browser code).
import { app, dialog, session, shell } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_COMMANDS, type AppCommandId } from '../../shared/protocol/commands';
import { installAppMenu } from './appMenu';
import { AttentionNotifier, KeepAwake } from './attention';
import { storeFailureUrl } from './fatalScreen';
import { startDesktopHost, type HostHandle } from './hostProcess';
import { IPC } from '../../shared/protocol/ipcChannels';
import { registerIpc } from './ipc';
import { JoinLinkInbox, joinLinkFromArgv, registerJoinLinks } from './joinLinks';
import { lockDownPermissions } from './permissions';
import { QuitGuard } from './quitGuard';
import { pickFolderWithDialog, saveWithDialog } from './saveDialog';
import { createElectronSettings, createWindowStateStore } from './settingsStore';
import { claimSingleInstance, focusMainWindow } from './singleInstance';
import { createMainWindow } from './window';
import { initialWindowState, persistWindowState } from './windowState';

const distDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

// Tests and side-by-side installs point the app at another data dir.
if (process.env.WARROOM_USER_DATA) app.setPath('userData', process.env.WARROOM_USER_DATA);

let host: HostHandle | null = null;
const joinLinks = new JoinLinkInbox();
const keepAwake = new KeepAwake();

function sendToWindow(channel: string, payload: unknown): void {
  const win = focusMainWindow();
  if (win && !win.webContents.isDestroyed()) win.webContents.send(channel, payload);
}

const attention = new AttentionNotifier((incidentId) => sendToWindow(IPC.openIncident, incidentId));
const quitGuard = new QuitGuard({
  runningTerminals: () => host?.runningTerminals() ?? 0,
  unsavedChanges: () => attention.unsavedChanges,
  close: async () => {
    keepAwake.release();
    const closing = host;
    host = null;
    await closing?.close();
  },
  log: (line) => console.error(line),
});

/** The README ships unpacked beside the archive (electron-builder.yml), so the OS can open it. */
function readmePath(): string {
  return path.join(app.getAppPath().replace(/app\.asar$/, 'app.asar.unpacked'), 'README.md');
}

/** Commands marked native in the registry run here; the rest run in the window, as the UI runs them. */
function runMenuCommand(command: AppCommandId): void {
  if (!APP_COMMANDS[command].native) return sendToWindow(IPC.command, command);
  if (command === 'help.readme') void shell.openPath(readmePath());
}

async function main() {
  if (!claimSingleInstance((argv) => {
    const link = joinLinkFromArgv(argv);
    if (link) joinLinks.receive(link);
  })) {
    app.quit();
    return;
  }
  registerJoinLinks(joinLinks, process.argv, () => focusMainWindow());
  quitGuard.install();
  await app.whenReady();
  lockDownPermissions(session.defaultSession, () => (host ? new URL(host.url).origin : null));
  installAppMenu({ development: !app.isPackaged, run: runMenuCommand });

  const settings = createElectronSettings();
  const started = await startDesktopHost({ dataDir: app.getPath('userData'), distDir, settings });
  host = started.ok ? started.host : null;
  if (started.ok) {
    const followIncidents = () => keepAwake.set(started.host.activeIncidents() > 0);
    followIncidents();
    started.host.onIncidentsChanged(followIncidents);
  }
  registerIpc({
    host: () => host,
    joinLinks,
    save: saveWithDialog,
    pickFolder: pickFolderWithDialog,
    attention: (report) => attention.update(report),
  });
  if (!started.ok) console.error(`War Room: store unusable: ${started.failure.reason} (${started.failure.file})`);

  const windowState = createWindowStateStore();
  const initial = initialWindowState(windowState.get());
  const win = createMainWindow({ url: started.ok ? `${started.host.url}/` : storeFailureUrl(started.failure), distDir, bounds: initial.bounds });
  if (initial.maximized) win.maximize();
  persistWindowState(win, (state) => windowState.set(state));
  quitGuard.guardWindow(win);
}

app.on('window-all-closed', () => app.quit());
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

main().catch((error: unknown) => {
  dialog.showErrorBox('War Room could not start', String((error as Error)?.stack ?? error));
  app.quit();
});
