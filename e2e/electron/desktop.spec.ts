// The desktop app as a responder runs it: a write reaches the SQLite file in userData, a terminal
// runs a real shell, and a warroom://join link stops at the Join dialog for the user to confirm.
// Runs where an Electron binary is installed; elsewhere each test is reported skipped with why.
import { test, expect } from '@playwright/test';
import path from 'node:path';
import { incidentDocName } from '../../shared/protocol/api';
import { buildJoinLink } from '../../shared/protocol/room';
import { entryTextsOnDisk } from '../../electron/host/test/helpers';
import { DB_FILE_NAME } from '../../electron/host/store';
import { giveName } from '../support/nameDialog';
import { launchDesktopApp, skipWithoutElectron } from '../support/electronApp';

const FILE = 'e2e/electron/desktop.spec.ts';

test.describe('desktop app', () => {
  skipWithoutElectron(test, FILE);

  test('an entry is saved to the SQLite file in userData, and a terminal runs a command', async () => {
    const desktop = await launchDesktopApp();
    try {
      const page = await desktop.app.firstWindow();
      await giveName(page, 'Priya Raman');
      await page.getByLabel('Title').fill('Primary database outage');
      await page.getByRole('button', { name: 'Create incident' }).click();
      await expect(page.getByRole('grid', { name: 'Timeline' })).toBeVisible();
      const incidentId = decodeURIComponent(new URL(page.url()).hash.split('/').pop() ?? '');

      const quickAdd = page.getByLabel('Add timeline entry');
      await quickAdd.fill('db-1 stopped accepting writes');
      await quickAdd.press('Enter');
      await expect(quickAdd).toHaveValue('');
      await expect(page.getByRole('status', { name: 'Save status: Saved' })).toBeVisible();
      expect(entryTextsOnDisk(path.join(desktop.userData, DB_FILE_NAME), incidentDocName(incidentId))).toContain('db-1 stopped accepting writes');

      await page.getByRole('tab', { name: 'Terminals' }).click();
      await page.getByRole('button', { name: 'New terminal' }).click();
      await expect(page.getByRole('tab', { name: /Terminal 1/ })).toContainText('running');
      await page.locator('.terminal-view:not([hidden]) .xterm').click();
      await page.keyboard.type('echo desktop-$((6*7))');
      await page.keyboard.press('Enter');
      await expect(page.locator('.terminal-view:not([hidden]) .xterm-rows')).toContainText('desktop-42');
    } finally {
      await desktop.close();
    }
  });

  test('a warroom://join link opens the Join dialog prefilled, and joins nothing until confirmed', async () => {
    const link = buildJoinLink({ host: '192.0.2.10', port: 7420, room: '01JD0000000000000000000000', token: 'A'.repeat(43) });
    const desktop = await launchDesktopApp([link]);
    try {
      const page = await desktop.app.firstWindow();
      await giveName(page, 'Sam Okafor');
      const dialog = page.getByRole('dialog', { name: 'Join a room' });
      await expect(dialog).toBeVisible();
      await expect(dialog.getByLabel('Join link or code')).toHaveValue(link);
      await expect(dialog.getByRole('status')).toContainText('Check that you expected this invitation');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect(page.getByRole('dialog', { name: 'Join a room' })).toBeHidden();
    } finally {
      await desktop.close();
    }
  });
});
