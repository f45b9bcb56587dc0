// Runs against a FAKE electron module (fakeElectron.ts): the Electron binary cannot run here, so
// this checks the bounds computed from the displays the fake `screen` reports and what is saved
// on the fake window's events, not a real window manager.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeWindow, fakeElectron, resetFakeElectron } from './fakeElectron';
import { DEFAULT_WINDOW_SIZE, initialWindowState, persistWindowState, type WindowState } from '../windowState';
import type { BrowserWindow } from 'electron';

vi.mock('electron', async () => (await import('./fakeElectron')).fakeElectron);

describe('window state (fake electron)', () => {
  beforeEach(resetFakeElectron);
  afterEach(() => vi.useRealTimers());

  it('restores saved bounds and the maximised state onto a display that still exists', () => {
    fakeElectron.screen.displays = [
      { workArea: { x: 0, y: 0, width: 1920, height: 1080 } },
      { workArea: { x: 1920, y: 0, width: 2560, height: 1440 } },
    ];
    expect(initialWindowState({ x: 2000, y: 100, width: 1600, height: 1000, maximized: true })).toEqual({
      bounds: { x: 2000, y: 100, width: 1600, height: 1000 },
      maximized: true,
    });
  });

  it('opens centred on the primary display, at a size that fits, when the saved display is gone', () => {
    fakeElectron.screen.displays = [{ workArea: { x: 0, y: 0, width: 1366, height: 728 } }];
    expect(initialWindowState({ x: 2000, y: 100, width: 1600, height: 1000, maximized: false })).toEqual({
      bounds: { width: 1366, height: 728 },
      maximized: false,
    });
  });

  it('falls back to the default size for nothing saved or a damaged entry', () => {
    expect(initialWindowState(undefined)).toEqual({ bounds: DEFAULT_WINDOW_SIZE, maximized: false });
    expect(initialWindowState({ width: 'wide' })).toEqual({ bounds: DEFAULT_WINDOW_SIZE, maximized: false });
  });

  it('saves the normal bounds once moving settles, and the maximised state at once', () => {
    vi.useFakeTimers();
    const win = new FakeWindow();
    const saved: WindowState[] = [];
    persistWindowState(win as unknown as BrowserWindow, (s) => saved.push(s));
    win.emit('move');
    win.emit('resize');
    expect(saved).toHaveLength(0);
    vi.runAllTimers();
    expect(saved).toEqual([{ x: 10, y: 20, width: 1200, height: 800, maximized: false }]);
    win.maximized = true;
    win.emit('maximize');
    expect(saved.at(-1)).toEqual({ x: 10, y: 20, width: 1200, height: 800, maximized: true });
  });
});
