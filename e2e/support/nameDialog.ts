// The "Your name" dialog every fresh browser meets first. It is modal: until it has closed, typing
// elsewhere on the page goes nowhere, so every test waits for that before going on.
import { expect, type Page } from '@playwright/test';

export async function giveName(page: Page, name: string): Promise<void> {
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByLabel('Your name')).toBeHidden();
}
