// The desktop host start, against the real host on a temp data dir: a store that cannot be used is
// a failure naming the file, the reason and what to do, and the file is left as it was. No
// Electron here: hostProcess.ts never imports it.
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_FILE_NAME } from '../../host/store';
import { createConfSettings } from '../../host/settings';
import { setStatus } from '../../../shared/model/commands';
import { connectSync, REPO_ROOT, RpcClient, tempDir, wsBase } from '../../host/test/helpers';
import { startDesktopHost, type HostHandle } from '../hostProcess';

const distDir = path.join(REPO_ROOT, 'dist');
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('startDesktopHost', () => {
  let running: HostHandle | null = null;
  afterEach(async () => {
    await running?.close();
    running = null;
  });

  it('starts the host in this process on a usable store', async () => {
    const dataDir = tempDir();
    const started = await startDesktopHost({ dataDir, distDir, settings: createConfSettings(dataDir) });
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    running = started.host;
    expect(started.host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(started.host.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(started.host.runningTerminals()).toBe(0);
    const res = await fetch(`${started.host.url}/`);
    expect(res.status).toBe(200);
  });

  it('counts unresolved incidents for keep-awake, and says when that changes', async () => {
    const dataDir = tempDir();
    const started = await startDesktopHost({ dataDir, distDir, settings: createConfSettings(dataDir) });
    if (!started.ok) throw new Error(started.failure.reason);
    const host = (running = started.host);
    expect(host.activeIncidents()).toBe(0);
    const changed = (count: number) =>
      new Promise<void>((resolve) => {
        const listening = host.onIncidentsChanged(() => {
          if (host.activeIncidents() !== count) return;
          listening.dispose();
          resolve();
        });
      });

    const rpc = await RpcClient.connect(wsBase(host.url), host.token);
    const created = changed(1);
    const { id } = await rpc.value<{ id: string }>('createIncident', {
      title: 'Primary database outage',
      severity: 'SEV1',
      startedAt: '2026-11-21T20:00:00.000Z',
      timeZone: 'UTC',
      author: 'ana',
    });
    await created;
    expect(host.activeIncidents()).toBe(1);

    const client = connectSync(wsBase(host.url), host.token, id);
    await client.synced();
    const resolved = changed(0);
    setStatus(client.doc, { author: 'ana', now: () => '2026-11-22T06:00:00.000Z' }, 'resolved');
    await resolved;
    expect(host.activeIncidents()).toBe(0);
    client.destroy();
    rpc.close();
  });

  it('fails with the file, the reason and what to do on a file that is not a database, and never writes to it', async () => {
    const dataDir = tempDir();
    const dbFile = path.join(dataDir, DB_FILE_NAME);
    writeFileSync(dbFile, randomBytes(64 * 1024));
    const before = sha256(dbFile);
    const started = await startDesktopHost({ dataDir, distDir, settings: createConfSettings(dataDir) });
    expect(started.ok).toBe(false);
    if (started.ok) return;
    expect(started.failure.file).toBe(dbFile);
    expect(started.failure.reason).toContain('not a SQLite database');
    expect(started.failure.advice).toMatch(/move that file aside/i);
    expect(sha256(dbFile)).toBe(before);
  });

  it('fails naming the native module when it cannot be loaded (as a module built for another ABI fails)', async () => {
    const dataDir = tempDir();
    const abiError = new Error(
      "The module '/opt/War Room/resources/app.asar.unpacked/node_modules/x/sqlite.node' was compiled against a different Node.js version using NODE_MODULE_VERSION 115.",
    );
    const started = await startDesktopHost({
      dataDir,
      distDir,
      settings: createConfSettings(dataDir),
      loadHost: () => Promise.reject(abiError),
    });
    expect(started.ok).toBe(false);
    if (started.ok) return;
    expect(started.failure.file).toBe('/opt/War Room/resources/app.asar.unpacked/node_modules/x/sqlite.node');
    expect(started.failure.reason).toContain('NODE_MODULE_VERSION 115');
    expect(started.failure.advice).toMatch(/reinstall/i);
  });
});
