// What alert intake and the status page look like in the app, against a real `warroom serve`:
// Comms writes the static status page into the data dir and says where, and refuses a folder
// holding a page War Room did not write; Settings lists the intake tokens with their routing rule
// (made with the real CLI) and revokes one.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServe, test, expect } from '../support/warroomServe';
import { declareIncident, postCustomerUpdate } from '../support/incidentPage';
import { giveName } from '../support/nameDialog';

test('Comms writes the status page of the open incident and says where', async ({ page, host }) => {
  await page.goto(host.openUrl);
  await giveName(page, 'Dana Comms');
  await declareIncident(page, 'Checkout slow for EU customers');
  await postCustomerUpdate(page, 'identified', 'We found the cause of slow checkouts.');

  await page.getByRole('button', { name: 'Write status page' }).click();
  const written = page.getByRole('status').filter({ hasText: 'Wrote' });
  await expect(written).toHaveText(/^Wrote (\S+)\/index\.html and \S+\/feed\.atom \(1 customer update\)\.$/);
  const file = /^Wrote (\S+) and/.exec((await written.textContent()) ?? '')?.[1] ?? '';
  expect(file.startsWith(path.join(host.dataDir, 'status-pages'))).toBe(true);
  expect(readFileSync(file, 'utf8')).toContain('We found the cause of slow checkouts.');

  const foreign = mkdtempSync(path.join(os.tmpdir(), 'warroom-e2e-site-'));
  writeFileSync(path.join(foreign, 'index.html'), '<p>our team page</p>');
  await page.getByLabel('Folder (full path; empty: the data folder)').fill(foreign);
  await page.getByRole('button', { name: 'Write status page' }).click();
  await expect(page.getByRole('alert')).toHaveText(`${path.join(foreign, 'index.html')} exists and was not written by War Room; it was left untouched.`);
  expect(readFileSync(path.join(foreign, 'index.html'), 'utf8')).toBe('<p>our team page</p>');
});

test('Settings lists the intake tokens with their routing rule and revokes one', async ({ page }) => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'warroom-e2e-intake-'));
  const cli = (...args: string[]) => execFileSync(process.execPath, [path.resolve('bin/warroom.mjs'), ...args, '--data-dir', dataDir], { encoding: 'utf8' });
  cli('intake', 'token', 'create', '--source', 'alertmanager', '--route', 'new');
  cli('intake', 'token', 'create', '--source', 'generic', '--route', 'append', '--service', 'checkout');
  const host = await startServe([], dataDir);
  try {
    await page.goto(host.openUrl);
    await giveName(page, 'Dana Ops');
    await declareIncident(page, 'Alerts routing check');
    await page.getByRole('button', { name: 'Settings' }).click();
    const table = page.getByRole('table', { name: 'Intake tokens' });
    await expect(table.getByRole('row')).toHaveCount(3);
    await expect(table.getByRole('row').nth(1)).toContainText('alertmanager');
    await expect(table.getByRole('row').nth(1)).toContainText('new incident per alert');
    await expect(table.getByRole('row').nth(2)).toContainText('append to the open incident of its service');
    await expect(table.getByRole('row').nth(2)).toContainText('checkout');
    await table.getByRole('button', { name: /Revoke the generic intake token/ }).click();
    await expect(table.getByRole('row').nth(2)).toContainText('revoked');
    await expect(table.getByRole('button', { name: /Revoke the alertmanager intake token/ })).toBeVisible();
    expect(cli('intake', 'token', 'list')).toMatch(/revoked/);
  } finally {
    await host.stop();
  }
});
