// Runs against a FAKE electron module (fakeElectron.ts): the Electron binary cannot run here, so
// the "user's choice" in the Save dialog is the fake's answer; the file written is real.
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeElectron, resetFakeElectron } from './fakeElectron';
import { pickFolderWithDialog, saveWithDialog } from '../saveDialog';

vi.mock('electron', async () => (await import('./fakeElectron')).fakeElectron);

describe('save dialogs (fake electron)', () => {
  beforeEach(resetFakeElectron);

  it('offers the file name in Documents with a filter for its kind, and writes where the user chose', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'warroom-save-'));
    const target = path.join(dir, 'postmortem.md');
    fakeElectron.dialog.saveResult = { canceled: false, filePath: target };
    const result = await saveWithDialog(null, '../../etc/db-outage-postmortem.md', '# Postmortem\n');
    expect(result).toEqual({ saved: true, path: target });
    expect(readFileSync(target, 'utf8')).toBe('# Postmortem\n');
    const [options] = fakeElectron.dialog.saveCalls[0] as [{ defaultPath: string; filters: Array<{ extensions: string[] }> }];
    // Only the base name is offered: a name from the window never picks the folder.
    expect(options.defaultPath).toBe(path.join('/home/ana/Documents', 'db-outage-postmortem.md'));
    expect(options.filters[0]?.extensions).toEqual(['md']);
  });

  it('answers the folder the user picked, or null when cancelled', async () => {
    fakeElectron.dialog.openResult = { canceled: false, filePaths: ['/home/ana/site'] };
    expect(await pickFolderWithDialog(null, 'Status page folder')).toBe('/home/ana/site');
    const [options] = fakeElectron.dialog.openCalls[0] as [{ title: string; properties: string[] }];
    expect(options).toMatchObject({ title: 'Status page folder', properties: ['openDirectory', 'createDirectory'] });
    fakeElectron.dialog.openResult = { canceled: true, filePaths: [] };
    expect(await pickFolderWithDialog(null, 'Status page folder')).toBeNull();
  });

  it('writes nothing when the user cancels', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'warroom-save-'));
    fakeElectron.dialog.saveResult = { canceled: true, filePath: path.join(dir, 'x.cast') };
    expect(await saveWithDialog(null, 'terminal.cast', 'data')).toEqual({ saved: false });
    expect(readdirSync(dir)).toEqual([]);
  });
});
