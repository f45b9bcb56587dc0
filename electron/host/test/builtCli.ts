// The built CLI for a block of tests: bundled before them (as scripts/build.mjs does), removed after.
// Kept apart from helpers.ts, which bench code imports outside vitest.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { buildCli, runCli } from './helpers';

/**
 * Registers the bundle's build and removal with the enclosing describe block (or file) and returns
 * `warroom(...args)`, which runs it with its own empty XDG_DATA_HOME (runCli).
 */
export function useBuiltCli(buildTimeoutMs?: number): (...args: string[]) => ReturnType<typeof runCli> {
  let cli = '';
  beforeAll(async () => {
    cli = await buildCli();
  }, buildTimeoutMs);
  afterAll(() => rmSync(cli, { force: true }));
  return (...args) => runCli(cli, ...args);
}
