// Embedded terminals in Chromium against a real `warroom serve` and a real login shell (bash):
// run, resize, pin to the timeline, command capture, and escape-sequence injection.
import { existsSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, type ServedHost } from '../support/warroomServe';
import { giveName } from '../support/nameDialog';
import { TEST_RENDERER_LAUNCH, useTestRenderer } from '../support/testRenderer';

const TERMINAL = 'Terminal 1';

// Buffers are read through the test build's terminal registry.
test.use({ launchOptions: TEST_RENDERER_LAUNCH });
test.beforeEach(({ page, host }) => useTestRenderer(page, host.url));

async function openIncidentTerminal(page: Page, host: ServedHost): Promise<void> {
  await page.goto(host.openUrl);
  await giveName(page, 'Priya Raman');
  await page.getByLabel('Title').fill('Standby replication broken');
  await page.getByRole('button', { name: 'Create incident' }).click();
  await expect(page.getByRole('grid', { name: 'Timeline' })).toBeVisible();
  await page.getByRole('tab', { name: 'Terminals' }).click();
  await page.getByRole('button', { name: 'New terminal' }).click();
  await expect(page.getByRole('tab', { name: /Terminal 1/ })).toContainText('running');
  await waitForPrompt(page);
}

/** Every line of the terminal's buffer (scrollback and screen), read through the test build's registry. */
async function bufferLines(page: Page, name = TERMINAL): Promise<string[]> {
  return page.evaluate((n) => {
    const term = (globalThis as { __warroomTerminals?: Map<string, import('@xterm/xterm').Terminal> }).__warroomTerminals?.get(n);
    if (!term) return [];
    const buffer = term.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < buffer.length; i++) lines.push(buffer.getLine(i)?.translateToString(true) ?? '');
    return lines;
  }, name);
}

