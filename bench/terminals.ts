// Terminal benchmarks, through the full path — pty → host → WebSocket → xterm in Chromium —
// against a raw node-pty in this process, measured in the same run:
//   - bytes/s of `cat` on a 200 MB file (8 MB with --quick), against a raw pty read and against
//     xterm parsing the same bytes from memory in the same page and terminal, acknowledged with the
//     host's flow control (the limit of this path without a GPU);
//   - keystroke → echo latency, idle and while another terminal floods with `yes`;
//   - host RSS growth during 30 s of `yes`.
// In the page, terminals are reached through the registry the test build of the terminal UI keeps
// (dist/renderer-test, served by useTestRenderer; globalThis.__warroomTerminals, name → xterm Terminal): input goes in with term.input() — exactly
// what a keystroke produces — and "arrived" means xterm has parsed it (onWriteParsed).
import type { Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn as spawnPty, type IPty } from 'node-pty';
import { ACK_BLOCK_CHARS, HIGH_WATER_CHARS, LOW_WATER_CHARS } from '../shared/terminal/protocol';
import type { BenchRow } from './report';
import { SCALE } from './scale';
import { chromium } from '@playwright/test';
import { TEST_RENDERER_LAUNCH, useTestRenderer } from '../e2e/support/testRenderer';
import { importArchive, rssBytes, serve } from './servedHost';
import { fmtMb, fmtMs, percentile } from './stats';

const FILE_BYTES = SCALE.catBytes;
/** Chunk size of the in-memory baseline's writes: a large batch of pty output. */
const MEMORY_CHUNK_BYTES = 64 * 1024;
/** Log lines, as a responder would `cat` them: mostly ASCII, one multi-byte character per line. */
const LINE = [
  '2026-11-22T01:42:17.123Z INFO  replication lag=43s db-2 wal_lsn=0/9A3F2C18 applied=0/9A3E0000 ✓',
  '2026-11-22T01:42:17.124Z WARN  rsync: deleting var/lib/mysql/ibdata1 (standby) bytes=12884901888 ✗',
  '2026-11-22T01:42:17.125Z INFO  restore progress 42% 1.2 GB/s eta=3h12m chunk=000000010000002A000000FF →',
].join('\n') + '\n';
const KEYSTROKES = SCALE.keystrokes;
const FLOOD_MS = SCALE.floodMs;
const FLOOD_VISIBLE_MS = SCALE.floodVisibleMs;
const RSS_SAMPLE_MS = 1000;
const SETTLE_MS = 1500;
const ECHO_MARGIN_MS = 10;
const RSS_GROWTH_LIMIT = 100 * 1024 * 1024;
const COLS = 120;
const ROWS = 36;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function makeFile(dir: string): string {
  const file = path.join(dir, 'cat-200mb.txt');
  const chunk = Buffer.from(LINE.repeat(Math.ceil((8 * 1024 * 1024) / Buffer.byteLength(LINE))));
  const parts: Buffer[] = [];
  let size = 0;
  while (size < FILE_BYTES) {
    parts.push(chunk);
    size += chunk.length;
  }
  writeFileSync(file, Buffer.concat(parts).subarray(0, FILE_BYTES));
  return file;
}

function loginShell(): string {
  return os.userInfo().shell || process.env.SHELL || '/bin/sh';
}

/** Raw baseline: node-pty reading `cat FILE` in this process. */
function rawCat(file: string): Promise<number> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const pty = spawnPty('/bin/cat', [file], { cols: COLS, rows: ROWS, encoding: null });
    pty.onData(() => {});
    pty.onExit(() => resolve(performance.now() - t0));
  });
}

/** Raw baseline: keystroke → echo on a shell in a raw node-pty. */
async function rawEcho(count: number): Promise<number[]> {
  const pty: IPty = spawnPty(loginShell(), [], { cols: COLS, rows: ROWS, cwd: os.homedir(), env: process.env as Record<string, string> });
  let waiter: (() => void) | null = null;
  pty.onData(() => {
    waiter?.();
    waiter = null;
  });
  await sleep(SETTLE_MS);
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    await new Promise<void>((resolve) => {
      waiter = resolve;
      pty.write(i % 20 === 19 ? '\x15' : 'x'); // Ctrl+U every 20 keys keeps the line short
    });
    times.push(performance.now() - t0);
  }
  pty.kill();
  return times;
}

async function openIncidentTerminals(page: Page, openUrl: string, id: string) {
  await page.addInitScript(() => localStorage.setItem('warroom.displayName', 'Bench'));
  await useTestRenderer(page, openUrl);
  await page.goto(openUrl);
  await page.getByRole('table', { name: 'Incidents' }).waitFor();
  await page.evaluate((hash) => (window.location.hash = hash), `#/incident/${id}`);
  await page.getByRole('tab', { name: 'Terminals' }).click();
}

