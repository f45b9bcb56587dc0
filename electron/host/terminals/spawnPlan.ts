// Decides what a new terminal runs: which program, with which arguments, in which directory and
// with which environment. Everything that can be checked before forking is checked here, so a
// bad setting becomes one sentence in the tab instead of a dead pty or a crashed host.
import { accessSync, constants as fsConstants, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TerminalSettings } from '../../../shared/protocol/settings';

export const TERM_NAME = 'xterm-256color';

/** Variables that configure this app's own runtime and must not steer the user's programs. */
const INTERNAL_PREFIXES = ['ELECTRON_', 'VSCODE_', 'npm_', 'WARROOM_'] as const;
const INTERNAL_NAMES = new Set(['NODE_OPTIONS', 'NODE_CHANNEL_FD', 'NODE_UNIQUE_ID', 'CHROME_DESKTOP']);

export interface SpawnPlan {
  /** What node-pty execs (on Linux the fd-closing trampoline, see below). */
  file: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  /** The user's program, e.g. "/bin/bash": what the tab shows and SHELL in the recording. */
  program: string;
  /** The user's program's arguments (before shell integration was added). */
  programArgs: string[];
}

export type PlanResult = { ok: true; plan: SpawnPlan } | { ok: false; message: string };

function isWindows(): boolean {
  return process.platform === 'win32';
}

/** The user's login shell: the passwd entry first (what a login would run), then $SHELL. */
export function defaultShell(): string {
  if (isWindows()) return process.env.ComSpec || 'powershell.exe';
  try {
    const shell = os.userInfo().shell;
    if (shell) return shell;
  } catch {
    // No passwd entry (some containers): fall through to $SHELL.
  }
  return process.env.SHELL || '/bin/sh';
}

function isExecutableFile(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    if (!isWindows()) accessSync(file, fsConstants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** An absolute path to the program, or null when it is neither executable nor on PATH. */
export function resolveProgram(program: string, envPath: string | undefined): string | null {
  if (program.includes('/') || (isWindows() && program.includes('\\'))) {
    const abs = path.resolve(program);
    return isExecutableFile(abs) ? abs : null;
  }
  const exts = isWindows() ? ['', ...(process.env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';')] : [''];
  for (const dir of (envPath ?? '').split(path.delimiter)) {
    if (!dir) continue;
    for (const ext of exts) {
      const candidate = path.join(dir, program + ext);
      if (isExecutableFile(candidate)) return candidate;
    }
  }
  return null;
}

function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/**
 * process.env minus app-internal variables and anything carrying the host token (a variable
 * holding it would hand every program in the shell a key to the host), plus our terminal
 * identity, plus the user's settings.
 */
export function shellEnv(base: NodeJS.ProcessEnv, hostToken: string, extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(base)) {
    if (value === undefined) continue;
    if (INTERNAL_NAMES.has(name) || INTERNAL_PREFIXES.some((p) => name.startsWith(p))) continue;
    if (hostToken && value.includes(hostToken)) continue;
    env[name] = value;
  }
  env.TERM = TERM_NAME;
  env.COLORTERM = 'truecolor';
  env.TERM_PROGRAM = 'WarRoom';
  return { ...env, ...extra };
}

/**
 * node-pty's Linux fork (forkpty + execvp) closes nothing: every other terminal's pty master and
 * any descriptor opened without O_CLOEXEC would reach the shell. dash can only close fds 0–9, so
 * bash runs as a one-line trampoline that closes every fd above 2 listed in /proc and then execs
 * the real program (same pid, so the shell stays the session leader). macOS spawns with
 * POSIX_SPAWN_CLOEXEC_DEFAULT and needs none of this.
 */
const CLOSE_FDS_SCRIPT = 'for f in /proc/$$/fd/*; do f=${f##*/}; if [ "$f" -gt 2 ]; then { exec {f}>&-; } 2>/dev/null; fi; done; exec "$@"';
const TRAMPOLINE_BASH = ['/bin/bash', '/usr/bin/bash'];

export function fdTrampoline(): string | null {
  if (process.platform !== 'linux') return null;
  return TRAMPOLINE_BASH.find(isExecutableFile) ?? null;
}

export function planSpawn(settings: TerminalSettings, hostToken: string, base: NodeJS.ProcessEnv = process.env): PlanResult {
  const env = shellEnv(base, hostToken, settings.env);
  const wanted = settings.shell.trim() || defaultShell();
  const program = resolveProgram(wanted, env.PATH ?? env.Path);
  if (!program) return { ok: false, message: `Cannot start "${wanted}": no such program.` };
  const programArgs = settings.shell.trim() ? [...settings.args] : [];
  const cwd = settings.cwd.trim() || os.homedir();
  if (!isDirectory(cwd)) return { ok: false, message: `Cannot start "${wanted}": the working directory "${cwd}" is not a directory.` };
  return { ok: true, plan: { file: program, args: programArgs, cwd, env, program, programArgs } };
}

/** Wraps the plan's final program in the fd-closing trampoline where one is needed. */
export function withFdHygiene(plan: SpawnPlan): SpawnPlan {
  const bash = fdTrampoline();
  if (!bash) return plan;
  return { ...plan, file: bash, args: ['--posix', '-c', CLOSE_FDS_SCRIPT, 'warroom-close-fds', plan.file, ...plan.args] };
}
