// The native Save dialog behind the preload's saveFile helper: for the postmortem (.md), the
// archive (.json) and terminal recordings (.cast). Only the file the user picked is written.
import { app, dialog, type BrowserWindow, type FileFilter } from 'electron';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SaveFileResult } from '../../shared/protocol/desktopBridge';

const FILTERS: Record<string, FileFilter> = {
  md: { name: 'Markdown postmortem', extensions: ['md'] },
  json: { name: 'War Room archive', extensions: ['json'] },
  cast: { name: 'Terminal recording (asciicast)', extensions: ['cast'] },
};

export async function saveWithDialog(win: BrowserWindow | null, name: string, content: string): Promise<SaveFileResult> {
  const fileName = path.basename(name);
  const filter = FILTERS[path.extname(fileName).slice(1).toLowerCase()];
  const options = {
    defaultPath: path.join(app.getPath('documents'), fileName),
    filters: filter ? [filter, { name: 'All files', extensions: ['*'] }] : [],
  };
  const choice = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return { saved: false };
  await writeFile(choice.filePath, content, 'utf8');
  return { saved: true, path: choice.filePath };
}

/** The native folder chooser: the folder picked, or null. Nothing is written here. */
export async function pickFolderWithDialog(win: BrowserWindow | null, title: string): Promise<string | null> {
  const options = { title, defaultPath: app.getPath('documents'), properties: ['openDirectory' as const, 'createDirectory' as const] };
  const choice = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return choice.canceled ? null : (choice.filePaths[0] ?? null);
}
