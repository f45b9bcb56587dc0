// Closing a terminal whose command still runs asks first, in real Chromium against a real host
// with a real shell. The terminal's buffer is read through the test build's registry of xterm
// instances (the production bundle has none), served by Playwright's routing.
import { test, expect } from '../support/warroomServe';
import { declareIncident } from '../support/incidentPage';
import { giveName } from '../support/nameDialog';
import { TEST_RENDERER_LAUNCH, useTestRenderer } from '../support/testRenderer';

const TITLE = 'Checkout API returns 500s for EU customers';

test.use({ launchOptions: TEST_RENDERER_LAUNCH });

/** The last line of a terminal's buffer, read through the app's debug registry of xterm instances. */
async function lastTerminalLine(page: import('@playwright/test').Page, name: string): Promise<string> {
  return page.evaluate((n) => {
    const term = (globalThis as { __warroomTerminals?: Map<string, import('@xterm/xterm').Terminal> }).__warroomTerminals?.get(n);
    if (!term) return '';
    const buffer = term.buffer.active;
    for (let i = buffer.length - 1; i >= 0; i--) {
      const line = buffer.getLine(i)?.translateToString(true) ?? '';
      if (line.trim() !== '') return line;
    }
    return '';
  }, name);
}

test('closing a terminal whose command is still running asks first; at the prompt it just closes', async ({ page, host }) => {
  await useTestRenderer(page, host.url);
  await page.goto(host.openUrl);
  await giveName(page, 'Priya Raman');
  await declareIncident(page, TITLE);
  await page.getByRole('tab', { name: 'Terminals' }).click();
  await page.getByRole('button', { name: 'New terminal' }).click();
  const tab = page.getByRole('tab', { name: /Terminal 1/ });
  await expect(tab).toContainText('running');
  await expect.poll(() => lastTerminalLine(page, 'Terminal 1')).toMatch(/[$#]\s*$/);
  await page.locator('.terminal-view:not([hidden]) .xterm').click();
  await page.keyboard.type('sleep 600');
  await page.keyboard.press('Enter');
  await expect.poll(() => lastTerminalLine(page, 'Terminal 1')).toMatch(/sleep 600$/);

  await tab.focus();
  await tab.press('Delete');
  const ask = page.getByRole('dialog', { name: 'Close Terminal 1?' });
  await expect(ask).toContainText('sleep is still running in Terminal 1');
  await ask.getByRole('button', { name: 'Keep it running' }).click();
  await expect(ask).toBeHidden();
  await expect(tab).toContainText('running');

  // Back at the prompt, nothing is lost by closing: no question.
  await page.locator('.terminal-view:not([hidden]) .xterm').click();
  await page.keyboard.press('Control+C');
  await expect.poll(() => lastTerminalLine(page, 'Terminal 1')).toMatch(/[$#]\s*$/);
  await tab.focus();
  await tab.press('Delete');
  await expect(page.getByRole('tab', { name: /Terminal 1/ })).toHaveCount(0);
  await expect(page.getByRole('dialog')).toHaveCount(0);
});