async function newTerminal(page: Page, name: string) {
  await page.getByRole('button', { name: 'New terminal' }).click();
  await page.waitForFunction((n) => (globalThis as { __warroomTerminals?: Map<string, unknown> }).__warroomTerminals?.has(n), name);
  await sleep(SETTLE_MS); // the shell's prompt and rc files
}

/** Types `command` + Enter into a terminal and resolves with ms until a line starting with `marker` is parsed. */
function runUntilMarker(page: Page, name: string, command: string, marker: string): Promise<number> {
  return page.evaluate(
    ({ name, command, marker }) =>
      new Promise<number>((resolve) => {
        type Term = {
          input(data: string): void;
          onWriteParsed(cb: () => void): { dispose(): void };
          buffer: { active: { baseY: number; cursorY: number; getLine(y: number): { translateToString(trim: boolean): string } | undefined } };
        };
        const term = (globalThis as unknown as { __warroomTerminals: Map<string, Term> }).__warroomTerminals.get(name)!;
        const t0 = performance.now();
        const sub = term.onWriteParsed(() => {
          const buf = term.buffer.active;
          const last = buf.baseY + buf.cursorY;
          for (let y = Math.max(0, last - 3); y <= last; y++) {
            if (buf.getLine(y)?.translateToString(true).startsWith(marker)) {
              sub.dispose();
              resolve(performance.now() - t0);
              return;
            }
          }
        });
        term.input(`${command}\r`);
      }),
    { name, command, marker },
  );
}

/**
 * Baseline: the same bytes written into the same xterm from memory — pre-built chunks, counted from
 * the write callback and acknowledged in ACK_BLOCK_CHARS blocks, with writing paused above
 * HIGH_WATER_CHARS unacknowledged and resumed below LOW_WATER_CHARS, as the host does. Resolves with
 * ms until the last chunk is parsed.
 */
function parseFromMemory(page: Page, name: string, totalBytes: number): Promise<number> {
  const chunk = LINE.repeat(Math.max(1, Math.floor(MEMORY_CHUNK_BYTES / Buffer.byteLength(LINE))));
  const chunks = Math.ceil(totalBytes / Buffer.byteLength(chunk));
  return page.evaluate(
    ({ name, chunk, chunks, high, low, block }) =>
      new Promise<number>((resolve) => {
        type Term = { write(data: string, cb?: () => void): void };
        const term = (globalThis as unknown as { __warroomTerminals: Map<string, Term> }).__warroomTerminals.get(name)!;
        let sent = 0;
        let parsedChunks = 0;
        let unacked = 0;
        let unackedParsed = 0;
        let paused = false;
        const t0 = performance.now();
        const pump = () => {
          while (!paused && sent < chunks) {
            sent++;
            unacked += chunk.length;
            if (unacked > high) paused = true;
            term.write(chunk, parsed);
          }
        };
        const parsed = () => {
          parsedChunks++;
          unackedParsed += chunk.length;
          if (unackedParsed >= block) {
            unacked -= unackedParsed;
            unackedParsed = 0;
            if (paused && unacked < low) {
              paused = false;
              pump();
            }
          }
          if (parsedChunks === chunks) resolve(performance.now() - t0);
        };
        pump();
      }),
    { name, chunk, chunks, high: HIGH_WATER_CHARS, low: LOW_WATER_CHARS, block: ACK_BLOCK_CHARS },
  );
}

/** Keystroke → echo parsed by xterm, `count` times, in the page. */
function pageEcho(page: Page, name: string, count: number): Promise<number[]> {
  return page.evaluate(
    async ({ name, count }) => {
      type Term = { input(data: string): void; onWriteParsed(cb: () => void): { dispose(): void } };
      const term = (globalThis as unknown as { __warroomTerminals: Map<string, Term> }).__warroomTerminals.get(name)!;
      const times: number[] = [];
      for (let i = 0; i < count; i++) {
        const t0 = performance.now();
        await new Promise<void>((resolve) => {
          const sub = term.onWriteParsed(() => {
            sub.dispose();
            resolve();
          });
          term.input(i % 20 === 19 ? '\x15' : 'x');
        });
        times.push(performance.now() - t0);
      }
      return times;
    },
    { name, count },
  );
}

