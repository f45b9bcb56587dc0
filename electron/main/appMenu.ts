// The application menu, built from the shared command registry (shared/protocol/commands.ts):
// a command item sends its id to the window, which runs the same handler the UI runs.
import { Menu, type MenuItemConstructorOptions } from 'electron';
import { APP_COMMANDS, APP_MENU, type AppCommandId, type MenuEntry } from '../../shared/protocol/commands';

export interface MenuOptions {
  /** DevTools only in development. */
  development: boolean;
  run(command: AppCommandId): void;
}

function menuItem(entry: MenuEntry, opts: MenuOptions): MenuItemConstructorOptions | null {
  if ('separator' in entry) return { type: 'separator' };
  if ('role' in entry) return entry.developmentOnly && !opts.development ? null : { role: entry.role };
  const command = APP_COMMANDS[entry.command];
  return { id: command.id, label: command.label, ...(command.accelerator ? { accelerator: command.accelerator } : {}), click: () => opts.run(command.id) };
}

export function menuTemplate(opts: MenuOptions): MenuItemConstructorOptions[] {
  return APP_MENU.map((section) => ({
    label: section.label,
    submenu: section.entries.map((entry) => menuItem(entry, opts)).filter((item): item is MenuItemConstructorOptions => item !== null),
  }));
}

export function installAppMenu(opts: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(opts)));
}
