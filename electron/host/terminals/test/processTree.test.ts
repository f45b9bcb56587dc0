// Closing a terminal ends every process the shell started: background jobs, jobs that left the
// shell's process group, and `(cmd &)` orphans re-parented to init.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../test/helpers';
import { OPEN, startHarness, TermClient, type TermHarness } from './termHarness';

function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

describe.runIf(process.platform === 'linux')('process tree kill', () => {
  let h: TermHarness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  async function startJobs(c: TermClient): Promise<number[]> {
    await c.waitForFrame('ready');
    // A background job, a subshell orphan (re-parented to init), a job that ignores SIGHUP, then a
    // foreground job in its own process group (job control) holding the terminal.
    c.type('sleep 1000 & echo "bg=$!"\r');
    c.type('(sleep 1001 & echo "orphan=$!")\r');
    c.type("(trap '' HUP; exec sleep 1002) & echo \"nohup=$!\"\r");
    c.type('sh -c \'echo "fg=$$"; exec sleep 1003\'\r');
    await c.waitForOutput(/bg=(\d+)[\s\S]*orphan=(\d+)[\s\S]*nohup=(\d+)[\s\S]*fg=(\d+)/);
    const m = /bg=(\d+)[\s\S]*orphan=(\d+)[\s\S]*nohup=(\d+)[\s\S]*fg=(\d+)/.exec(c.output) as RegExpExecArray;
    const pids = m.slice(1, 5).map(Number);
    pids.push((c.frame('ready') as { info: { pid: number } }).info.pid);
    await waitFor(() => pids.every(alive), 5000, 'all jobs running');
    return pids;
  }

  it('ends the whole tree on {t:"close"}', async () => {
    const c = await TermClient.open(h.url, OPEN);
    const pids = await startJobs(c);
    c.send({ t: 'close' });
    await c.waitForClose();
    await waitFor(() => pids.every((p) => !alive(p)), 5000, `every pid gone: ${pids.filter(alive).join(',')}`);
    expect(pids.filter(alive)).toEqual([]);
  });

  it('ends every shell of an incident on closeIncident, and others keep running', async () => {
    const c = await TermClient.open(h.url, OPEN);
    const pids = await startJobs(c);
    const other = await TermClient.open(h.url, { ...OPEN, incident: 'INC2' });
    const otherPid = (await other.waitForFrame('ready')).info.pid as number;
    await h.service.closeIncident('INC1');
    expect(pids.filter(alive)).toEqual([]);
    expect(alive(otherPid)).toBe(true);
    expect(h.service.list('INC1')).toEqual([]);
    await h.service.closeAll();
    expect(alive(otherPid)).toBe(false);
  });
});
