// The built CLI for a block of tests: bundled before them (as scripts/build.mjs does), removed after.
// Kept apart from helpers.ts, which bench code imports outside vitest.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { buildCli, runCli } from './helpers';

/** Runs the built CLI with its own empty XDG_DATA_HOME (runCli); `path()` is the bundle, for a child that must outlive one call. */
export interface BuiltCli {
  (...args: string[]): ReturnType<typeof runCli>;
  path(): string;
}

/** Registers the bundle's build and removal with the enclosing describe block (or file). */
export function useBuiltCli(buildTimeoutMs?: number): BuiltCli {
  let cli = '';
  beforeAll(async () => {
    cli = await buildCli();
  }, buildTimeoutMs);
  afterAll(() => rmSync(cli, { force: true }));
  return Object.assign((...args: string[]) => runCli(cli, ...args), { path: () => cli });
}
