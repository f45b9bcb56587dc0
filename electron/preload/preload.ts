// The sandboxed preload: exposes the host's URL and token plus named native helpers.
// ipcRenderer itself is never exposed.
import { contextBridge, ipcRenderer } from 'electron';
import { IPC } from '../main/ipcChannels';

interface HostInfo {
  hostUrl: string;
  token: string;
}

// One synchronous call at load, so the renderer has the token before its first script runs.
const info = ipcRenderer.sendSync(IPC.hostInfo) as HostInfo;

const api = {
  hostUrl: info.hostUrl,
  token: info.token,
  platform: process.platform,
  saveFile: (name: string, content: string): Promise<{ saved: boolean; path?: string }> =>
    ipcRenderer.invoke(IPC.saveFile, { name: String(name), content: String(content) }),
};

export type DesktopBridge = typeof api;
contextBridge.exposeInMainWorld('warroom', api);
