// Where `warroom serve` and the CLI keep their data when no --data-dir is given.
// Electron passes its own userData directory instead.
import os from 'node:os';
import path from 'node:path';

const APP_DIR_NAME = 'war-room';

/** `$XDG_DATA_HOME/war-room`, else `~/.local/share/war-room` (the XDG default). */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_DATA_HOME;
  const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), '.local', 'share');
  return path.join(base, APP_DIR_NAME);
}

export function resolveDataDir(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return explicit ? path.resolve(explicit) : defaultDataDir(env);
}
