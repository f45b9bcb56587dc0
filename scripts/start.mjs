// `npm start`: open the desktop app; where no Electron binary can be had, serve the
// same UI on loopback and print its URL so the war room still works in a browser.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);
// The lazy Electron download either finishes or fails quickly; don't hang a start on it.
const DOWNLOAD_TIMEOUT_MS = 120_000;

function electronBinary() {
  let pkgDir;
  try {
    pkgDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return { path: null, why: 'the electron package is not installed' };
  }
  const pathFile = path.join(pkgDir, 'path.txt');
  const located = () => {
    if (!existsSync(pathFile)) return null;
    const bin = path.join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(bin) ? bin : null;
  };
  if (located()) return { path: located(), why: '' };
  // Electron 45+ downloads its binary lazily, on first use.
  const res = spawnSync(process.execPath, [path.join(pkgDir, 'install.js')], {
    stdio: 'ignore',
    timeout: DOWNLOAD_TIMEOUT_MS,
  });
  const bin = located();
  return bin ? { path: bin, why: '' } : { path: null, why: res.error ? res.error.message : 'its download failed' };
}

const electron = electronBinary();
const passthrough = process.argv.slice(2);
let child;
if (electron.path) {
  child = spawn(electron.path, [root, ...passthrough], { stdio: 'inherit' });
} else {
  console.log(`No Electron binary could be had (${electron.why}); serving War Room in the browser instead:`);
  child = spawn(process.execPath, [path.join(root, 'bin', 'warroom.mjs'), 'serve', ...passthrough], { stdio: 'inherit' });
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
