// Runs against a FAKE electron module (fakeElectron.ts): the Electron binary cannot run here, so
// this checks the template handed to Menu, not the native menu Electron draws from it.
import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_COMMANDS, type AppCommandId } from '../../../shared/protocol/commands';
import { fakeElectron, resetFakeElectron } from './fakeElectron';
import { installAppMenu, menuTemplate } from '../appMenu';

vi.mock('electron', async () => (await import('./fakeElectron')).fakeElectron);

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((section) => section.submenu as MenuItemConstructorOptions[]);
}

describe('application menu (fake electron)', () => {
  beforeEach(resetFakeElectron);

  it('has every registry command with its label and accelerator, and each click runs that command', () => {
    const ran: AppCommandId[] = [];
    const all = items(menuTemplate({ development: false, run: (id) => ran.push(id) }));
    for (const command of Object.values(APP_COMMANDS)) {
      const item = all.find((i) => i.id === command.id);
      expect(item, command.id).toBeDefined();
      expect(item!.label).toBe(command.label);
      expect(item!.accelerator).toBe(command.accelerator);
      (item!.click as () => void)();
      expect(ran.at(-1)).toBe(command.id);
    }
    const accelerators = all.map((i) => i.accelerator).filter(Boolean);
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('has zoom, reload and about roles, and DevTools only in development', () => {
    const roles = (development: boolean) => items(menuTemplate({ development, run: () => {} })).map((i) => i.role).filter(Boolean);
    expect(roles(false)).toEqual(expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom', 'reload', 'about', 'quit']));
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('installs the menu it builds', () => {
    installAppMenu({ development: false, run: () => {} });
    const applied = fakeElectron.Menu.applied as { template: MenuItemConstructorOptions[] };
    expect(applied.template.map((s) => s.label)).toEqual(['File', 'Edit', 'View', 'Help']);
  });
});
