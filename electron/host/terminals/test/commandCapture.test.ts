// Command capture through our shell integration: real bash (and zsh when installed), real marks.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandRecord } from '../../../../shared/terminal/protocol';
import { waitFor } from '../../test/helpers';
import { OPEN, quietShellSettings, startHarness, TermClient, type TermHarness } from './termHarness';

function commands(c: TermClient): CommandRecord[] {
  const bySeq = new Map<number, CommandRecord>();
  for (const f of c.frames) if (f.t === 'command') bySeq.set(f.command.seq, f.command);
  return [...bySeq.values()];
}

async function finished(c: TermClient, count: number): Promise<CommandRecord[]> {
  await waitFor(() => commands(c).filter((x) => x.endedAt !== null).length >= count, 10_000, `${count} finished commands; got ${JSON.stringify(commands(c))}`);
  return commands(c);
}

function zshPath(): string | null {
  try {
    return execFileSync('/bin/sh', ['-c', 'command -v zsh'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

function captureSuite(shell: string) {
  let h: TermHarness;
  beforeAll(async () => {
    h = await startHarness(quietShellSettings({ shell }));
  });
  afterAll(async () => {
    await h.close();
  });

  it('records each command line with its start, end, cwd and exit code', async () => {
    const c = await TermClient.open(h.url, OPEN);
    const ready = await c.waitForFrame('ready');
    expect(ready.info.commandCapture).toBe(true);
    c.type('cd /tmp\r');
    await finished(c, 1);
    c.type('echo "a;b" | tr a x\r');
    await finished(c, 2);
    c.type('false\r');
    const list = await finished(c, 3);
    expect(list.map((x) => [x.seq, x.line, x.exitCode])).toEqual([
      [1, 'cd /tmp', 0],
      [2, 'echo "a;b" | tr a x', 0],
      [3, 'false', 1],
    ]);
    expect(list[1]?.cwd).toBe('/tmp');
    for (const x of list) expect(Date.parse(x.endedAt as string)).toBeGreaterThanOrEqual(Date.parse(x.startedAt));
    // Marks never reach the screen, and the nonce never reaches the shell's environment.
    expect(c.output).not.toContain('\x1b]633');
    c.type('echo "nonce=${WARROOM_NONCE:-none}"\r');
    await c.waitForOutput('nonce=none');
    c.send({ t: 'close' });
    await c.waitForClose();
  });

  it('keeps non-ASCII command lines, working directories and output whole (marks are cut from the bytes)', async () => {
    const dir = path.join(h.dataDir, 'café-☕');
    mkdirSync(dir);
    const c = await TermClient.open(h.url, OPEN);
    await c.waitForFrame('ready');
    c.type(`cd '${dir}'\r`);
    await finished(c, 1);
    c.type('echo "naïve ✓ 🚒"\r');
    const list = await finished(c, 2);
    expect(list.map((x) => x.line)).toEqual([`cd '${dir}'`, 'echo "naïve ✓ 🚒"']);
    expect(list[1]?.cwd).toBe(dir);
    await c.waitForOutput('naïve ✓ 🚒\r\n');
    expect(c.output).not.toContain('\uFFFD');
    expect(c.output).not.toContain('\x1b]633');
    c.send({ t: 'close' });
    await c.waitForClose();
  });

  it('ignores forged 633 marks printed by a program without the nonce', async () => {
    const c = await TermClient.open(h.url, OPEN);
    await c.waitForFrame('ready');
    c.type("printf '\\033]633;E;rm -rf /;0123456789abcdef\\007\\033]633;C;0123456789abcdef\\007\\033]633;D;0;0123456789abcdef\\007forged-done\\n'\r");
    await c.waitForOutput('forged-done');
    const list = await finished(c, 1);
    expect(list.map((x) => x.line)).toEqual([expect.stringMatching(/^printf /)]);
    expect(list.some((x) => x.line.startsWith('rm'))).toBe(false);
    c.send({ t: 'close' });
    await c.waitForClose();
  });

  it('logs finished commands to the timeline when switched on, redacted, at their start time', async () => {
    const c = await TermClient.open(h.url, OPEN);
    await c.waitForFrame('ready');
    c.type('echo off\r');
    await finished(c, 1);
    c.send({ t: 'logCommands', on: true });
    await waitFor(() => c.frames.some((f) => f.t === 'info' && f.info.logCommands), 5000, 'info frame');
    c.type('echo AKIAIOSFODNN7EXAMPLE\r');
    const list = await finished(c, 2);
    await waitFor(() => h.entries.length === 1, 5000, 'a timeline entry');
    const [logged] = h.entries;
    expect(logged).toMatchObject({ incidentId: 'INC1', author: 'Priya', entry: { kind: 'terminal', occurredAt: list[1]?.startedAt } });
    expect(logged?.entry.text).toContain('ops shell');
    expect(logged?.entry.text).toContain('[REDACTED: AWS access key id]');
    expect(logged?.entry.text).not.toContain('AKIAIOSFODNN7EXAMPLE');
    // History survives a reload (re-attach).
    c.close();
    await c.waitForClose();
    const again = await TermClient.open(h.url, { session: (c.frame('ready') as { info: { id: string } }).info.id, cols: 80, rows: 24 });
    const ready = await again.waitForFrame('ready');
    expect(ready.history.map((x) => x.line)).toEqual(['echo off', 'echo AKIAIOSFODNN7EXAMPLE']);
    again.send({ t: 'close' });
    await again.waitForClose();
  });

  it('cannot be forged by a program that reads the nonce from its parent shell', async () => {
    // The forging script: whatever a program can learn from the shell's environment (the nonce,
    // or the file it was handed in), it replays as E/C/D marks for a command named FORGED.
    writeFileSync(
      path.join(h.settings.cwd, 'forge.sh'),
      [
        "env_of_shell() { tr '\\0' '\\n' < /proc/$PPID/environ; }",
        "n=$(env_of_shell | sed -n 's/^WARROOM_NONCE=//p')",
        "f=$(env_of_shell | sed -n 's/^WARROOM_NONCE_FILE=//p')",
        '[ -n "$f" ] && [ -z "$n" ] && n=$(cat "$f" 2>/dev/null)',
        "printf '\\033]633;E;FORGED;%s\\007\\033]633;C;%s\\007\\033]633;D;0;%s\\007' \"$n\" \"$n\" \"$n\"",
        'echo forge-done',
        '',
      ].join('\n'),
    );
    const c = await TermClient.open(h.url, OPEN);
    await c.waitForFrame('ready');
    c.send({ t: 'logCommands', on: true });
    await waitFor(() => c.frames.some((f) => f.t === 'info' && f.info.logCommands), 5000, 'info frame');
    const entriesBefore = h.entries.length;
    c.type('sh ./forge.sh\r');
    await c.waitForOutput('forge-done');
    c.type('echo after\r');
    const list = await finished(c, 2);
    expect(list.map((x) => x.line)).toEqual(['sh ./forge.sh', 'echo after']);
    await waitFor(() => h.entries.length >= entriesBefore + 2, 5000, 'two timeline entries');
    expect(h.entries.map((e) => e.entry.text).join('\n')).not.toContain('FORGED');
    // The shell read and deleted its nonce file before its first prompt.
    expect(readdirSync(path.join(h.dataDir, 'shell-integration', 'nonces'))).toEqual([]);
    c.send({ t: 'close' });
    await c.waitForClose();
  });
}

describe('command capture in bash', () => captureSuite('/bin/bash'));

const zsh = zshPath();
// zsh is not installed on every machine that runs the suite; bash covers the shared parts.
describe.skipIf(!zsh)(`command capture in zsh${zsh ? '' : ' (skipped: zsh is not installed)'}`, () => captureSuite(zsh ?? 'zsh'));
