// Turns a spawn plan for bash or zsh into one with command capture: our init file (bash) or our
// ZDOTDIR (zsh), plus the session's nonce in the environment. Other shells run unchanged.
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BASH_INTEGRATION, ZSH_ENV, ZSH_PROFILE, ZSH_RC } from './shellScripts';
import type { SpawnPlan } from './spawnPlan';

const NONCE_BYTES = 16;
const LOGIN_FLAGS = new Set(['-l', '--login']);
/** bash flags that would replace or disable our init file; with them we leave the shell alone. */
const BASH_CONFLICTS = new Set(['--rcfile', '--init-file', '--norc', '-c', '--posix']);

export interface IntegrationFiles {
  bashInit: string;
  zshDir: string;
}

/** Writes the scripts (overwriting older versions) under <dataDir>/shell-integration/. */
export function writeIntegrationFiles(dataDir: string): IntegrationFiles {
  const root = path.join(dataDir, 'shell-integration');
  const zshDir = path.join(root, 'zsh');
  mkdirSync(zshDir, { recursive: true });
  const bashInit = path.join(root, 'bash-init.sh');
  writeFileSync(bashInit, BASH_INTEGRATION);
  writeFileSync(path.join(zshDir, '.zshenv'), ZSH_ENV);
  writeFileSync(path.join(zshDir, '.zprofile'), ZSH_PROFILE);
  writeFileSync(path.join(zshDir, '.zshrc'), ZSH_RC);
  return { bashInit, zshDir };
}

export function newNonce(): string {
  return randomBytes(NONCE_BYTES).toString('hex');
}

export type ShellKind = 'bash' | 'zsh' | null;

export function shellKind(program: string): ShellKind {
  const base = path.basename(program).replace(/\.exe$/i, '');
  return base === 'bash' || base === 'zsh' ? base : null;
}

/** The plan with integration added, or null when this shell cannot (or must not) get it. */
export function withIntegration(plan: SpawnPlan, files: IntegrationFiles, nonce: string): SpawnPlan | null {
  const kind = shellKind(plan.program);
  if (kind === 'bash') {
    if (plan.args.some((a) => BASH_CONFLICTS.has(a) || (a.startsWith('-') && !a.startsWith('--') && a.includes('c')))) return null;
    // --init-file is ignored by a login bash, so login semantics are re-created by our script.
    const login = plan.args.some((a) => LOGIN_FLAGS.has(a));
    const args = plan.args.filter((a) => !LOGIN_FLAGS.has(a));
    const env: Record<string, string> = { ...plan.env, WARROOM_NONCE: nonce };
    if (login) env.WARROOM_SHELL_LOGIN = '1';
    return { ...plan, args: ['--init-file', files.bashInit, ...args], env };
  }
  if (kind === 'zsh') {
    if (plan.args.some((a) => a === '-c' || a === '-f' || a === '--no-rcs')) return null;
    const env: Record<string, string> = { ...plan.env, WARROOM_NONCE: nonce, ZDOTDIR: files.zshDir };
    if (plan.env.ZDOTDIR !== undefined) env.WARROOM_USER_ZDOTDIR = plan.env.ZDOTDIR;
    return { ...plan, env };
  }
  return null;
}
