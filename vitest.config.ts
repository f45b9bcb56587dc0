import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/test/**/*.test.ts', 'scripts/**/test/**/*.test.ts', 'electron/**/test/**/*.test.ts', 'renderer/**/test/**/*.test.{ts,tsx}'],
    // Host integration tests start real servers and child processes; two cores only.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
