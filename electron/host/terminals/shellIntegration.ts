// Turns a spawn plan for bash or zsh into one with command capture: our init file (bash) or our
// ZDOTDIR (zsh), plus where to find the session's nonce. Other shells run unchanged.
//
// The nonce itself never enters an environment: a variable stays readable in the shell's
// /proc/<pid>/environ for every program the user runs, even after `unset`. It is handed over in a
// file only this user can read (0600 in a 0700 directory), which the script reads and deletes
// before any user file runs; the environment carries only the file's path.
import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createPrivateFile, ensurePrivateDir, writePrivateFile } from '../privateFiles';
import { BASH_INTEGRATION, ZSH_ENV, ZSH_PROFILE, ZSH_RC } from './shellScripts';
import type { SpawnPlan } from './spawnPlan';

const NONCE_BYTES = 16;
const LOGIN_FLAGS = new Set(['-l', '--login']);
/** bash flags that would replace or disable our init file; with them we leave the shell alone. */
const BASH_CONFLICTS = new Set(['--rcfile', '--init-file', '--norc', '-c', '--posix']);

export interface IntegrationFiles {
  bashInit: string;
  zshDir: string;
  /** Where each new shell's nonce file is put (0700). */
  nonceDir: string;
}

/** Writes the scripts (overwriting older versions) under <dataDir>/shell-integration/. */
export function writeIntegrationFiles(dataDir: string): IntegrationFiles {
  const root = path.join(dataDir, 'shell-integration');
  const zshDir = path.join(root, 'zsh');
  const nonceDir = path.join(root, 'nonces');
  ensurePrivateDir(zshDir);
  ensurePrivateDir(nonceDir);
  // A nonce file left behind by a host that crashed before its shell started is of no use to anyone.
  for (const name of readdirSync(nonceDir)) rmSync(path.join(nonceDir, name), { force: true, recursive: true });
  const bashInit = path.join(root, 'bash-init.sh');
  writePrivateFile(bashInit, BASH_INTEGRATION);
  writePrivateFile(path.join(zshDir, '.zshenv'), ZSH_ENV);
  writePrivateFile(path.join(zshDir, '.zprofile'), ZSH_PROFILE);
  writePrivateFile(path.join(zshDir, '.zshrc'), ZSH_RC);
  return { bashInit, zshDir, nonceDir };
}

export function newNonce(): string {
  return randomBytes(NONCE_BYTES).toString('hex');
}

/** Where a session's nonce file goes. */
export function nonceFileFor(files: IntegrationFiles, sessionId: string): string {
  return path.join(files.nonceDir, `${sessionId}.nonce`);
}

/** Puts the nonce in a new file of its own; the script deletes it, and so does removeNonceFile. */
export function writeNonceFile(file: string, nonce: string): void {
  createPrivateFile(file, `${nonce}\n`);
}

export function removeNonceFile(file: string): void {
  rmSync(file, { force: true });
}

export type ShellKind = 'bash' | 'zsh' | null;

export function shellKind(program: string): ShellKind {
  const base = path.basename(program).replace(/\.exe$/i, '');
  return base === 'bash' || base === 'zsh' ? base : null;
}

/** The plan with integration added, or null when this shell cannot (or must not) get it. */
export function withIntegration(plan: SpawnPlan, files: IntegrationFiles, nonceFile: string): SpawnPlan | null {
  const kind = shellKind(plan.program);
  if (kind === 'bash') {
    if (plan.args.some((a) => BASH_CONFLICTS.has(a) || (a.startsWith('-') && !a.startsWith('--') && a.includes('c')))) return null;
    // --init-file is ignored by a login bash, so login semantics are re-created by our script.
    const login = plan.args.some((a) => LOGIN_FLAGS.has(a));
    const args = plan.args.filter((a) => !LOGIN_FLAGS.has(a));
    const env: Record<string, string> = { ...plan.env, WARROOM_NONCE_FILE: nonceFile };
    if (login) env.WARROOM_SHELL_LOGIN = '1';
    return { ...plan, args: ['--init-file', files.bashInit, ...args], env };
  }
  if (kind === 'zsh') {
    if (plan.args.some((a) => a === '-c' || a === '-f' || a === '--no-rcs')) return null;
    const env: Record<string, string> = { ...plan.env, WARROOM_NONCE_FILE: nonceFile, ZDOTDIR: files.zshDir };
    if (plan.env.ZDOTDIR !== undefined) env.WARROOM_USER_ZDOTDIR = plan.env.ZDOTDIR;
    return { ...plan, env };
  }
  return null;
}
