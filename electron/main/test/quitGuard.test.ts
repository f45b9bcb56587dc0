// Runs against a FAKE electron module (fakeElectron.ts): the Electron binary cannot run here, so
// this checks the app events the guard handles and the dialog it asks for, not Electron's quit.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { emitPreventable, fakeElectron, resetFakeElectron } from './fakeElectron';
import { QuitGuard, quitQuestion } from '../quitGuard';

vi.mock('electron', async () => (await import('./fakeElectron')).fakeElectron);

const QUIT = 0;
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('quit (fake electron)', () => {
  beforeEach(resetFakeElectron);

  it('words the question by what would be lost', () => {
    expect(quitQuestion(0, 0)).toBeNull();
    expect(quitQuestion(1, 0)).toBe('1 terminal is still running. Quit War Room anyway?');
    expect(quitQuestion(2, 3)).toBe('2 terminals are still running and 3 changes have not been confirmed as saved. Quit War Room anyway?');
  });

  it('quits without asking when nothing would be lost, after the host has closed', async () => {
    let closed = 0;
    new QuitGuard({ runningTerminals: () => 0, unsavedChanges: () => 0, close: async () => void closed++ }).install();
    expect(emitPreventable(fakeElectron.app, 'before-quit')).toBe(false);
    expect(fakeElectron.dialog.messageBoxCalls).toHaveLength(0);
    // will-quit waits for the store and the shells, then quits for real.
    expect(emitPreventable(fakeElectron.app, 'will-quit')).toBe(true);
    await flush();
    expect(closed).toBe(1);
    expect(fakeElectron.app.quitCalls).toBe(1);
    expect(emitPreventable(fakeElectron.app, 'will-quit')).toBe(false);
  });

  it('with running terminals, asks; Cancel keeps the app, Quit quits', async () => {
    new QuitGuard({ runningTerminals: () => 2, unsavedChanges: () => 0, close: async () => {} }).install();
    expect(emitPreventable(fakeElectron.app, 'before-quit')).toBe(true);
    await flush();
    expect(fakeElectron.dialog.messageBoxCalls).toHaveLength(1);
    expect(fakeElectron.app.quitCalls).toBe(0);
    fakeElectron.dialog.messageBoxResponse = QUIT;
    expect(emitPreventable(fakeElectron.app, 'before-quit')).toBe(true);
    await flush();
    expect(fakeElectron.app.quitCalls).toBe(1);
    // The quit it started is not asked about again.
    expect(emitPreventable(fakeElectron.app, 'before-quit')).toBe(false);
  });

  it('waits for the host to close even when closing fails, and says so', async () => {
    const lines: string[] = [];
    new QuitGuard({ runningTerminals: () => 0, unsavedChanges: () => 0, close: async () => Promise.reject(new Error('disk gone')), log: (l) => lines.push(l) }).install();
    emitPreventable(fakeElectron.app, 'will-quit');
    await flush();
    expect(lines[0]).toContain('disk gone');
    expect(fakeElectron.app.quitCalls).toBe(1);
  });
});
