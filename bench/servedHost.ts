// A real `warroom serve` on a temporary data dir, real Chromium, and the host's memory, shared by the
// browser benchmarks.
import { chromium, type Browser } from '@playwright/test';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeArchiveJson } from './fixtures';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface Served { child: ChildProcess; openUrl: string; origin: string }

export function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb * 1024;
}

export function importArchive(root: string, dataDir: string, entries: number): string {
  const file = path.join(dataDir, `bench-${entries}.json`);
  writeFileSync(file, makeArchiveJson(entries));
  const out = execFileSync(process.execPath, [path.join(root, 'bin', 'warroom.mjs'), 'import', file, '--data-dir', dataDir], { encoding: 'utf8' });
  const id = /[0-9A-HJKMNP-TV-Z]{26}/.exec(out)?.[0];
  if (!id) throw new Error(`import printed no incident id: ${out}`);
  return id;
}

export function serve(root: string, dataDir: string): Promise<Served> {
  const child = spawn(process.execPath, [path.join(root, 'bin', 'warroom.mjs'), 'serve', '--data-dir', dataDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (c: string) => {
      out += c;
      const m = /War Room is serving at (\S+)/.exec(out);
      if (m) resolve({ child, openUrl: m[1]!, origin: new URL(m[1]!).origin });
    });
    child.once('exit', (code) => reject(new Error(`serve exited ${code}`)));
  });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.WARROOM_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}
