// Runs against a FAKE electron module (fakeElectron.ts): the Electron binary cannot run here, so
// IPC events are emitted on the fake ipcMain with a sender frame URL, as Electron documents them.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DesktopAttention } from '../../../shared/protocol/desktopBridge';
import { fakeElectron, resetFakeElectron } from './fakeElectron';
import { IPC } from '../../../shared/protocol/ipcChannels';
import { registerIpc } from '../ipc';
import { JoinLinkInbox } from '../joinLinks';

vi.mock('electron', async () => (await import('./fakeElectron')).fakeElectron);

const HOST = { url: 'http://127.0.0.1:41234', token: 't'.repeat(43) };

function ipcEvent(frameUrl: string) {
  const sent: Array<[string, unknown]> = [];
  return { senderFrame: { url: frameUrl }, sender: { send: (c: string, p: unknown) => sent.push([c, p]), isDestroyed: () => false }, returnValue: undefined as unknown, sent };
}

describe('IPC (fake electron)', () => {
  beforeEach(resetFakeElectron);

  function setUp() {
    const saves: unknown[][] = [];
    const reports: DesktopAttention[] = [];
    const joinLinks = new JoinLinkInbox();
    registerIpc({ host: () => HOST, joinLinks, save: async (...args) => (saves.push(args), { saved: true, path: '/x' }), attention: (r) => reports.push(r), pickFolder: async (_win, title) => `/picked/${title}` });
    return { saves, reports, joinLinks };
  }

  it('gives the host URL and token only to the War Room UI', () => {
    setUp();
    const ours = ipcEvent(`${HOST.url}/#/`);
    fakeElectron.ipcMain.emit(IPC.hostInfo, ours);
    expect(ours.returnValue).toEqual({ hostUrl: HOST.url, token: HOST.token });
    const stranger = ipcEvent('https://evil.example/');
    fakeElectron.ipcMain.emit(IPC.hostInfo, stranger);
    expect(stranger.returnValue).toEqual({ hostUrl: '', token: '' });
  });

  it('refuses a save from elsewhere or with bad arguments, and passes a good one on', async () => {
    const { saves } = setUp();
    const save = fakeElectron.ipcMain.handlers.get(IPC.saveFile)!;
    await expect(save(ipcEvent('https://evil.example/'), { name: 'a.md', content: 'x' })).rejects.toThrow(/not from the War Room UI/);
    await expect(save(ipcEvent(`${HOST.url}/`), { name: 42, content: 'x' })).rejects.toThrow(/bad arguments \(name\)/);
    await expect(save(ipcEvent(`${HOST.url}/`), { name: 'pm.md', content: '# PM' })).resolves.toEqual({ saved: true, path: '/x' });
    expect(saves.map((s) => s.slice(1))).toEqual([['pm.md', '# PM']]);
  });

  it('opens the folder chooser only for the War Room UI, with a checked title', async () => {
    setUp();
    const pick = fakeElectron.ipcMain.handlers.get(IPC.pickFolder)!;
    await expect(pick(ipcEvent('https://evil.example/'), { title: 'x' })).rejects.toThrow(/not from the War Room UI/);
    await expect(pick(ipcEvent(`${HOST.url}/`), { title: 7 })).rejects.toThrow(/bad arguments \(title\)/);
    await expect(pick(ipcEvent(`${HOST.url}/`), { title: 'Status page folder' })).resolves.toBe('/picked/Status page folder');
  });

  it('delivers pending join links once the window is ready, and only to our window', () => {
    const { joinLinks } = setUp();
    joinLinks.receive('warroom://join?host=a');
    const stranger = ipcEvent('https://evil.example/');
    fakeElectron.ipcMain.emit(IPC.joinLinksReady, stranger);
    expect(stranger.sent).toEqual([]);
    const ours = ipcEvent(`${HOST.url}/`);
    fakeElectron.ipcMain.emit(IPC.joinLinksReady, ours);
    expect(ours.sent).toEqual([[IPC.joinLink, 'warroom://join?host=a']]);
  });

  it('takes a valid attention report from our window and drops a malformed one', () => {
    const { reports } = setUp();
    const good = { overdue: 1, reminders: [{ key: 'k', title: 'Revisit decision', body: 'b', incidentId: 'I1' }], unsavedChanges: 0 };
    fakeElectron.ipcMain.emit(IPC.attention, ipcEvent(`${HOST.url}/`), good);
    fakeElectron.ipcMain.emit(IPC.attention, ipcEvent(`${HOST.url}/`), { overdue: -1 });
    fakeElectron.ipcMain.emit(IPC.attention, ipcEvent('https://evil.example/'), good);
    expect(reports).toEqual([good]);
  });
});
