// Spawn, write/read, resize, exit codes, crashes, bad input: a real bash in a real pty over a real socket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANNOT_START_CLOSE_CODE, BAD_QUERY_CLOSE_CODE, SESSION_GONE_CLOSE_CODE } from '../channel';
import { waitFor } from '../../test/helpers';
import { REPLACED_CLOSE_CODE } from '../session';
import { OPEN, quietShellSettings, startHarness, TermClient, type TermHarness } from './termHarness';

const SIGSEGV = 11;

describe('terminal sessions', () => {
  let h: TermHarness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('starts a shell, sends ready first, echoes input and reports the exit code', async () => {
    const c = await TermClient.open(h.url, OPEN);
    const ready = await c.waitForFrame('ready');
    expect(c.frames[0]?.t).toBe('ready');
    expect(ready.info).toMatchObject({ incidentId: 'INC1', name: 'ops shell', shell: '/bin/bash', cols: 80, rows: 24, exit: null });
    expect(ready.info.pid).toBeGreaterThan(0);
    expect(h.service.list('INC1').map((t) => t.id)).toContain(ready.info.id);
    c.type('echo "sum=$((40 + 2))"\r');
    await c.waitForOutput('sum=42');
    c.type('exit 3\r');
    const exit = await c.waitForFrame('exit');
    expect(exit).toEqual({ t: 'exit', exitCode: 3, signal: null });
    c.close();
  });

  it('names the command running in the foreground, and none at the prompt or after exit', async () => {
    const c = await TermClient.open(h.url, OPEN);
    const ready = await c.waitForFrame('ready');
    const id = ready.info.id;
    c.type('echo at-prompt\r');
    await c.waitForOutput('at-prompt');
    expect(h.service.runningCommand('INC1', id)).toBeNull();
    c.type('sleep 600\r');
    await expect.poll(() => h.service.runningCommand('INC1', id), { timeout: 5000 }).toBe('sleep');
    // Another incident's id never reaches this terminal.
    expect(h.service.runningCommand('OTHER', id)).toBeNull();
    c.type('\x03exit 0\r');
    await c.waitForFrame('exit');
    expect(h.service.runningCommand('INC1', id)).toBeNull();
    c.close();
  });

  it('resizes the pty (stty size)', async () => {
    const c = await TermClient.open(h.url, OPEN);
    await c.waitForFrame('ready');
    c.send({ t: 'resize', cols: 132, rows: 43 });
    c.type('stty size\r');
    await c.waitForOutput(/43 132/);
    c.send({ t: 'close' });
    await c.waitForClose();
  });

  it('survives a shell crash and reports the signal', async () => {
    const c = await TermClient.open(h.url, OPEN);
    await c.waitForFrame('ready');
    c.type('kill -SEGV $$\r');
    const exit = await c.waitForFrame('exit');
    expect(exit.signal).toBe(SIGSEGV);
    expect(exit.exitCode).toBeNull();
    c.close();
  });

  it('refuses bad frames without crashing and keeps the session usable', async () => {
    const c = await TermClient.open(h.url, OPEN);
    await c.waitForFrame('ready');
    c.send('not json');
    c.send({ t: 'resize', cols: -1, rows: 'x' });
    c.send({ t: 'launch-missiles' });
    c.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    c.send({ t: 'ack', chars: 0 });
    c.type('echo still-alive\r');
    // The socket is ordered: once the echo is back, every bad frame before it has been answered.
    await c.waitForOutput('still-alive');
    const errors = c.frames.filter((f) => f.t === 'error');
    expect(errors).toHaveLength(5);
    expect(errors.every((e) => e.t === 'error' && !e.fatal)).toBe(true);
    c.send({ t: 'close' });
    await c.waitForClose();
  });

  it('refuses a bad query with an error frame and close 1008', async () => {
    const c = await TermClient.open(h.url, { incident: 'INC1', cols: 'wide', rows: 24, name: 'x' });
    expect(await c.waitForClose()).toBe(BAD_QUERY_CLOSE_CODE);
    expect(c.frames[0]).toMatchObject({ t: 'error', fatal: true });
    const gone = await TermClient.open(h.url, { session: 'nope', cols: 80, rows: 24 });
    expect(await gone.waitForClose()).toBe(SESSION_GONE_CLOSE_CODE);
    const traversal = await TermClient.open(h.url, { ...OPEN, incident: '../../etc' });
    expect(await traversal.waitForClose()).toBe(CANNOT_START_CLOSE_CODE);
  });

  it('reports a shell that cannot start, and a cwd that is not a directory', async () => {
    h.settings = quietShellSettings({ shell: '/bin/nosuch' });
    const c = await TermClient.open(h.url, OPEN);
    expect(await c.waitForClose()).toBe(CANNOT_START_CLOSE_CODE);
    expect(c.frames).toEqual([{ t: 'error', fatal: true, message: 'Cannot start "/bin/nosuch": no such program.' }]);
    h.settings = quietShellSettings({ cwd: '/etc/hostname-nope' });
    const d = await TermClient.open(h.url, OPEN);
    await d.waitForClose();
    expect(d.frame('error')?.message).toMatch(/not a directory/);
    h.settings = quietShellSettings();
  });

  it('starts the login shell by default', async () => {
    h.settings = quietShellSettings({ shell: '' });
    const c = await TermClient.open(h.url, OPEN);
    const ready = await c.waitForFrame('ready');
    expect(ready.info.shell).toMatch(/\/(ba|z|da|)sh$/);
    c.type('echo default-$((6*7))\r');
    await c.waitForOutput('default-42');
    c.send({ t: 'close' });
    await c.waitForClose();
    h.settings = quietShellSettings();
  });

  it('keeps a detached shell running and replays recent output on re-attach; a new attach replaces the old', async () => {
    const a = await TermClient.open(h.url, OPEN);
    const ready = await a.waitForFrame('ready');
    a.type('echo before-$((1+1))\r');
    await a.waitForOutput('before-2');
    a.close();
    await a.waitForClose();
    const b = await TermClient.open(h.url, { session: ready.info.id, cols: 100, rows: 30 });
    const again = await b.waitForFrame('ready');
    expect(again.replay).toContain('before-2');
    expect(again.info.pid).toBe(ready.info.pid);
    const c = await TermClient.open(h.url, { session: ready.info.id, cols: 100, rows: 30 });
    await c.waitForFrame('ready');
    await b.waitForClose();
    expect(b.closeCode).toBe(REPLACED_CLOSE_CODE);
    c.type('echo after-$((2+2))\r');
    await c.waitForOutput('after-4');
    c.send({ t: 'close' });
    await c.waitForClose();
  });

  it('frees a connection\'s listeners when it closes, on detach and on close', async () => {
    const a = await TermClient.open(h.url, OPEN);
    const ready = await a.waitForFrame('ready');
    const first = h.serverSockets.at(-1)!;
    expect(first.listenerCount('message')).toBe(1);
    a.close();
    await waitFor(() => first.listenerCount('message') === 0, 5000, 'the detached socket\'s listener to go');
    const b = await TermClient.open(h.url, { session: ready.info.id, cols: 80, rows: 24 });
    await b.waitForFrame('ready');
    const second = h.serverSockets.at(-1)!;
    expect(second.listenerCount('message')).toBe(1);
    b.send({ t: 'close' });
    await b.waitForClose();
    await waitFor(() => second.listenerCount('message') === 0, 5000, 'the closed socket\'s listener to go');
    expect(h.service.list('INC1').map((t) => t.id)).not.toContain(ready.info.id);
  });

  it('ends a detached shell after the grace period', async () => {
    const short = await startHarness(quietShellSettings(), 300);
    const a = await TermClient.open(short.url, OPEN);
    await a.waitForFrame('ready');
    a.close();
    await a.waitForClose();
    // Checked in the same turn as the close: the grace timer cannot have fired yet.
    expect(short.service.list('INC1')).toHaveLength(1);
    // A bounded poll: the service announces nothing when a detached shell ends.
    const deadline = Date.now() + 5000;
    while (short.service.list('INC1').length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(short.service.list('INC1')).toHaveLength(0);
    await short.close();
  });
});