async function waitForPrompt(page: Page): Promise<void> {
  await expect.poll(async () => (await bufferLines(page)).some((l) => /[$#]\s*$/.test(l))).toBe(true);
}

async function run(page: Page, command: string): Promise<void> {
  await page.locator('.terminal-view:not([hidden]) .xterm').click();
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
}

/** Viewport pixel position of a cell: the centre of column `col` on the last buffer line matching `line`. */
async function cellPoint(page: Page, line: RegExp, col: number): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(
    ({ source, col: c, n }) => {
      const term = (globalThis as { __warroomTerminals?: Map<string, import('@xterm/xterm').Terminal> }).__warroomTerminals?.get(n);
      const screen = term?.element?.querySelector('.xterm-screen');
      if (!term || !screen) return null;
      const buffer = term.buffer.active;
      const re = new RegExp(source);
      for (let y = buffer.length - 1; y >= 0; y--) {
        if (!re.test(buffer.getLine(y)?.translateToString(true) ?? '')) continue;
        const rect = screen.getBoundingClientRect();
        const cellW = rect.width / term.cols;
        const cellH = rect.height / term.rows;
        return { x: rect.left + (c + 0.5) * cellW, y: rect.top + (y - buffer.viewportY + 0.5) * cellH };
      }
      return null;
    },
    { source: line.source, col, n: TERMINAL },
  );
  if (!point) throw new Error(`no line matching ${line}`);
  return point;
}

async function sttySize(page: Page, tag: string): Promise<string> {
  await run(page, `echo ${tag} $(stty size)`);
  let found = '';
  await expect
    .poll(async () => {
      found = (await bufferLines(page)).map((l) => new RegExp(`^${tag} (\\d+ \\d+)$`).exec(l)?.[1]).find(Boolean) ?? '';
      return found;
    })
    .not.toBe('');
  return found;
}

test('a terminal runs a command, follows resizes, pins output and logs commands to the timeline', async ({ page, host }) => {
  await openIncidentTerminal(page, host);

  await run(page, 'echo $((6*7))');
  await expect.poll(async () => (await bufferLines(page)).includes('42')).toBe(true);

  const before = await sttySize(page, 'SIZE-A');
  await page.setViewportSize({ width: 1000, height: 620 });
  await expect.poll(async () => sttySize(page, `SIZE-${Date.now()}`), { timeout: 15_000 }).not.toBe(before);

  // Pin: select the output line with a real mouse drag, then "Add to timeline".
  await run(page, 'echo PIN-$((6*7))-OK');
  await expect.poll(async () => (await bufferLines(page)).includes('PIN-42-OK')).toBe(true);
  const from = await cellPoint(page, /^PIN-42-OK$/, 0);
  const to = await cellPoint(page, /^PIN-42-OK$/, 8);
  await page.mouse.move(from.x - 2, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x + 2, to.y, { steps: 5 });
  await page.mouse.up();
  const pin = page.getByRole('button', { name: 'Add to timeline' });
  await expect(pin).toBeEnabled();
  await pin.click();
  await expect(page.getByRole('status').filter({ hasText: 'Added to timeline' })).toBeAttached();

  // Command capture: switched on, the next command becomes a timeline entry.
  await page.getByRole('switch', { name: 'Log commands to timeline' }).check();
  await run(page, 'echo captured-$((40+2))');
  await expect(page.getByRole('table', { name: `History of ${TERMINAL}` })).toContainText('echo captured-$((40+2))');

  await page.screenshot({ path: '/tmp/term.png' });

  await page.getByRole('tab', { name: 'Timeline' }).click();
  const timeline = page.getByRole('grid', { name: 'Timeline' });
  const pinned = timeline.getByRole('row').filter({ hasText: 'Output from' });
  await expect(pinned).toContainText(TERMINAL);
  await expect(pinned.locator('pre code')).toHaveText('PIN-42-OK');
  await expect(timeline.getByRole('row').filter({ hasText: '$ echo captured-$((40+2))' })).toContainText('exit 0');

  // Back on Terminals, the shell and its scrollback are still there.
  await page.getByRole('tab', { name: 'Terminals' }).click();
  expect(await bufferLines(page)).toContain('PIN-42-OK');
});

test('escape sequences cannot write or read the clipboard, navigate, or run pasted commands', async ({ page, host, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.url });
  const popups: string[] = [];
  context.on('page', (p) => popups.push(p.url()));
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await openIncidentTerminal(page, host);
  const sentinel = `sentinel-${Date.now()}`;
  await page.evaluate((s) => navigator.clipboard.writeText(s), sentinel);

  // OSC 52 write and query: the clipboard keeps the sentinel and no answer is typed into the shell.
  await run(page, `printf '\\033]52;c;%s\\a' "$(printf pwned | base64)"; echo OSC52-WRITE-DONE`);
  await run(page, `printf '\\033]52;c;?\\a'; echo OSC52-QUERY-DONE`);
  await expect.poll(async () => (await bufferLines(page)).includes('OSC52-QUERY-DONE')).toBe(true);
  // Anything the query made the terminal type would reach the shell before this command's output.
  await run(page, 'echo OSC52-SETTLED');
  await expect.poll(async () => (await bufferLines(page)).includes('OSC52-SETTLED')).toBe(true);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(sentinel);
  const lines = await bufferLines(page);
  expect(lines.filter((l) => l.includes('52;') && !l.includes('printf'))).toEqual([]);

  // OSC 8 links to file: and javascript: do nothing when clicked.
  const startUrl = page.url();
  await run(page, `printf '\\033]8;;file:///etc/passwd\\033\\\\FILE-LINK\\033]8;;\\033\\\\\\n'`);
  await run(page, `printf '\\033]8;;javascript:alert(1)\\033\\\\JS-LINK\\033]8;;\\033\\\\\\n'`);
  await expect.poll(async () => (await bufferLines(page)).includes('JS-LINK')).toBe(true);
  for (const label of [/^FILE-LINK$/, /^JS-LINK$/]) {
    const at = await cellPoint(page, label, 2);
    await page.mouse.move(at.x, at.y);
    await page.mouse.click(at.x, at.y);
  }
  // A click's navigation or popup starts in its handler; a round trip through the page's next
  // frame comes back after the browser has reported either.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  expect(page.url()).toBe(startUrl);
  expect(popups).toEqual([]);
  expect(dialogs).toEqual([]);

  // A paste that tries to end bracketed paste early and run a command.
  const target = path.join(os.tmpdir(), `warroom-paste-${Date.now()}`);
  rmSync(target, { force: true });
  await page.evaluate((file) => {
    const textarea = document.querySelector('.terminal-view:not([hidden]) .xterm-helper-textarea');
    const data = new DataTransfer();
    data.setData('text/plain', `echo pasted\u001b[201~\ntouch ${file}\n`);
    textarea?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, target);
  await expect.poll(async () => (await bufferLines(page)).some((l) => l.includes('echo pasted[201~'))).toBe(true);
  // The shell runs commands in order: had the paste run `touch`, it would have finished before this one.
  await page.keyboard.press('Control+C');
  await run(page, 'echo PASTE-SETTLED');
  await expect.poll(async () => (await bufferLines(page)).includes('PASTE-SETTLED')).toBe(true);
  expect(existsSync(target)).toBe(false);
  rmSync(target, { force: true });
});

test('a link shows its target on hover, opens only on Ctrl+click, and an OSC 8 link whose text is not its target asks first', async ({ page, host, context }) => {
  const TARGET = 'https://status.example.test/link-target';
  // The link targets are served here, so a popup that does open loads at once and shows its URL.
  await context.route(`${TARGET}/**`, (route) => route.fulfill({ contentType: 'text/plain', body: 'link target' }));
  // Pages are listed in the order they were created, so a page the plain click (or the Cancel) had
  // opened would stand before the one a later Ctrl+click opens: no wait is needed to see it did not.
  const popups: Page[] = [];
  context.on('page', (p) => popups.push(p));
  const opened = () =>
    Promise.all(
      popups.map(async (p) => {
        await p.waitForLoadState();
        return p.url();
      }),
    );
  await openIncidentTerminal(page, host);
  await run(page, `printf 'see %s/plain for status\\n' ${TARGET}`);
  await run(page, `printf '\\033]8;;${TARGET}/osc8\\033\\\\Status page\\033]8;;\\033\\\\\\n'`);
  await expect.poll(async () => (await bufferLines(page)).includes('Status page')).toBe(true);
  const tooltip = page.getByRole('tooltip');

  // A plain-text URL: hovering shows the full target; a plain click opens nothing; Ctrl+click opens it.
  const plain = await cellPoint(page, /^see https/, 10);
  await page.mouse.move(plain.x, plain.y);
  await expect(tooltip).toContainText(`${TARGET}/plain`);
  await expect(tooltip).toContainText('Ctrl+click to open');
  await page.mouse.click(plain.x, plain.y);
  await page.keyboard.down('Control');
  await page.mouse.click(plain.x, plain.y);
  await page.keyboard.up('Control');
  await expect.poll(opened).toEqual([`${TARGET}/plain`]);

  // An OSC 8 link whose text says something else: hovering shows where it goes; Ctrl+click asks first, showing both.
  const osc8 = await cellPoint(page, /^Status page$/, 3);
  await page.mouse.move(osc8.x, osc8.y);
  await expect(tooltip).toContainText(`${TARGET}/osc8`);
  await page.mouse.click(osc8.x, osc8.y);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const ctrlClick = async () => {
    // xterm looks for a link when the pointer enters another cell: come back onto it from another line.
    await page.mouse.move(plain.x, plain.y);
    await page.mouse.move(osc8.x, osc8.y);
    await expect(tooltip).toContainText(`${TARGET}/osc8`);
    await page.keyboard.down('Control');
    await page.mouse.click(osc8.x, osc8.y);
    await page.keyboard.up('Control');
  };
  await ctrlClick();
  const confirm = page.getByRole('dialog', { name: 'Open this link?' });
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText('Status page');
  await expect(confirm).toContainText(`${TARGET}/osc8`);
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await ctrlClick();
  await confirm.getByRole('button', { name: 'Open link' }).click();
  await expect.poll(opened).toEqual([`${TARGET}/plain`, `${TARGET}/osc8`]);
});

test('a reload re-attaches the running shell; leaving the incident ends it', async ({ page, host }) => {
  await openIncidentTerminal(page, host);
  await run(page, 'export KEPT=$((6*7)); echo BEFORE-RELOAD');
  await expect.poll(async () => (await bufferLines(page)).includes('BEFORE-RELOAD')).toBe(true);
  const incidentUrl = page.url();

  await page.reload();
  // Not even opening the Terminals tab: the re-attached shell mounts the panel by itself.
  await page.getByRole('tab', { name: 'Terminals' }).click();
  await expect(page.getByRole('tab', { name: /Terminal 1/ })).toContainText('running');
  await expect.poll(async () => (await bufferLines(page)).includes('BEFORE-RELOAD')).toBe(true);
  await run(page, 'echo SAME-SHELL-$KEPT');
  await expect.poll(async () => (await bufferLines(page)).includes('SAME-SHELL-42')).toBe(true);
  await page.screenshot({ path: '/tmp/term-reattached.png' });

  await page.getByRole('link', { name: /back|all incidents/i }).first().click();
  await expect(page.getByRole('tab', { name: 'Terminals' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'War Room' })).toBeVisible();
  await page.goto(incidentUrl);
  await page.getByRole('tab', { name: 'Terminals' }).click();
  await expect(page.getByRole('button', { name: 'Open a terminal' })).toBeVisible();
  await expect(page.getByRole('tab', { name: /Terminal 1/ })).toHaveCount(0);
});
