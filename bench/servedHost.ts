// A real `warroom serve` on a temporary data dir, real Chromium, and the host's memory, shared by the
// browser benchmarks.
import { chromium, type Browser } from '@playwright/test';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeArchiveJson } from './fixtures';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface Served {
  child: ChildProcess;
  openUrl: string;
  origin: string;
  /** Forces a full GC in the host and resolves with its memory afterwards (see hostProbe.mjs). */
  memoryAfterGc(): Promise<HostMemory>;
}

/** process.memoryUsage() of the host right after a forced GC. */
export interface HostMemory {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN) * 1024;
}

export const rssBytes = (pid: number) => statusKb(pid, 'VmRSS');
/** The process's peak RSS since it started (the kernel's high-water mark). */
export const peakRssBytes = (pid: number) => statusKb(pid, 'VmHWM');

/** "heap 60 MB of 80, external 30 MB (array buffers 25 MB)". */
export function describeMemory(m: HostMemory): string {
  const mb = (b: number) => (b / 1024 / 1024).toFixed(0);
  return `heap ${mb(m.heapUsed)} MB of ${mb(m.heapTotal)}, external ${mb(m.external)} MB (array buffers ${mb(m.arrayBuffers)} MB)`;
}

export function importArchive(root: string, dataDir: string, entries: number): string {
  const file = path.join(dataDir, `bench-${entries}.json`);
  writeFileSync(file, makeArchiveJson(entries));
  const out = execFileSync(process.execPath, [path.join(root, 'bin', 'warroom.mjs'), 'import', file, '--data-dir', dataDir], { encoding: 'utf8' });
  const id = /[0-9A-HJKMNP-TV-Z]{26}/.exec(out)?.[0];
  if (!id) throw new Error(`import printed no incident id: ${out}`);
  return id;
}

/** `warroom serve` with the GC probe preloaded; `env` adds to this process's environment. */
export function serve(root: string, dataDir: string, env: Record<string, string> = {}): Promise<Served> {
  // WARROOM_BENCH_CPU_PROF=<dir> writes the host's CPU profile there when it stops (for the "where does the time go" part of a note).
  const profile = process.env.WARROOM_BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.WARROOM_BENCH_CPU_PROF] : [];
  const args = [...profile, '--expose-gc', '--import', pathToFileURL(path.join(root, 'bench', 'hostProbe.mjs')).href, path.join(root, 'bin', 'warroom.mjs'), 'serve', '--data-dir', dataDir, '--port', '0'];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
  const memoryWaiters: Array<(m: HostMemory) => void> = [];
  const memoryAfterGc = () =>
    new Promise<HostMemory>((resolve) => {
      memoryWaiters.push(resolve);
      child.kill('SIGUSR2');
    });
  return new Promise((resolve, reject) => {
    let out = '';
    let served = false;
    child.stdout!.setEncoding('utf8').on('data', (c: string) => {
      out += c;
      let nl: number;
      while ((nl = out.indexOf('\n')) >= 0) {
        const line = out.slice(0, nl);
        out = out.slice(nl + 1);
        const probe = /^bench-memory (.*)$/.exec(line);
        if (probe) memoryWaiters.shift()?.(JSON.parse(probe[1]!) as HostMemory);
        const m = /War Room is serving at (\S+)/.exec(line);
        if (m && !served) {
          served = true;
          resolve({ child, openUrl: m[1]!, origin: new URL(m[1]!).origin, memoryAfterGc });
        }
      }
    });
    child.once('exit', (code) => reject(new Error(`serve exited ${code}`)));
  });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.WARROOM_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}
