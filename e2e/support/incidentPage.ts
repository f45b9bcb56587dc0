// Opening a named browser context on a served host and declaring an incident: the first steps
// of most incident specs.
import { expect, type Browser, type Page } from '@playwright/test';
import { giveName } from './nameDialog';

export interface Viewport {
  width: number;
  height: number;
}

export const DESKTOP: Viewport = { width: 1440, height: 900 };
export const LAPTOP: Viewport = { width: 1280, height: 720 };

export async function openAs(browser: Browser, url: string, name: string, viewport: Viewport = DESKTOP): Promise<Page> {
  const page = await (await browser.newContext({ viewport })).newPage();
  await page.goto(url);
  await giveName(page, name);
  return page;
}

/** Declares a SEV1 in `zone` from the home screen and waits for its timeline; returns the incident id. */
export async function declareIncident(page: Page, title: string, zone = 'UTC'): Promise<string> {
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Severity').selectOption('SEV1');
  await page.getByLabel('Time zone').fill(zone);
  await page.getByRole('button', { name: 'Create incident' }).click();
  await expect(page.getByRole('grid', { name: 'Timeline' })).toBeVisible();
  return /#\/incident\/([0-9A-Z]{26})/.exec(page.url())![1]!;
}

export async function quickAdd(page: Page, text: string): Promise<void> {
  const field = page.getByLabel('Add timeline entry');
  await field.fill(text);
  await field.press('Enter');
  await expect(field).toHaveValue('');
}

/** Opens Comms and posts a status update to customers. */
export async function postCustomerUpdate(page: Page, template: string, text: string): Promise<void> {
  await page.getByRole('tab', { name: 'Comms' }).click();
  await page.getByLabel('Audience').selectOption('customers');
  await page.getByLabel('Template').selectOption(template);
  await page.getByLabel('Update text').fill(text);
  await page.getByRole('button', { name: 'Post update' }).click();
}
