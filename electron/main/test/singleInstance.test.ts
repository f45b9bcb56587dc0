// Runs against a FAKE electron module (fakeElectron.ts): the Electron binary cannot run here, so
// this checks the calls the module makes, not Electron's own behaviour.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeWindow, fakeElectron, resetFakeElectron } from './fakeElectron';
import { claimSingleInstance } from '../singleInstance';

vi.mock('electron', async () => (await import('./fakeElectron')).fakeElectron);

describe('single instance (fake electron)', () => {
  beforeEach(resetFakeElectron);

  it('a second launch focuses the minimised window and hands over its arguments', () => {
    const received: string[][] = [];
    expect(claimSingleInstance((argv) => received.push(argv))).toBe(true);
    const win = new FakeWindow();
    win.minimized = true;
    win.visible = false;
    fakeElectron.app.emit('second-instance', {}, ['/opt/War Room/warroom', 'warroom://join?host=a'], '/home/ana');
    expect(win.minimized).toBe(false);
    expect(win.visible).toBe(true);
    expect(win.focused).toBe(true);
    expect(received).toEqual([['/opt/War Room/warroom', 'warroom://join?host=a']]);
  });

  it('says so when another instance holds the lock, and listens for nothing', () => {
    fakeElectron.app.singleInstanceLock = false;
    expect(claimSingleInstance(() => {})).toBe(false);
    expect(fakeElectron.app.listenerCount('second-instance')).toBe(0);
  });
});
