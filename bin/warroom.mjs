#!/usr/bin/env node
// The `warroom` command. The build (run by `npm install` through `prepare`) produces dist/cli.mjs.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cli = fileURLToPath(new URL('../dist/cli.mjs', import.meta.url));
if (!existsSync(cli)) {
  console.error('warroom: dist/cli.mjs is missing; run `npm run build` first.');
  process.exit(1);
}
await import(pathToFileURL(cli).href);
