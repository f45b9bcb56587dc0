// Ends a shell together with everything it started. The shell is a session leader, but an
// interactive shell puts each job in its own process group, and `(cmd &)` re-parents to init,
// so killing the shell's group alone leaves orphans. On Linux we therefore collect every process
// whose session or process group is the shell's pid, plus their descendants by parent pid, from
// /proc; elsewhere we fall back to the shell's process group.
import { readdir, readFile } from 'node:fs/promises';

/** How long processes get to exit after SIGHUP before they are killed. */
export const HANGUP_GRACE_MS = 1500;
const POLL_MS = 50;
/** A killed process is gone within milliseconds unless stuck in the kernel (D state); don't wait forever. */
const KILL_WAIT_MS = 1000;
const KILL_POLL_MS = 10;

interface ProcStat {
  pid: number;
  ppid: number;
  pgrp: number;
  session: number;
  /** 'Z' for a zombie: dead, only waiting to be reaped (by an init that may never do it in a container). */
  state: string;
}

async function readStat(pid: number): Promise<ProcStat | null> {
  try {
    const text = await readFile(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may contain spaces or ')'.
    const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const [state = '', ppid, pgrp, session] = rest;
    return { pid, ppid: Number(ppid), pgrp: Number(pgrp), session: Number(session), state };
  } catch {
    return null;
  }
}

async function allStats(): Promise<ProcStat[]> {
  const names = await readdir('/proc');
  const pids = names.filter((n) => /^\d+$/.test(n)).map(Number);
  const stats = await Promise.all(pids.map(readStat));
  return stats.filter((s): s is ProcStat => s !== null);
}

/** The pids of the shell's tree (the shell included), Linux only. */
export async function processTree(rootPid: number): Promise<number[]> {
  const stats = await allStats();
  const found = new Set<number>();
  for (const s of stats) if (s.state !== 'Z' && (s.pid === rootPid || s.session === rootPid || s.pgrp === rootPid)) found.add(s.pid);
  // Descendants by ppid, until no new process joins (a job may have called setsid itself).
  let grew = true;
  while (grew) {
    grew = false;
    for (const s of stats) {
      if (s.state !== 'Z' && !found.has(s.pid) && found.has(s.ppid)) {
        found.add(s.pid);
        grew = true;
      }
    }
  }
  found.delete(process.pid);
  return [...found];
}

function signal(pid: number, sig: NodeJS.Signals): boolean {
  try {
    process.kill(pid, sig);
    return true;
  } catch {
    return false;
  }
}

async function alive(pid: number): Promise<boolean> {
  const stat = await readStat(pid);
  return stat !== null && stat.state !== 'Z';
}

async function living(pids: number[]): Promise<number[]> {
  const flags = await Promise.all(pids.map(alive));
  return pids.filter((_, i) => flags[i]);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** SIGHUP to the whole tree, then SIGKILL to whatever is left after the grace period. */
export async function endProcessTree(rootPid: number, graceMs = HANGUP_GRACE_MS): Promise<void> {
  if (process.platform !== 'linux') {
    if (process.platform !== 'win32') signal(-rootPid, 'SIGHUP');
    signal(rootPid, 'SIGHUP');
    await sleep(Math.min(graceMs, POLL_MS * 4));
    if (process.platform !== 'win32') signal(-rootPid, 'SIGKILL');
    signal(rootPid, 'SIGKILL');
    return;
  }
  let pids = await processTree(rootPid);
  for (const pid of pids) signal(pid, 'SIGHUP');
  // Stopped jobs ignore SIGHUP until continued.
  for (const pid of pids) signal(pid, 'SIGCONT');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    pids = await living(pids);
    if (pids.length === 0) break;
    await sleep(POLL_MS);
  }
  // Children forked during the grace period are caught by re-reading the tree.
  let survivors = [...new Set([...(await living(pids)), ...(await processTree(rootPid))])];
  for (const pid of survivors) signal(pid, 'SIGKILL');
  // SIGKILL is delivered asynchronously: report the tree ended only once it has.
  const killDeadline = Date.now() + KILL_WAIT_MS;
  while (survivors.length > 0 && Date.now() < killDeadline) {
    await sleep(KILL_POLL_MS);
    survivors = await living(survivors);
  }
}
