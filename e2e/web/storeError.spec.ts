// A database that fails its checks is reported in the UI by file and reason, and never written to.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { startServe } from '../support/warroomServe';
import { giveName } from '../support/nameDialog';

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

test('a corrupt store is shown with its file and reason, and left untouched', async ({ page }) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'warroom-e2e-corrupt-'));
  const dbFile = path.join(dir, 'warroom.db');
  writeFileSync(dbFile, randomBytes(64 * 1024));
  const before = sha256(dbFile);
  const host = await startServe([], dir);
  try {
    await page.goto(host.openUrl);
    await giveName(page, 'Sam Okafor');
    const banner = page.getByRole('alert').filter({ hasText: 'warroom.db' }).first();
    await expect(banner).toBeVisible();
    await page.getByLabel('Title').fill('Cannot be saved');
    await page.getByLabel('Started at').fill('2026-11-21 10:00');
    await page.getByRole('button', { name: 'Create incident' }).click();
    await expect(page.getByRole('alert').filter({ hasText: /could not|can't|cannot/i }).first()).toBeVisible();
    await expect(page.getByLabel('Title')).toHaveValue('Cannot be saved');
  } finally {
    await host.stop();
  }
  expect(sha256(dbFile)).toBe(before);
  rmSync(dir, { recursive: true, force: true });
});
