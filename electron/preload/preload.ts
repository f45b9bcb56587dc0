// The sandboxed preload: exposes the host's URL and token plus named native helpers, exactly the
// DesktopBridge contract in shared/protocol/desktopBridge.ts. ipcRenderer itself is never exposed.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isAppCommandId, type AppCommandId } from '../../shared/protocol/commands';
import type { DesktopAttention, DesktopBridge, SaveFileResult } from '../../shared/protocol/desktopBridge';
import { IPC } from '../../shared/protocol/ipcChannels';

interface HostInfo {
  hostUrl: string;
  token: string;
}

// One synchronous call at load, so the renderer has the token before its first script runs.
const info = ipcRenderer.sendSync(IPC.hostInfo) as HostInfo;

/** Subscribes to one main → window channel with a string payload; returns the unsubscribe. */
function listen<T extends string>(channel: string, accept: (value: unknown) => value is T, listener: (value: T) => void): () => void {
  const handler = (_event: IpcRendererEvent, value: unknown) => {
    if (accept(value)) listener(value);
  };
  ipcRenderer.on(channel, handler);
  return () => ipcRenderer.removeListener(channel, handler);
}

const isString = (value: unknown): value is string => typeof value === 'string';

const api = {
  hostUrl: info.hostUrl,
  token: info.token,
  platform: process.platform,
  saveFile: (name: string, content: string): Promise<SaveFileResult> => ipcRenderer.invoke(IPC.saveFile, { name: String(name), content: String(content) }),
  onCommand: (listener: (command: AppCommandId) => void) => listen(IPC.command, isAppCommandId, listener),
  onJoinLink: (listener: (link: string) => void) => {
    const off = listen(IPC.joinLink, isString, listener);
    // Links that arrived before the window listened (this launch's own argv) come now.
    ipcRenderer.send(IPC.joinLinksReady);
    return off;
  },
  onOpenIncident: (listener: (incidentId: string) => void) => listen(IPC.openIncident, isString, listener),
  reportAttention: (attention: DesktopAttention) => ipcRenderer.send(IPC.attention, attention),
  pickFolder: (title: string): Promise<string | null> => ipcRenderer.invoke(IPC.pickFolder, { title: String(title) }),
} satisfies DesktopBridge;

contextBridge.exposeInMainWorld('warroom', api);
