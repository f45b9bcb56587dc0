// WCAG AA on every tab of an incident with content in it, in both themes: axe-core in real
// Chromium against a real `warroom serve`. Screenshots of every tab at 1280×720 and 1440×900 are
// saved under test-results/glance/ for a person to look at.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from '../support/warroomServe';
import { declareIncident, LAPTOP, openAs, quickAdd, type Viewport } from '../support/incidentPage';

const TITLE = 'Checkout API returns 500s for EU customers after the payments deploy rollout';
const TABS = ['Timeline', 'Terminals', 'Decisions', 'Checklists', 'Actions', 'Comms', 'Roles', 'Postmortem'] as const;
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Something on every tab, so the check sees filled tables, tags and states, not empty screens. */
async function fillIncident(page: Page): Promise<void> {
  await quickAdd(page, '-10m Error rate on checkout above 30% #payments');
  await quickAdd(page, '! Rolled back the payments deploy #payments');
  await page.getByRole('tab', { name: 'Checklists' }).click();
  await page.getByLabel('New checklist from').selectOption({ label: 'Incident kickoff' });
  await page.getByRole('button', { name: 'New checklist' }).click();
  await page.getByRole('checkbox', { name: /^Done: Name the incident commander/ }).click();
  await page.getByRole('checkbox', { name: /^Done: Check that the backups/ }).click();
  await page.getByRole('tab', { name: 'Roles' }).click();
  await page.getByLabel('Person for commander').fill('Priya Raman');
  await page.getByRole('button', { name: 'Assign commander' }).click();
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await quickAdd(page, '/decision Fail over to the secondary acquirer?');
  const dialog = page.getByRole('dialog', { name: 'New decision' });
  await dialog.getByLabel('Option 1', { exact: true }).fill('Fail over');
  await dialog.getByLabel('Option 2', { exact: true }).fill('Wait');
  await dialog.getByRole('radio', { name: 'Fail over' }).check();
  await dialog.getByRole('button', { name: 'Log decision' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('tab', { name: 'Comms' }).click();
  await page.getByLabel('Audience').selectOption('customers');
  await page.getByLabel('Update text').fill('We are investigating errors at checkout.');
  await page.getByRole('button', { name: 'Post update' }).click();
  await expect(page.getByText('Updates sent (1)')).toBeVisible();
  // No webhook on this host: nothing claims the update reached customers.
  await expect(page.getByRole('status').filter({ hasText: 'Logged on the timeline. Copy it to your status page.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Copy the posted update' })).toBeVisible();
}

async function useTheme(page: Page, theme: 'Dark' | 'Light'): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByLabel('Theme').selectOption({ label: theme });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme.toLowerCase());
}

async function shoot(page: Page, tab: string, theme: string, viewport: Viewport): Promise<void> {
  await page.setViewportSize(viewport);
  await page.screenshot({ path: `test-results/glance/${tab.toLowerCase()}-${theme.toLowerCase()}-${viewport.width}x${viewport.height}.png` });
}

test('every tab passes the WCAG AA axe check in both themes', async ({ browser, host }) => {
  test.setTimeout(240_000);
  const page = await openAs(browser, host.openUrl, 'Priya Raman', LAPTOP);
  await declareIncident(page, TITLE, 'America/Denver');
  await fillIncident(page);

  const failures: string[] = [];
  for (const theme of ['Dark', 'Light'] as const) {
    await useTheme(page, theme);
    for (const tab of TABS) {
      await page.getByRole('tab', { name: tab }).click();
      await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
      // A running shell, so the check sees a live terminal and its recording, not an empty tab.
      if (tab === 'Terminals' && theme === 'Dark') {
        await page.getByRole('button', { name: 'New terminal' }).click();
        await expect(page.getByRole('tab', { name: /Terminal 1/ })).toContainText('running');
        // At 1280 px the recordings table fits its side column: the Size cell is not cut off.
        const side = (await page.getByRole('complementary', { name: 'Terminal history and recordings' }).boundingBox())!;
        const size = (await page.getByRole('table').filter({ hasText: 'Size' }).getByRole('cell').last().boundingBox())!;
        expect(size.x + size.width).toBeLessThanOrEqual(side.x + side.width);
      }
      const result = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
      for (const v of result.violations) {
        for (const node of v.nodes) failures.push(`${theme} ${tab}: ${v.id} (${v.impact}) ${node.target.join(' ')} — ${node.failureSummary?.split('\n').slice(1).join(' ').trim()}`);
      }
      await shoot(page, tab, theme, LAPTOP);
      await shoot(page, tab, theme, { width: 1440, height: 900 });
      await page.setViewportSize(LAPTOP);
    }
  }
  expect(failures, failures.join('\n')).toEqual([]);
});
