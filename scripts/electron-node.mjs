// Runs the host's store, pty and CLI tests under the Node that Electron embeds, against the
// node_modules the system Node installed. This is the proof, without the Electron binary, that
// every native module loads unchanged in Electron's main process: an N-API module does, a module
// built against one V8 ABI (better-sqlite3, for one) fails here with NODE_MODULE_VERSION.
//
// The runtime comes from the npm registry (the node-<os>-<arch> package ships the binary) into a
// cache outside node_modules; the system Node is neither replaced nor changed.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The Node in Electron 45 (its release notes, "Stack Changes": Node v24.21.0). Bump with Electron. */
export const ELECTRON_NODE_VERSION = '24.21.0';

/** The host tests that load a native module: the SQLite store, node-pty shells, the CLI over both, and the host started as the desktop app starts it. */
export const ELECTRON_NODE_TESTS = [
  'electron/main/test/hostProcess.test.ts',
  'electron/host/test/store.test.ts',
  'electron/host/test/durability.test.ts',
  'electron/host/test/diskFull.test.ts',
  'electron/host/test/cli.test.ts',
  'electron/host/terminals/test/session.test.ts',
];

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
/** npm publishes Node's binaries as node-<os>-<arch>; its os names differ from process.platform's. */
const NPM_OS = { linux: 'linux', darwin: 'darwin', win32: 'win' };

function cacheDir() {
  const base = process.env.WARROOM_CACHE_DIR ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'war-room');
  return path.join(base, `node-${ELECTRON_NODE_VERSION}`);
}

function fail(message) {
  console.error(`electron-node: ${message}`);
  process.exit(1);
}

/** Installs (once) and returns the path of the Node binary Electron embeds. */
function electronNode() {
  const npmOs = NPM_OS[process.platform];
  if (!npmOs) fail(`no Node package is published for ${process.platform}`);
  const pkg = `node-${npmOs}-${process.arch}`;
  const dir = cacheDir();
  const bin = path.join(dir, 'node_modules', pkg, 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
  if (!existsSync(bin)) {
    console.log(`electron-node: installing ${pkg}@${ELECTRON_NODE_VERSION} into ${dir}`);
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const res = spawnSync(npm, ['install', '--prefix', dir, `${pkg}@${ELECTRON_NODE_VERSION}`, '--no-save', '--no-package-lock', '--no-audit', '--no-fund'], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (res.status !== 0 || !existsSync(bin)) fail(`could not install ${pkg}@${ELECTRON_NODE_VERSION} from the npm registry (see above)`);
  }
  const version = spawnSync(bin, ['-p', 'process.versions.node + " (modules " + process.versions.modules + ")"'], { encoding: 'utf8' });
  if (version.status !== 0 || !version.stdout.startsWith(`${ELECTRON_NODE_VERSION} `)) fail(`${bin} is not Node ${ELECTRON_NODE_VERSION}: ${version.stdout}${version.stderr}`);
  console.log(`electron-node: Node ${version.stdout.trim()} at ${bin}; system Node ${process.versions.node} (modules ${process.versions.modules})`);
  return bin;
}

const node = electronNode();
if (!existsSync(path.join(root, 'dist', 'cli.mjs'))) fail('dist/cli.mjs is missing; run `npm run build` first');
// Vitest's forks inherit process.execPath, and the CLI tests spawn process.execPath: all of it runs on this Node.
const res = spawnSync(node, [path.join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...ELECTRON_NODE_TESTS, ...process.argv.slice(2)], {
  cwd: root,
  stdio: ['ignore', 'inherit', 'inherit'],
});
process.exit(res.status ?? 1);
