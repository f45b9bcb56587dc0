// IPC for the preload's named helpers. Every message is checked to come from the War Room UI
// (the host's origin, in a frame of ours) and its arguments are validated before use.
import { BrowserWindow, ipcMain, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { DesktopAttentionSchema, type DesktopAttention, type SaveFileResult } from '../../shared/protocol/desktopBridge';
import { IPC } from '../../shared/protocol/ipcChannels';
import type { JoinLinkInbox } from './joinLinks';

/** A save larger than this is not an export of ours (a 100k-entry archive is well below it). */
const MAX_SAVE_CHARS = 512 * 1024 * 1024;
const SaveFileArgs = z.object({ name: z.string().min(1).max(255), content: z.string().max(MAX_SAVE_CHARS) });
const PickFolderArgs = z.object({ title: z.string().max(200) });

export interface IpcOptions {
  /** The host's URL and token, or null while there is no usable host (the failure screen). */
  host(): { url: string; token: string } | null;
  joinLinks: JoinLinkInbox;
  save(win: BrowserWindow | null, name: string, content: string): Promise<SaveFileResult>;
  attention(report: DesktopAttention): void;
  pickFolder(win: BrowserWindow | null, title: string): Promise<string | null>;
}

export function isFromOurUi(event: IpcMainEvent | IpcMainInvokeEvent, hostUrl: string | undefined): boolean {
  const url = event.senderFrame?.url;
  if (!hostUrl || !url) return false;
  try {
    return new URL(url).origin === new URL(hostUrl).origin;
  } catch {
    return false;
  }
}

export function registerIpc(opts: IpcOptions): void {
  const ours = (event: IpcMainEvent | IpcMainInvokeEvent) => isFromOurUi(event, opts.host()?.url);
  ipcMain.on(IPC.hostInfo, (event) => {
    const host = opts.host();
    event.returnValue = ours(event) && host ? { hostUrl: host.url, token: host.token } : { hostUrl: '', token: '' };
  });
  ipcMain.handle(IPC.saveFile, async (event, raw: unknown) => {
    if (!ours(event)) throw new Error('refused: not from the War Room UI');
    const args = SaveFileArgs.safeParse(raw);
    if (!args.success) throw new Error(`refused: bad arguments (${args.error.issues[0]?.path.join('.') ?? 'request'})`);
    return opts.save(BrowserWindow.fromWebContents(event.sender), args.data.name, args.data.content);
  });
  ipcMain.handle(IPC.pickFolder, async (event, raw: unknown) => {
    if (!ours(event)) throw new Error('refused: not from the War Room UI');
    const args = PickFolderArgs.safeParse(raw);
    if (!args.success) throw new Error(`refused: bad arguments (${args.error.issues[0]?.path.join('.') ?? 'request'})`);
    return opts.pickFolder(BrowserWindow.fromWebContents(event.sender), args.data.title);
  });
  ipcMain.on(IPC.joinLinksReady, (event) => {
    if (!ours(event)) return;
    const sender = event.sender;
    opts.joinLinks.attach((link) => {
      if (!sender.isDestroyed()) sender.send(IPC.joinLink, link);
    });
  });
  ipcMain.on(IPC.attention, (event, raw: unknown) => {
    if (!ours(event)) return;
    const report = DesktopAttentionSchema.safeParse(raw);
    if (report.success) opts.attention(report.data);
  });
}
