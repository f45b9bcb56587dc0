// What each layer may import, npm packages included (after VS Code's code-layering rule).
// One table, read by the ESLint rule below, by its test and by docs/ARCHITECTURE.md's reader.
// A file's layer is its folder; anything under a `test/` folder may also use the layer's
// test packages. Relative imports are checked by the layer of the file they reach.
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const NODE_BUILTINS = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

/**
 * Pure packages: no DOM, no Node built-ins, no process of their own. ECharts counts: its
 * server-side mode draws the incident chart to an SVG string with no DOM, for the export.
 */
const PURE = ['yjs', 'y-protocols', 'lib0', 'zod', 'luxon', 'ulid', 'marked', 'echarts'];

/**
 * Every layer, most specific folder first. `layers` are the layers its files may import
 * (its own included); `node` lets it use Node built-ins.
 */
export const LAYERS = [
  {
    name: 'electron/preload',
    folder: 'electron/preload/',
    why: 'the preload runs sandboxed: electron and shared/ types only',
    layers: ['electron/preload', 'shared'],
    node: false,
    packages: ['electron'],
    testPackages: ['vitest'],
  },
  {
    name: 'electron/main',
    folder: 'electron/main/',
    why: 'the Electron glue: electron, its store, Node and the host',
    layers: ['electron/main', 'electron/host', 'shared'],
    node: true,
    packages: ['electron', 'electron-store', 'zod'],
    testPackages: ['vitest', 'ajv', 'js-yaml'],
  },
  {
    name: 'electron/host',
    folder: 'electron/host/',
    why: 'the host is plain Node: never electron, nothing of the UI',
    layers: ['electron/host', 'shared'],
    node: true,
    packages: [...PURE, 'ws', '@hocuspocus/server', '@hocuspocus/provider', '@hocuspocus/extension-redis', 'ioredis', '@photostructure/sqlite', 'node-pty', 'commander', 'conf', 'pg'],
    // html-validate and axe in Chromium check the static status page the host writes.
    testPackages: ['vitest', 'fast-check', 'esbuild', 'html-validate', '@playwright/test', '@axe-core/playwright'],
  },
  {
    name: 'electron/cli',
    folder: 'electron/cli.ts',
    why: 'the warroom command starts the host; it never imports electron',
    layers: ['electron/cli', 'electron/host', 'shared'],
    node: true,
    packages: ['commander', 'zod'],
    testPackages: [],
  },
  {
    name: 'renderer',
    folder: 'renderer/',
    why: 'renderer/ runs in a browser and reaches the host only through its client module',
    layers: ['renderer', 'shared'],
    node: false,
    packages: [...PURE, 'react', 'react-dom', 'zustand', '@tanstack/react-table', '@tanstack/react-virtual', '@hocuspocus/provider', 'y-indexeddb', 'dompurify', '@xterm/xterm', '@xterm/addon-fit', '@xterm/addon-search', '@xterm/addon-unicode11', '@xterm/addon-web-links', '@xterm/addon-webgl'],
    // Tests talk to a real WebSocket server, as the host would.
    testPackages: ['vitest', 'fast-check', 'ws', '@hocuspocus/server'],
  },
  {
    name: 'shared',
    folder: 'shared/',
    why: 'shared/ runs anywhere: pure packages only',
    layers: ['shared'],
    node: false,
    packages: PURE,
    /** Types only: the code that uses them gets the provider from its caller. */
    typeOnlyPackages: ['@hocuspocus/provider'],
    testPackages: ['vitest', 'fast-check', 'markdownlint-cli2'],
  },
];

/** The layer a repository-relative path belongs to, or undefined outside every layer. */
export function layerOf(relativePath) {
  const normal = relativePath.split(path.sep).join('/');
  return LAYERS.find((layer) => (layer.folder.endsWith('/') ? normal.startsWith(layer.folder) : normal === layer.folder));
}

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
export function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function isTestFile(relativePath) {
  return /(^|\/)test\//.test(relativePath.split(path.sep).join('/'));
}

/** Why `specifier` may not be imported from `file` (absolute), or null when it may. */
export function forbiddenImport(file, specifier, typeOnly) {
  const from = path.relative(ROOT, file);
  const layer = layerOf(from);
  if (!layer) return null;
  if (specifier.startsWith('.')) {
    const target = layerOf(path.relative(ROOT, path.resolve(path.dirname(file), specifier)));
    if (!target || layer.layers.includes(target.name)) return null;
    return `${layer.name} may not import from ${target.name}: ${layer.why}.`;
  }
  if (NODE_BUILTINS.has(specifier)) {
    return layer.node ? null : `${layer.name} may not import the Node built-in '${specifier}': ${layer.why}.`;
  }
  const name = packageName(specifier);
  const allowed = [...layer.packages, ...(isTestFile(from) ? layer.testPackages : []), ...(typeOnly ? (layer.typeOnlyPackages ?? []) : [])];
  if (allowed.includes(name)) return null;
  return `${layer.name} may not import '${name}': ${layer.why} (it may import ${layer.packages.join(', ')}).`;
}

/** The ESLint rule: every import, export-from and dynamic import with a literal source. */
export const layerImportsRule = {
  meta: { type: 'problem', docs: { description: 'What each layer may import, npm packages included' }, schema: [] },
  create(context) {
    const check = (node, source, typeOnly) => {
      if (!source || typeof source.value !== 'string') return;
      const message = forbiddenImport(context.filename, source.value, typeOnly);
      if (message) context.report({ node, message });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source, node.importKind === 'type'),
      ExportNamedDeclaration: (node) => check(node, node.source, node.exportKind === 'type'),
      ExportAllDeclaration: (node) => check(node, node.source, node.exportKind === 'type'),
      ImportExpression: (node) => check(node, node.source, false),
    };
  },
};

export const layersPlugin = { rules: { 'layer-imports': layerImportsRule } };
