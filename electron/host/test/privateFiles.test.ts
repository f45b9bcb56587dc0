// Incident data on disk is for this user only: a new data dir is made 0700 with 0600 files (the
// store with its WAL and SHM, settings, shell integration, recordings); an existing one left
// readable by others is tightened when the host opens it, and the host says so once. Files that
// are not the host's (Chromium's, in Electron's userData) are left as they are. Real host, real
// store, real shells.
import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startHost } from '../host';
import { createConfSettings } from '../settings';
import { IncidentStore } from '../store';
import { OPEN, quietShellSettings, startHarness, TermClient } from '../terminals/test/termHarness';
import { tempDir } from './helpers';

const mode = (p: string) => statSync(p).mode & 0o777;
const MESSAGE = /made private to this user/;

/** Every directory and file under `dir` with its mode, relative names. */
function modesUnder(dir: string): Record<string, number> {
  const out: Record<string, number> = {};
  const visit = (rel: string) => {
    const abs = path.join(dir, rel);
    out[rel || '.'] = mode(abs);
    if (statSync(abs).isDirectory()) for (const name of readdirSync(abs)) visit(path.join(rel, name));
  };
  visit('');
  return out;
}

async function recordOneTerminal(dataDir: string): Promise<void> {
  const h = await startHarness(quietShellSettings(), undefined, dataDir);
  const c = await TermClient.open(h.url, OPEN);
  await c.waitForFrame('ready');
  c.type('echo recorded\r');
  await c.waitForOutput('recorded\r\n');
  await h.close();
}

describe.skipIf(process.platform === 'win32')('private files', () => {
  it('creates a new data dir 0700 and every file the host writes 0600', async () => {
    const dataDir = path.join(tempDir(), 'nested', 'data');
    const logs: string[] = [];
    const host = await startHost({ dataDir, staticDir: null, log: (line) => logs.push(line) });
    // The store's WAL and SHM exist while it is open (they go when the last connection closes).
    for (const name of ['warroom.db', 'warroom.db-wal', 'warroom.db-shm']) expect(mode(path.join(dataDir, name)), name).toBe(0o600);
    await recordOneTerminal(dataDir);
    createConfSettings(dataDir).set({ theme: 'light' });
    await host.close();
    const modes = modesUnder(dataDir);
    for (const name of ['warroom.db', 'settings.json', 'shell-integration/bash-init.sh', 'shell-integration/zsh/.zshrc']) expect(modes[name], name).toBe(0o600);
    const recordings = Object.keys(modes).filter((name) => name.endsWith('.cast'));
    expect(recordings).toHaveLength(1);
    for (const [name, m] of Object.entries(modes)) {
      const isDir = statSync(path.join(dataDir, name)).isDirectory();
      expect(m, name).toBe(isDir ? 0o700 : 0o600);
    }
    expect(mode(path.dirname(dataDir))).toBe(0o700);
    expect(logs.filter((l) => MESSAGE.test(l))).toEqual([]);
  }, 30_000);

  it('tightens an existing data dir on open, says so once, and leaves files that are not ours alone', async () => {
    const dataDir = tempDir('warroom-loose-');
    IncidentStore.open(dataDir).close();
    mkdirSync(path.join(dataDir, 'recordings', 'INC1'), { recursive: true });
    writeFileSync(path.join(dataDir, 'recordings', 'INC1', 'old.cast'), '{"version":2,"width":80,"height":24}\n');
    writeFileSync(path.join(dataDir, 'settings.json'), '{}');
    writeFileSync(path.join(dataDir, 'Cookies'), 'chromium owns this');
    for (const [name, m] of Object.entries(modesUnder(dataDir))) {
      chmodSync(path.join(dataDir, name), statSync(path.join(dataDir, name)).isDirectory() ? 0o755 : 0o644);
      expect(mode(path.join(dataDir, name)), name).not.toBe(m & 0o700);
    }
    const logs: string[] = [];
    const host = await startHost({ dataDir, staticDir: null, log: (line) => logs.push(line) });
    await host.close();
    expect(logs.filter((l) => MESSAGE.test(l))).toHaveLength(1);
    expect(mode(dataDir)).toBe(0o700);
    expect(mode(path.join(dataDir, 'warroom.db'))).toBe(0o600);
    expect(mode(path.join(dataDir, 'settings.json'))).toBe(0o600);
    expect(mode(path.join(dataDir, 'recordings'))).toBe(0o700);
    expect(mode(path.join(dataDir, 'recordings', 'INC1'))).toBe(0o700);
    expect(mode(path.join(dataDir, 'recordings', 'INC1', 'old.cast'))).toBe(0o600);
    expect(mode(path.join(dataDir, 'Cookies'))).toBe(0o644);

    const again: string[] = [];
    const second = await startHost({ dataDir, staticDir: null, log: (line) => again.push(line) });
    await second.close();
    expect(again.filter((l) => MESSAGE.test(l))).toEqual([]);
  }, 30_000);
});