export async function benchTerminals(root: string): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'warroom-bench-term-'));
  const fileDir = path.join(root, 'bench', 'tmp');
  mkdirSync(fileDir, { recursive: true });
  const file = makeFile(fileDir);
  const bytes = statSync(file).size;
  const id = importArchive(root, dataDir, 10);
  const served = await serve(root, dataDir);
  // The test build is served through Playwright's routing, which needs the launch options it names.
  const browser = await chromium.launch(TEST_RENDERER_LAUNCH);
  try {
    console.log(`bench:   raw pty: cat ${fmtMb(FILE_BYTES)}, keystroke echo…`);
    const rawMs = Math.min(await rawCat(file), await rawCat(file));
    const rawEchoMs = await rawEcho(KEYSTROKES);

    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await openIncidentTerminals(page, served.openUrl, id);
    await newTerminal(page, 'Terminal 1');
    console.log(`bench:   full path: cat ${fmtMb(FILE_BYTES)}…`);
    const fullMs = await runUntilMarker(page, 'Terminal 1', `cat ${file}; echo; echo CAT-DONE-$((6*7))`, 'CAT-DONE-42');
    const idleEcho = await pageEcho(page, 'Terminal 1', KEYSTROKES);
    console.log('bench:   baseline: xterm parsing the same bytes from memory…');
    const memoryMs = await parseFromMemory(page, 'Terminal 1', bytes);

    console.log(`bench:   full path: ${FLOOD_MS / 1000} s of yes in Terminal 2 (echo latency in Terminal 1 meanwhile)…`);
    await newTerminal(page, 'Terminal 2');
    const rssBefore = rssBytes(served.child.pid!);
    await page.evaluate(() => (globalThis as unknown as { __warroomTerminals: Map<string, { input(d: string): void }> }).__warroomTerminals.get('Terminal 2')!.input('yes\r'));
    const floodStart = Date.now();
    let rssMax = rssBefore;
    const sampler = setInterval(() => (rssMax = Math.max(rssMax, rssBytes(served.child.pid!))), RSS_SAMPLE_MS);
    // Most of the 30 s with the flooding terminal on screen (parsed at full speed: the host's worst
    // case), then typing in Terminal 1 while Terminal 2 floods in the background.
    await sleep(FLOOD_VISIBLE_MS);
    await page.getByRole('tab', { name: /Terminal 1/ }).click();
    await sleep(SETTLE_MS);
    const floodEcho = await pageEcho(page, 'Terminal 1', KEYSTROKES);
    await sleep(Math.max(0, FLOOD_MS - (Date.now() - floodStart)));
    clearInterval(sampler);
    rssMax = Math.max(rssMax, rssBytes(served.child.pid!));
    await page.evaluate(() => (globalThis as unknown as { __warroomTerminals: Map<string, { input(d: string): void }> }).__warroomTerminals.get('Terminal 2')!.input('\x03'));

    const rawRate = bytes / (rawMs / 1000);
    const fullRate = bytes / (fullMs / 1000);
    const memoryRate = bytes / (memoryMs / 1000);
    const rawP95 = percentile(rawEchoMs, 95);
    const idleP95 = percentile(idleEcho, 95);
    const floodP95 = percentile(floodEcho, 95);
    const growth = rssMax - rssBefore;
    const mbps = (rate: number) => `${(rate / 1e6).toFixed(1)} MB/s`;
    return [
      { what: `\`cat\` ${fmtMb(bytes)}: pty → host → WebSocket → xterm in Chromium`, measured: mbps(fullRate), baseline: `xterm parsing it from memory, same page: ${mbps(memoryRate)}`, ratio: fullRate / memoryRate, target: '≥ 0.7×', pass: fullRate / memoryRate >= 0.7 },
      { what: `\`cat\` ${fmtMb(bytes)}: the same full path against a raw pty read`, measured: mbps(fullRate), baseline: `raw node-pty read: ${mbps(rawRate)}`, ratio: fullRate / rawRate, target: '≥ 0.5×', pass: fullRate / rawRate >= 0.5 },
      { what: 'Keystroke → echo parsed by xterm, p95', measured: fmtMs(idleP95), baseline: `raw pty: ${fmtMs(rawP95)}`, ratio: idleP95 / rawP95, target: `≤ raw + ${ECHO_MARGIN_MS} ms`, pass: idleP95 <= rawP95 + ECHO_MARGIN_MS },
      { what: 'Keystroke → echo p95 while another terminal runs `yes`', measured: fmtMs(floodP95), baseline: `raw pty, idle: ${fmtMs(rawP95)}`, ratio: floodP95 / rawP95, target: `≤ raw + ${ECHO_MARGIN_MS} ms`, pass: floodP95 <= rawP95 + ECHO_MARGIN_MS },
      { what: `Host RSS growth during ${FLOOD_MS / 1000} s of \`yes\``, measured: fmtMb(growth), baseline: `host before: ${fmtMb(rssBefore)}`, ratio: rssMax / rssBefore, target: '< 100 MB', pass: growth < RSS_GROWTH_LIMIT },
    ];
  } finally {
    await browser.close();
    served.child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(file, { force: true });
  }
}
