// Sharing from the app, the way the host owner does it: the Share panel starts the room listener
// on a port the user types, invites an observer, and a second browser context opens the browser
// URL; the panel's "Connected now" follows the observer in and out.
import { createServer, type Server } from 'node:net';
import type { Page } from '@playwright/test';
import { test, expect } from '../support/warroomServe';
import { giveName } from '../support/nameDialog';

/** A port nobody listens on right now (the OS picks it, we release it). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function occupiedPort(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as { port: number }).port, server };
}

async function declareIncident(page: Page, openUrl: string): Promise<void> {
  await page.goto(openUrl);
  await giveName(page, 'Host Owner');
  await page.getByLabel('Title').fill('Checkout is down');
  await page.getByRole('button', { name: 'Create incident' }).click();
  await expect(page.getByRole('grid', { name: 'Timeline' })).toBeVisible();
}

test('share an incident, invite an observer who joins from a browser, revoke, stop', async ({ page, host, browser }) => {
  await declareIncident(page, host.openUrl);
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const panel = page.getByRole('dialog', { name: 'Share this incident' });
  await expect(panel.getByRole('button', { name: 'Invite an observer' })).toBeDisabled();

  // Refusals keep what was typed: a port that is not a number, then one that is taken.
  await panel.getByLabel('Interface').selectOption('127.0.0.1');
  const port = panel.getByLabel('Port');
  await port.fill('70000');
  await panel.getByRole('button', { name: 'Start sharing' }).click();
  await expect(panel.getByRole('alert')).toContainText('1 to 65535');
  await expect(port).toHaveValue('70000');
  const taken = await occupiedPort();
  await port.fill(String(taken.port));
  await panel.getByRole('button', { name: 'Start sharing' }).click();
  await expect(panel.getByRole('alert')).toContainText(`Port ${taken.port} is already in use`);
  await expect(port).toHaveValue(String(taken.port));
  taken.server.close();

  const free = await freePort();
  await port.fill(String(free));
  await panel.getByRole('button', { name: 'Start sharing' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Sharing on' })).toContainText(`http://127.0.0.1:${free}`);

  await panel.getByRole('button', { name: 'Invite an observer' }).click();
  const invitation = panel.getByRole('group', { name: 'Invitation' });
  await expect(invitation.getByLabel('Join link', { exact: true })).toHaveValue(new RegExp(`^warroom://join\\?host=127\\.0\\.0\\.1&port=${free}&room=`));
  await expect(invitation.getByLabel('Join code', { exact: true })).toHaveValue(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  const browserUrl = await invitation.getByLabel('Browser URL', { exact: true }).inputValue();
  expect(browserUrl.startsWith(`http://127.0.0.1:${free}/#room=`)).toBe(true);
  await expect(invitation.getByRole('button', { name: 'Copy browser URL' })).toBeVisible();
  const invitations = panel.getByRole('region', { name: 'Invitations' });
  await expect(invitations.getByRole('listitem')).toHaveCount(1);
  await expect(invitations.getByRole('listitem')).toContainText('observer');

  // The observer opens the browser URL in a browser of their own.
  const observerContext = await browser.newContext();
  const observer = await observerContext.newPage();
  await observer.goto(browserUrl);
  await giveName(observer, 'Olu');
  await expect(observer.getByRole('grid', { name: 'Timeline' })).toBeVisible();
  await expect(observer.getByLabel('Incident title')).toHaveValue('Checkout is down');

  const connected = panel.getByRole('list', { name: 'Connected people' });
  await expect(connected.getByRole('listitem')).toHaveCount(1);
  await expect(connected.getByRole('listitem')).toContainText('Olu · observer · since');

  // Revoking closes the observer's connection at once; the list empties by itself.
  await invitations.getByRole('button', { name: /^Revoke observer invitation/ }).click();
  await expect(panel.getByRole('region', { name: 'Connected now' })).toContainText('Nobody has joined.');
  await expect(invitations.getByRole('listitem')).toContainText('revoked');

  await panel.getByRole('button', { name: 'Stop sharing' }).click();
  await expect(panel.getByRole('button', { name: 'Start sharing' })).toBeVisible();
  await expect(panel.getByLabel('Port')).toHaveValue('7420');
  await observerContext.close();
});
