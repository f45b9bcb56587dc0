// The layer rules and the no-cycle rule, run through ESLint's own API with the repository's
// config: every forbidden import must fail, and the imports each layer relies on must pass.
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: ROOT });

async function layerMessages(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = 1;\n`, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'layers/layer-imports' || m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const FORBIDDEN: Array<[file: string, code: string]> = [
  ['shared/model/probe.ts', "import 'ws';"],
  ['shared/model/probe.ts', "import Database from '@photostructure/sqlite';"],
  ['shared/model/probe.ts', "import { Server } from '@hocuspocus/server';"],
  ['shared/model/probe.ts', "import { create } from 'zustand';"],
  ['shared/model/probe.ts', "import { useState } from 'react';"],
  ['shared/model/probe.ts', "import { readFileSync } from 'node:fs';"],
  ['shared/model/probe.ts', "import { app } from 'electron';"],
  ['shared/model/probe.ts', "import { HocuspocusProvider } from '@hocuspocus/provider';"],
  ['shared/model/probe.ts', "import { startHost } from '../../electron/host/host';"],
  ['shared/model/probe.ts', "export * from '../../renderer/app/App';"],
  ['renderer/timeline/probe.ts', "import { spawn } from 'node-pty';"],
  ['renderer/timeline/probe.ts', "import { Server } from '@hocuspocus/server';"],
  ['renderer/timeline/probe.ts', "import { WebSocketServer } from 'ws';"],
  ['renderer/timeline/probe.ts', "import pg from 'pg';"],
  ['renderer/timeline/probe.ts', "import { join } from 'node:path';"],
  ['renderer/timeline/probe.ts', "import { ipcRenderer } from 'electron';"],
  ['renderer/timeline/probe.ts', "const host = await import('../../electron/host/host');"],
  ['electron/host/probe.ts', "import { app } from 'electron';"],
  ['electron/host/probe.ts', "import Store from 'electron-store';"],
  ['electron/host/probe.ts', "import { create } from 'zustand';"],
  ['electron/host/probe.ts', "import { Terminal } from '@xterm/xterm';"],
  ['electron/host/probe.ts', "import { createRoot } from 'react-dom/client';"],
  ['electron/host/probe.ts', "import { createWindow } from '../main/window';"],
  ['electron/host/probe.ts', "import { App } from '../../renderer/app/App';"],
  ['electron/main/probe.ts', "import { App } from '../../renderer/app/App';"],
  ['electron/main/probe.ts', "import { Terminal } from '@xterm/xterm';"],
  ['electron/preload/probe.ts', "import { readFileSync } from 'node:fs';"],
  ['electron/preload/probe.ts', "import { startHost } from '../host/host';"],
  ['electron/preload/probe.ts', "import { IPC } from '../main/ipc';"],
  ['electron/preload/probe.ts', "import WebSocket from 'ws';"],
];

const ALLOWED: Array<[file: string, code: string]> = [
  ['shared/model/probe.ts', "import * as Y from 'yjs';\nimport { z } from 'zod';\nimport { DateTime } from 'luxon';\nimport type { HocuspocusProvider } from '@hocuspocus/provider';"],
  ['shared/model/test/probe.test.ts', "import { it } from 'vitest';\nimport fc from 'fast-check';"],
  ['renderer/timeline/probe.ts', "import { create } from 'zustand';\nimport { useVirtualizer } from '@tanstack/react-virtual';\nimport { readEntries } from '../../shared/model/doc';"],
  ['renderer/timeline/test/probe.test.ts', "import { WebSocketServer } from 'ws';"],
  ['electron/host/probe.ts', "import { readFileSync } from 'node:fs';\nimport { spawn } from 'node-pty';\nimport { Server } from '@hocuspocus/server';\nimport { readEntries } from '../../shared/model/doc';"],
  ['electron/main/probe.ts', "import { app } from 'electron';\nimport Store from 'electron-store';\nimport { startHost } from '../host/host';"],
  ['electron/preload/probe.ts', "import { contextBridge } from 'electron';\nimport { IPC } from '../../shared/protocol/ipcChannels';"],
];

describe('layer rules', () => {
  it.each(FORBIDDEN)('%s: refuses %s', async (file, code) => {
    expect(await layerMessages(file, code)).not.toEqual([]);
  });

  it.each(ALLOWED)('%s: allows %s', async (file, code) => {
    expect(await layerMessages(file, code)).toEqual([]);
  });
});

describe('no-cycle', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'warroom-cycle-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports two modules that import each other, and passes once the cycle is cut', async () => {
    mkdirSync(path.join(dir, 'shared'));
    writeFileSync(path.join(dir, 'shared/left.ts'), "import { right } from './right';\nexport const left = (): number => right() + 1;\n");
    writeFileSync(path.join(dir, 'shared/right.ts'), "import { left } from './left';\nexport const right = (): number => (left ? 1 : 0);\n");
    // The repository's config, with the temporary folder as the project root.
    const cycleLint = new ESLint({ cwd: dir, overrideConfigFile: path.join(ROOT, 'eslint.config.js') });
    const cycles = async (): Promise<number> =>
      (await cycleLint.lintFiles(['shared/left.ts'])).flatMap((r) => r.messages).filter((m) => m.ruleId === 'import-x/no-cycle').length;
    expect(await cycles()).toBe(1);
    writeFileSync(path.join(dir, 'shared/right.ts'), 'export const right = (): number => 1;\n');
    expect(await new ESLint({ cwd: dir, overrideConfigFile: path.join(ROOT, 'eslint.config.js') }).lintFiles(['shared/left.ts']).then((r) => r.flatMap((x) => x.messages).filter((m) => m.ruleId === 'import-x/no-cycle').length)).toBe(0);
  });
});
