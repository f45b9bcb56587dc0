// What alert intake and the status page look like in the app, against a real `warroom serve`:
// Comms writes the static status page into the data dir and says where, and refuses a folder
// holding a page War Room did not write; Settings lists the intake tokens with their routing rule
// (made with the real CLI) and revokes one; an alert that opens an incident shows a desktop
// notification whose click opens it.
import AxeBuilder from '@axe-core/playwright';
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

test('Settings lists the intake tokens with their routing rule, revokes one and makes one', async ({ page }) => {
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
    const axe = await new AxeBuilder({ page }).include('dialog').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await table.getByRole('button', { name: /Revoke the generic intake token/ }).click();
    await expect(table.getByRole('row').nth(2)).toContainText('revoked');
    await expect(table.getByRole('button', { name: /Revoke the alertmanager intake token/ })).toBeVisible();
    expect(cli('intake', 'token', 'list')).toMatch(/revoked/);

    // A new token made here: its secret, shown once, is accepted by the intake.
    await page.getByLabel('Alert source').selectOption('generic');
    await page.getByLabel('Route').selectOption('append');
    await page.getByLabel('Fallback service').fill('payments');
    await page.getByRole('button', { name: 'Create intake token' }).click();
    const created = page.getByRole('status').filter({ hasText: 'Token created' });
    await expect(created).toContainText(`URL: ${host.url}/intake/generic`);
    await expect(table.getByRole('row')).toHaveCount(4);
    await expect(table.getByRole('row').nth(3)).toContainText('payments');
    const secret = /Bearer (\S+)/.exec((await created.textContent()) ?? '')?.[1] ?? '';
    const alert = { title: 'Payments down', severity: 'critical', dedupKey: 'payments-down', status: 'firing', time: '2026-12-06T20:15:00Z' };
    const posted = await fetch(`${host.url}/intake/generic`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` }, body: JSON.stringify(alert) });
    expect(posted.status).toBe(200);
  } finally {
    await host.stop();
  }
});

declare global {
  interface Window {
    shownNotifications?: Notification[];
  }
}

test('an alert that opens an incident shows a desktop notification, and its click opens the incident', async ({ page }) => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'warroom-e2e-alert-'));
  const created = execFileSync(process.execPath, [path.resolve('bin/warroom.mjs'), 'intake', 'token', 'create', '--source', 'alertmanager', '--route', 'new', '--data-dir', dataDir], { encoding: 'utf8' });
  const secret = /^token: (\S+)$/m.exec(created)?.[1] ?? '';
  const host = await startServe([], dataDir);
  try {
    await page.context().grantPermissions(['notifications'], { origin: host.url });
    // Records each notification the app makes; the real one is still made. The OS shows it where no test can click it.
    await page.addInitScript(() => {
      const Real = window.Notification;
      const shown: Notification[] = [];
      window.shownNotifications = shown;
      window.Notification = class extends Real {
        constructor(title: string, options?: NotificationOptions) {
          super(title, options);
          shown.push(this);
        }
      };
    });
    await page.goto(host.openUrl);
    await giveName(page, 'Dana Ops');

    const fixture = JSON.parse(readFileSync(path.resolve('electron/host/intake/test/fixtures/alertmanager.json'), 'utf8')) as { alerts: Array<{ labels: Record<string, string> }> };
    const body = { ...fixture, alerts: fixture.alerts.map((a) => ({ ...a, labels: { ...a.labels, severity: 'error' } })) };
    const posted = await fetch(`${host.url}/intake/alertmanager`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` }, body: JSON.stringify(body) });
    expect(posted.status).toBe(200);
    const incidentId = ((await posted.json()) as { opened: string[] }).opened[0];

    await expect.poll(() => page.evaluate(() => window.shownNotifications?.map((n) => n.title))).toEqual(['SEV2 opened from Alertmanager: HighErrorRate on checkout']);
    await page.evaluate(() => window.shownNotifications?.[0]?.onclick?.(new Event('click')));
    await expect(page).toHaveURL(new RegExp(`#/incident/${incidentId}$`));
    await expect(page.getByRole('textbox', { name: 'Incident title' })).toHaveValue('HighErrorRate on checkout');
  } finally {
    await host.stop();
  }
});
