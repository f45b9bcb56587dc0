// Session recording and replay in system Chromium against a real `warroom serve`: run commands in
// a real shell, replay the recording in the app (play, seek, pause), and the terminal settings'
// inline errors that keep what was typed and save nothing.
import type { Page } from '@playwright/test';
import { test, expect } from '../support/warroomServe';
import { giveName } from '../support/nameDialog';
import { TEST_RENDERER_LAUNCH, useTestRenderer } from '../support/testRenderer';

/** Long enough that a replay which had not really paused would visibly move on. */
const PAUSE_CHECK_MS = 700;

// Terminal text is read through the test build's terminal registry.
test.use({ launchOptions: TEST_RENDERER_LAUNCH });
test.beforeEach(({ page, host }) => useTestRenderer(page, host.url));

/** The visible text of a terminal registered in the test build's globalThis.__warroomTerminals, or null if absent. */
async function terminalText(page: Page, name: string): Promise<string | null> {
  return page.evaluate((registered) => {
    type Line = { translateToString(trim: boolean): string };
    type Term = { buffer: { active: { length: number; getLine(i: number): Line | undefined } } };
    const terminals = (globalThis as unknown as { __warroomTerminals?: Map<string, Term> }).__warroomTerminals;
    const term = terminals?.get(registered);
    if (!term) return null;
    const buffer = term.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < buffer.length; i++) lines.push(buffer.getLine(i)?.translateToString(true) ?? '');
    return lines.join('\n');
  }, name);
}

async function openIncident(page: Page, openUrl: string): Promise<void> {
  await page.goto(openUrl);
  await giveName(page, 'Priya Raman');
  await page.getByLabel('Title').fill('Standby wiped by rsync');
  await page.getByLabel('Severity').selectOption('SEV1');
  await page.getByLabel('Time zone').fill('UTC');
  await page.getByRole('button', { name: 'Create incident' }).click();
  await expect(page.getByRole('grid', { name: 'Timeline' })).toBeVisible();
}

test('replay a recorded session: play, seek to the end, pause', async ({ page, host }) => {
  await openIncident(page, host.openUrl);
  await page.getByRole('tab', { name: 'Terminals' }).click();
  await page.getByRole('button', { name: 'New terminal' }).click();
  await expect.poll(() => terminalText(page, 'Terminal 1')).toMatch(/\S/); // the prompt

  // Arithmetic the shell does, so the echoed command line alone cannot satisfy the checks.
  await page.locator('.xterm-helper-textarea').first().focus();
  for (const command of ['echo first-$((6*7))', 'sleep 1', 'echo second-$((7*8))', 'printf "third-%s\\n" done']) {
    await page.keyboard.type(command);
    await page.keyboard.press('Enter');
  }
  await expect.poll(() => terminalText(page, 'Terminal 1')).toMatch(/third-done/);

  const recordings = page.getByRole('region', { name: 'Recordings' });
  await recordings.getByRole('button', { name: 'Refresh' }).click();
  await recordings.getByRole('button', { name: 'Replay Terminal 1' }).click();
  const dialog = page.getByRole('dialog', { name: 'Replay: Terminal 1' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Position')).toBeVisible();
  expect(await terminalText(page, 'Replay')).not.toMatch(/first-42/);

  await dialog.getByLabel('Speed').selectOption('4');
  await dialog.getByRole('button', { name: 'Play' }).click();
  await expect(dialog.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect.poll(() => terminalText(page, 'Replay')).toMatch(/first-42/);
  await page.screenshot({ path: '/tmp/replay.png' });

  // Seek to the end with the slider: everything recorded is on screen, and playback stops there.
  const slider = dialog.getByLabel('Position');
  const max = await slider.getAttribute('max');
  await slider.fill(max!);
  await expect.poll(() => terminalText(page, 'Replay')).toMatch(/second-56[\s\S]*third-done/);
  await expect(dialog.getByRole('button', { name: 'Play' })).toBeVisible();

  // Back to the start: the screen is reset. Play slowly, pause with Space, jump on with →.
  await slider.fill('0');
  await expect.poll(() => terminalText(page, 'Replay')).not.toMatch(/first-42/);
  await dialog.getByLabel('Speed').selectOption('0.5');
  await dialog.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => terminalText(page, 'Replay')).toMatch(/first-42/);
  await page.keyboard.press(' ');
  await expect(dialog.getByRole('button', { name: 'Play' })).toBeVisible();
  const pausedAt = await slider.inputValue();
  // The player steps on the page's own timers; a page timer queued now fires only after every
  // player step that was due before it, however loaded the machine is. None may have moved it.
  await page.evaluate((ms) => new Promise((resolve) => setTimeout(resolve, ms)), PAUSE_CHECK_MS);
  expect(await slider.inputValue()).toBe(pausedAt);
  expect(await terminalText(page, 'Replay')).not.toMatch(/third-done/);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => terminalText(page, 'Replay')).toMatch(/third-done/);

  await dialog.getByLabel('Skip idle time').check();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(await terminalText(page, 'Replay')).toBeNull();
});

test('terminal settings: a bad regex or env line is an inline error, keeps the text and saves nothing', async ({ page, host }) => {
  await page.goto(host.openUrl);
  await giveName(page, 'Priya Raman');
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });

  await dialog.getByLabel('Shell', { exact: true }).fill('/bin/sh');
  await dialog.getByRole('button', { name: 'Add rule' }).click();
  const rules = await dialog.getByLabel(/^Pattern of rule \d+$/).count();
  await dialog.getByLabel(`Name of rule ${rules}`).fill('Vault token');
  await dialog.getByLabel(`Pattern of rule ${rules}`).fill('hvs\\.([A-Za-z0-9]+');
  await dialog.getByLabel('Environment').fill('KUBECONFIG=/etc/kube/prod\nnot a variable');
  await dialog.getByRole('button', { name: 'Save settings' }).click();

  await expect(dialog.getByRole('alert').filter({ hasText: 'Rule "Vault token": Invalid regular expression' })).toBeVisible();
  await expect(dialog.getByRole('alert').filter({ hasText: 'Line 2' })).toBeVisible();
  await expect(dialog.getByLabel(`Pattern of rule ${rules}`)).toHaveValue('hvs\\.([A-Za-z0-9]+');
  await expect(dialog.getByLabel('Environment')).toHaveValue('KUBECONFIG=/etc/kube/prod\nnot a variable');
  await expect(dialog.getByLabel(`Pattern of rule ${rules}`)).toHaveAttribute('aria-invalid', 'true');

  // Nothing was saved: after Cancel, the dialog opens with the host's settings.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(dialog.getByLabel('Shell', { exact: true })).toHaveValue('');
  await expect(dialog.getByLabel(/^Pattern of rule \d+$/)).toHaveCount(rules - 1);

  // Fixed, it saves; Restore defaults brings the default rules back.
  await dialog.getByLabel('Allow programs to write the clipboard (OSC 52)').check();
  await dialog.getByRole('button', { name: 'Remove AWS access key id' }).click();
  await dialog.getByRole('button', { name: 'Save settings' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(dialog.getByLabel('Allow programs to write the clipboard (OSC 52)')).toBeChecked();
  await expect(dialog.getByLabel(/^Pattern of rule \d+$/)).toHaveCount(rules - 2);
  await dialog.getByRole('button', { name: 'Restore defaults' }).click();
  await expect(dialog.getByLabel(/^Pattern of rule \d+$/)).toHaveCount(rules - 1);
  await expect(dialog.getByLabel('Name of rule 1')).toHaveValue('AWS access key id');
});
