// Layering, checked by lint (after VS Code's code-layering rule):
//   shared/        runs anywhere: no Node built-ins, no DOM, nothing from electron/ or renderer/
//   renderer/      browser: nothing from electron/, no Node built-ins
//   electron/host  plain Node: never imports `electron`
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import importX from 'eslint-plugin-import-x';
import { layersPlugin } from './scripts/lint/layerImports.mjs';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeBuiltins.map((name) => ({ name, message: 'shared/ runs anywhere: no Node built-ins.' })), { name: 'electron', message: 'shared/ never imports electron.' }],
          patterns: [
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ imports nothing from electron/ or renderer/.' },
            { group: ['react', 'react-dom', 'react-dom/*'], message: 'shared/ has no DOM or UI.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', '__dirname', 'require'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeBuiltins.map((name) => ({ name, message: 'renderer/ runs in a browser.' })), { name: 'electron', message: 'renderer/ reaches the host only through its client module.' }],
          patterns: [{ group: ['**/electron/**'], message: 'renderer/ imports nothing from electron/.' }],
        },
      ],
    },
  },
  {
    files: ['electron/host/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The host is plain Node; it never imports electron.' }],
          patterns: [
            { group: ['electron/*'], message: 'The host is plain Node; it never imports electron.' },
            { group: ['**/renderer/**', '**/main/**', '**/preload/**'], message: 'The host imports only shared/ and its own files.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts', 'scripts/**/*.{js,mjs,ts}', 'bench/**/*.{js,mjs,ts}', 'e2e/**/*.ts', 'bin/**/*.mjs', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },
  // What each layer may import, npm packages included: the table is scripts/lint/layerImports.mjs.
  {
    files: ['shared/**/*.{ts,tsx}', 'renderer/**/*.{ts,tsx}', 'electron/**/*.ts'],
    plugins: { layers: layersPlugin, 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.mjs', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [importX.createNodeResolver({ extensions: ['.ts', '.tsx', '.mjs', '.js', '.json'] })],
    },
    rules: {
      'layers/layer-imports': 'error',
      // A cycle makes load order decide what a module sees; keep every import graph a tree.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
);
