// A FAKE `electron` module for the main-process unit tests. The Electron binary cannot run on
// our CI machines, so these tests check only that each module calls Electron's API as its
// documentation says (events, arguments, return values), never that Electron then behaves so.
// Every test file that uses it says so, and `vi.mock('electron', …)` puts it in place.
import { EventEmitter } from 'node:events';

export class FakeWindow extends EventEmitter {
  static all: FakeWindow[] = [];
  minimized = false;
  visible = true;
  focused = false;
  maximized = false;
  destroyed = false;
  normalBounds = { x: 10, y: 20, width: 1200, height: 800 };
  readonly sent: Array<[string, unknown]> = [];
  readonly webContents = { send: (channel: string, payload: unknown) => this.sent.push([channel, payload]), isDestroyed: () => this.destroyed };

  constructor(readonly options: Record<string, unknown> = {}) {
    super();
    FakeWindow.all.push(this);
  }
  static getAllWindows(): FakeWindow[] {
    return FakeWindow.all;
  }
  static fromWebContents(): FakeWindow | null {
    return FakeWindow.all[0] ?? null;
  }
  isMinimized() {
    return this.minimized;
  }
  restore() {
    this.minimized = false;
  }
  show() {
    this.visible = true;
  }
  focus() {
    this.focused = true;
  }
  isMaximized() {
    return this.maximized;
  }
  isDestroyed() {
    return this.destroyed;
  }
  getNormalBounds() {
    return this.normalBounds;
  }
}

export class FakeNotification extends EventEmitter {
  static shown: FakeNotification[] = [];
  static supported = true;
  constructor(readonly options: { title: string; body: string }) {
    super();
  }
  static isSupported() {
    return FakeNotification.supported;
  }
  show() {
    FakeNotification.shown.push(this);
  }
}

class FakeApp extends EventEmitter {
  singleInstanceLock = true;
  badgeCount = 0;
  quitCalls = 0;
  protocolClients: unknown[][] = [];
  paths: Record<string, string> = { documents: '/home/ana/Documents', userData: '/home/ana/.config/War Room' };
  requestSingleInstanceLock() {
    return this.singleInstanceLock;
  }
  setAsDefaultProtocolClient(...args: unknown[]) {
    this.protocolClients.push(args);
    return true;
  }
  setBadgeCount(count: number) {
    this.badgeCount = count;
    return true;
  }
  getPath(name: string) {
    return this.paths[name] ?? `/fake/${name}`;
  }
  quit() {
    this.quitCalls += 1;
  }
}

/** Emits an app/window event with a preventable event object; returns whether it was prevented. */
export function emitPreventable(target: EventEmitter, name: string, ...args: unknown[]): boolean {
  let prevented = false;
  target.emit(name, { preventDefault: () => (prevented = true) }, ...args);
  return prevented;
}

export const fakeElectron = {
  app: new FakeApp(),
  BrowserWindow: FakeWindow,
  Notification: FakeNotification,
  Menu: {
    applied: null as unknown,
    buildFromTemplate: (template: unknown) => ({ template }),
    setApplicationMenu(menu: unknown) {
      fakeElectron.Menu.applied = menu;
    },
  },
  powerSaveBlocker: {
    started: new Map<number, string>(),
    nextId: 1,
    start(type: string) {
      const id = fakeElectron.powerSaveBlocker.nextId++;
      fakeElectron.powerSaveBlocker.started.set(id, type);
      return id;
    },
    stop(id: number) {
      fakeElectron.powerSaveBlocker.started.delete(id);
    },
  },
  screen: {
    displays: [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
    getAllDisplays: () => fakeElectron.screen.displays,
    getPrimaryDisplay: () => fakeElectron.screen.displays[0]!,
  },
  dialog: {
    saveResult: { canceled: true, filePath: undefined as string | undefined },
    messageBoxResponse: 1,
    saveCalls: [] as unknown[][],
    messageBoxCalls: [] as unknown[][],
    async showSaveDialog(...args: unknown[]) {
      fakeElectron.dialog.saveCalls.push(args);
      return fakeElectron.dialog.saveResult;
    },
    openResult: { canceled: true, filePaths: [] as string[] },
    openCalls: [] as unknown[][],
    async showOpenDialog(...args: unknown[]) {
      fakeElectron.dialog.openCalls.push(args);
      return fakeElectron.dialog.openResult;
    },
    async showMessageBox(...args: unknown[]) {
      fakeElectron.dialog.messageBoxCalls.push(args);
      return { response: fakeElectron.dialog.messageBoxResponse, checkboxChecked: false };
    },
  },
  ipcMain: Object.assign(new EventEmitter(), {
    handlers: new Map<string, (...args: unknown[]) => unknown>(),
    handle(channel: string, handler: (...args: unknown[]) => unknown) {
      fakeElectron.ipcMain.handlers.set(channel, handler);
    },
  }),
};

/** A fresh fake for each test. */
export function resetFakeElectron(): void {
  fakeElectron.app.removeAllListeners();
  Object.assign(fakeElectron.app, { singleInstanceLock: true, badgeCount: 0, quitCalls: 0, protocolClients: [] });
  FakeWindow.all = [];
  FakeNotification.shown = [];
  FakeNotification.supported = true;
  fakeElectron.Menu.applied = null;
  fakeElectron.powerSaveBlocker.started.clear();
  fakeElectron.dialog.saveResult = { canceled: true, filePath: undefined };
  fakeElectron.dialog.messageBoxResponse = 1;
  fakeElectron.dialog.saveCalls = [];
  fakeElectron.dialog.openResult = { canceled: true, filePaths: [] };
  fakeElectron.dialog.openCalls = [];
  fakeElectron.dialog.messageBoxCalls = [];
  fakeElectron.ipcMain.removeAllListeners();
  fakeElectron.ipcMain.handlers.clear();
  fakeElectron.screen.displays = [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }];
}
