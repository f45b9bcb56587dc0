// The one command registry: the desktop menu is built from it, and the UI runs the same ids
// (renderer/app/appCommands.ts). A menu click sends the id to the window; the window runs it
// with the handler the screen that owns the command registered.

export type AppCommandId =
  | 'incident.new'
  | 'room.join'
  | 'archive.import'
  | 'postmortem.export'
  | 'archive.save'
  | 'timeline.quickAdd'
  | 'view.toggleUtc'
  | 'view.toggleTheme'
  | 'help.readme';

export interface AppCommand {
  id: AppCommandId;
  label: string;
  /** Electron accelerator syntax; CmdOrCtrl is Cmd on macOS, Ctrl elsewhere. */
  accelerator?: string;
  /** 'home': the command needs the Home screen, which opens first. 'incident': only with an incident open. */
  screen?: 'home' | 'incident';
  /** Run by the main process (it needs the OS), not by the window. */
  native?: boolean;
}

export const APP_COMMANDS: Record<AppCommandId, AppCommand> = {
  'incident.new': { id: 'incident.new', label: 'New incident', accelerator: 'CmdOrCtrl+N', screen: 'home' },
  'room.join': { id: 'room.join', label: 'Join a room…', accelerator: 'CmdOrCtrl+J', screen: 'home' },
  'archive.import': { id: 'archive.import', label: 'Import archive…', accelerator: 'CmdOrCtrl+O', screen: 'home' },
  'postmortem.export': { id: 'postmortem.export', label: 'Export postmortem…', accelerator: 'CmdOrCtrl+E', screen: 'incident' },
  'archive.save': { id: 'archive.save', label: 'Save archive…', accelerator: 'CmdOrCtrl+S', screen: 'incident' },
  'timeline.quickAdd': { id: 'timeline.quickAdd', label: 'Quick add', accelerator: 'CmdOrCtrl+L', screen: 'incident' },
  'view.toggleUtc': { id: 'view.toggleUtc', label: 'Toggle UTC', accelerator: 'CmdOrCtrl+U', screen: 'incident' },
  'view.toggleTheme': { id: 'view.toggleTheme', label: 'Toggle theme', accelerator: 'CmdOrCtrl+Shift+L' },
  'help.readme': { id: 'help.readme', label: 'War Room Help', native: true },
};

export function isAppCommandId(value: unknown): value is AppCommandId {
  return typeof value === 'string' && Object.hasOwn(APP_COMMANDS, value);
}

/** Menu roles the OS implements (zoom, reload, DevTools…): named here so the whole menu has one source. */
export type MenuRole = 'about' | 'quit' | 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'selectAll' | 'zoomIn' | 'zoomOut' | 'resetZoom' | 'reload' | 'toggleDevTools' | 'togglefullscreen';

export type MenuEntry = { command: AppCommandId } | { role: MenuRole; developmentOnly?: boolean } | { separator: true };

export interface MenuSection {
  label: string;
  entries: MenuEntry[];
}

export const APP_MENU: MenuSection[] = [
  {
    label: 'File',
    entries: [
      { command: 'incident.new' },
      { command: 'room.join' },
      { separator: true },
      { command: 'archive.import' },
      { command: 'postmortem.export' },
      { command: 'archive.save' },
      { separator: true },
      { role: 'quit' },
    ],
  },
  {
    label: 'Edit',
    entries: [
      { role: 'undo' },
      { role: 'redo' },
      { separator: true },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      { separator: true },
      { command: 'timeline.quickAdd' },
    ],
  },
  {
    label: 'View',
    entries: [
      { command: 'view.toggleUtc' },
      { command: 'view.toggleTheme' },
      { separator: true },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { role: 'resetZoom' },
      { separator: true },
      { role: 'togglefullscreen' },
      { role: 'reload' },
      { role: 'toggleDevTools', developmentOnly: true },
    ],
  },
  { label: 'Help', entries: [{ command: 'help.readme' }, { role: 'about' }] },
];
