import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [react()],
  // Test hooks (the terminal registry in renderer/terminals/xtermSetup.ts) exist only in the test
  // build, dist/renderer-test (scripts/build.mjs); this production config compiles them out.
  define: { 'import.meta.env.WARROOM_TEST_HOOKS': 'false' },
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome130',
    // Which chunks each screen needs (read by the chunk budget test and the bench).
    manifest: true,
  },
});
