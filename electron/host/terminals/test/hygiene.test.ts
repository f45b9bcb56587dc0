// A shell gets no app-internal variables and no file descriptors beyond 0–2, even while the
// host process holds a SQLite database, sockets, a listening server and other terminals' ptys.
import { openDatabase, type SqliteDatabase } from '../../sqlite';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/helpers';
import { OPEN, quietShellSettings, startHarness, TermClient, TEST_TOKEN, type TermHarness } from './termHarness';

const INTERNAL = {
  NODE_OPTIONS: '--max-old-space-size=100',
  ELECTRON_RUN_AS_NODE: '1',
  WARROOM_TEST_SECRET: TEST_TOKEN,
  VSCODE_PID: '1',
  npm_config_cache: '/tmp/x',
  CHROME_DESKTOP: 'warroom.desktop',
  INNOCENT_LOOKING: `Bearer ${TEST_TOKEN}`,
};

describe('shell env and fd hygiene', () => {
  let h: TermHarness;
  let db: SqliteDatabase;
  let server: Server;
  const saved: Record<string, string | undefined> = {};

  beforeAll(async () => {
    for (const [k, v] of Object.entries(INTERNAL)) {
      saved[k] = process.env[k];
      process.env[k] = v;
    }
    db = openDatabase(path.join(tempDir(), 'open.db'));
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    server = createServer().listen(0, '127.0.0.1');
    h = await startHarness(quietShellSettings({ env: { HOME: tempDir(), PS1: '$ ', FROM_SETTINGS: 'yes' } }));
  });
  afterAll(async () => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    db.close();
    server.close();
    await h.close();
  });

  it('strips app-internal variables and the host token, and sets the terminal identity', async () => {
    const c = await TermClient.open(h.url, OPEN);
    await c.waitForFrame('ready');
    c.type('env; echo ENV-DONE\r');
    await c.waitForOutput(/\nENV-DONE/);
    for (const name of Object.keys(INTERNAL)) expect(c.output).not.toMatch(new RegExp(`^${name}=`, 'm'));
    expect(c.output).not.toContain(TEST_TOKEN);
    expect(c.output).not.toMatch(/^WARROOM_/m);
    expect(c.output).toMatch(/^TERM=xterm-256color\r?$/m);
    expect(c.output).toMatch(/^COLORTERM=truecolor\r?$/m);
    expect(c.output).toMatch(/^TERM_PROGRAM=WarRoom\r?$/m);
    expect(c.output).toMatch(/^FROM_SETTINGS=yes\r?$/m);
    c.send({ t: 'close' });
    await c.waitForClose();
  });

  it.runIf(process.platform === 'linux')('inherits no fds beyond 0–2 (besides the listing’s own directory handle)', async () => {
    // Another terminal is open: its pty master must not leak into the next shell.
    const first = await TermClient.open(h.url, OPEN);
    await first.waitForFrame('ready');
    const c = await TermClient.open(h.url, OPEN);
    await c.waitForFrame('ready');
    c.type('ls -l /proc/self/fd/ | cat; echo FD-DONE\r');
    await c.waitForOutput(/\nFD-DONE/);
    const fds = [...c.output.matchAll(/ (\d+) -> (.*?)\r?$/gm)].map((m) => ({ fd: Number(m[1]), target: m[2] as string }));
    expect(fds.filter((f) => f.fd <= 2)).toHaveLength(3);
    // ls sees its own directory handle; the pipe to cat is its stdout (fd 1).
    const extra = fds.filter((f) => f.fd > 2 && !f.target.startsWith('/proc/'));
    expect(extra).toEqual([]);
    expect(fds.filter((f) => f.fd > 2).length).toBeLessThanOrEqual(1);
    first.send({ t: 'close' });
    c.send({ t: 'close' });
    await c.waitForClose();
  });
});
