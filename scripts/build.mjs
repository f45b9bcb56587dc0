// Builds everything `npm start`, the CLI and the tests run:
//   dist/renderer/   the React UI (Vite), the production bundle
//   dist/renderer-test/  the same UI with test hooks (a terminal registry), which e2e and the bench load
//   dist/cli.mjs     the `warroom` command and headless host (esbuild, Node)
//   dist/electron/   main.mjs and preload.cjs (esbuild; electron and native modules stay external)
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
// Native modules are loaded from node_modules; both are N-API, so one build serves Node and Electron.
const nativeExternals = ['@photostructure/sqlite', 'node-pty', 'electron'];
const quiet = process.argv.includes('--quiet') || process.env.CI === 'true';

async function buildNode() {
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    external: nativeExternals,
    logLevel: 'warning',
    absWorkingDir: root,
    // Bundled CommonJS dependencies call require(); give the ESM bundle one.
    banner: { js: "import { createRequire as __wrCreateRequire } from 'node:module'; const require = __wrCreateRequire(import.meta.url);" },
  };
  await Promise.all([
    esbuild({ ...common, format: 'esm', entryPoints: ['electron/cli.ts'], outfile: 'dist/cli.mjs' }),
    esbuild({ ...common, format: 'esm', entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.mjs' }),
    esbuild({
      ...common,
      banner: undefined,
      // A sandboxed preload must be a single CommonJS file.
      format: 'cjs',
      entryPoints: ['electron/preload/preload.ts'],
      outfile: 'dist/electron/preload.cjs',
    }),
  ]);
}

async function buildRenderer() {
  const configFile = path.join(root, 'vite.config.ts');
  await viteBuild({ configFile, logLevel: quiet ? 'warn' : 'info' });
  // Built after the production bundle, never instead of it; it only differs by the test-hooks flag.
  await viteBuild({
    configFile,
    logLevel: 'warn',
    define: { 'import.meta.env.WARROOM_TEST_HOOKS': 'true' },
    build: { outDir: path.join(root, 'dist', 'renderer-test'), emptyOutDir: true },
  });
}

await Promise.all([buildNode(), buildRenderer()]);
if (!quiet) console.log('build: dist/renderer, dist/cli.mjs, dist/electron ready');
