// A stored row that will not decode: the incident still opens, the banner names the incident, the
// file and the row, and "Acknowledge" lifts the hold while the row stays reported.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from '@photostructure/sqlite';
import { test, expect } from '@playwright/test';
import { startServe } from '../support/warroomServe';
import { giveName } from '../support/nameDialog';

const SAMPLE = path.resolve('assets/sample-incident.json');
/** Bytes Yjs cannot decode ("contentRefs[(info & BITS5)] is not a function"). */
const UNDECODABLE = new Uint8Array([1, 1, 1, 0, 0x1f, 1, 1, 0x61, 0, 0, 0, 0]);

test('an incident with an unreadable row opens, names the row, and writes again once acknowledged', async ({ page }) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'warroom-e2e-unreadable-'));
  const dbFile = path.join(dir, 'warroom.db');
  const sample = JSON.parse(readFileSync(SAMPLE, 'utf8'));
  const imported = spawnSync(process.execPath, [path.resolve('bin/warroom.mjs'), 'import', SAMPLE, '--data-dir', dir], { encoding: 'utf8' });
  const id = imported.stdout.trim();
  expect(id).toMatch(/^[0-9A-Z]{26}$/);
  const db = new DatabaseSync(dbFile);
  const { lastInsertRowid } = db.prepare('INSERT INTO updates(doc, data, at) VALUES (?, ?, ?)').run(`incident.${id}`, UNDECODABLE, new Date().toISOString());
  db.close();

  const host = await startServe([], dir);
  try {
    await page.goto(host.openUrl);
    await giveName(page, 'Sam Okafor');
    const banner = page.getByRole('alert').filter({ hasText: `Incident ${id}: row ${lastInsertRowid} of table updates in ${dbFile} could not be read` });
    await expect(banner).toBeVisible();

    await page.getByRole('link', { name: sample.incident.title }).click();
    // The incident opens with the rows that decode.
    await expect(page.getByLabel('Incident title')).toHaveValue(sample.incident.title);
    await page.getByRole('searchbox', { name: 'Search timeline' }).fill('Checkout and login both return 503');
    await expect(page.getByRole('row').filter({ hasText: 'Checkout and login both return 503' }).first()).toBeVisible();

    await page.getByRole('button', { name: `Acknowledge the unreadable rows of incident ${id}` }).click();
    await expect(page.getByRole('status').filter({ hasText: `row ${lastInsertRowid} of table updates in ${dbFile}` })).toContainText('(acknowledged)');
    await expect(banner).toBeHidden();
  } finally {
    await host.stop();
  }
  rmSync(dir, { recursive: true, force: true });
});
