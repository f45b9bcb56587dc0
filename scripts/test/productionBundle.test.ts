// The production bundle (dist/ after `npm run build`; `npm test` builds before the unit tests)
// carries no test hooks: no `__warroom…` global in the renderer, the CLI/host bundle or the
// Electron bundles. The test build (dist/renderer-test) is the one place they may appear.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const DIST = path.resolve(import.meta.dirname, '../../dist');
const TEST_HOOK = /__warroom\w*/g;

function scripts(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((f) => f.isFile() && /\.(m?js|cjs|html)$/.test(f.name))
    .map((f) => path.join(f.parentPath, f.name));
}

function hooksIn(files: string[]): string[] {
  return files.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(TEST_HOOK)].map((m) => `${path.relative(DIST, file)}: ${m[0]}`));
}

describe('production bundle', () => {
  it('has been built', () => {
    expect(existsSync(path.join(DIST, 'renderer', 'index.html')), `${DIST}/renderer is missing: run \`npm run build\``).toBe(true);
  });

  it('has no __warroom globals in the renderer, the CLI or the Electron bundles', () => {
    const files = [...scripts(path.join(DIST, 'renderer')), path.join(DIST, 'cli.mjs'), ...scripts(path.join(DIST, 'electron'))].filter(existsSync);
    expect(files.length).toBeGreaterThan(3);
    expect(hooksIn(files)).toEqual([]);
  });

  it('keeps them in the test build only, so the check above looks for the right name', () => {
    expect(hooksIn(scripts(path.join(DIST, 'renderer-test'))).length).toBeGreaterThan(0);
  });
});
