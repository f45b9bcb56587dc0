// Opening an incident paints its first screen (newest rows, title, entry count) from the host's
// RPC answer before the document has synced. The sync is held back here by routing the page's
// /sync WebSocket through Playwright and keeping the host's replies until the test lets them go,
// so "still syncing" is a state the test controls, not a race it hopes to catch.
import type { WebSocketRoute } from '@playwright/test';
import { test, expect } from '../support/warroomServe';
import { giveName } from '../support/nameDialog';

test('an incident opens on its first screen, takes a new entry and an edit while it syncs, and shows the synced document after', async ({ page, host, browser }) => {
  await page.goto(host.openUrl);
  await giveName(page, 'Priya Raman');
  await page.getByLabel('Title').fill('Replica lag on db-2');
  await page.getByLabel('Time zone').fill('UTC');
  await page.getByRole('button', { name: 'Create incident' }).click();
  const timeline = page.getByRole('grid', { name: 'Timeline' });
  await expect(timeline).toBeVisible();
  const quickAdd = page.getByLabel('Add timeline entry');
  for (const text of ['Replication lag at 43 minutes', 'Paged the storage on-call']) {
    await quickAdd.fill(text);
    await quickAdd.press('Enter');
    await expect(timeline.getByRole('row').filter({ hasText: text })).toBeVisible();
  }
  await expect(page.getByRole('status', { name: 'Save status: Saved' })).toBeVisible();
  const incidentHash = await page.evaluate(() => window.location.hash);

  // From here on, the host's sync replies wait until `release`.
  const held: Array<() => void> = [];
  let holding = true;
  // A browser that has not opened the incident before (a context of its own: no copy kept in its
  // IndexedDB), so the document really has to come from the host.
  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  await viewer.routeWebSocket(/\/sync\?/, (ws: WebSocketRoute) => {
    const server = ws.connectToServer();
    server.onMessage((message) => {
      if (holding) held.push(() => ws.send(message));
      else ws.send(message);
    });
  });
  await viewer.goto(host.openUrl);
  await giveName(viewer, 'Sam Okafor');
  await expect(viewer.getByRole('table', { name: 'Incidents' })).toBeVisible();
  await viewer.evaluate((hash) => (window.location.hash = hash), incidentHash);

  const viewerTimeline = viewer.getByRole('grid', { name: 'Timeline' });
  const viewerQuickAdd = viewer.getByLabel('Add timeline entry');

  // The first screen: title, rows and count, while the document has not arrived.
  await expect(viewer.getByRole('status').filter({ hasText: 'loading the rest of the timeline' })).toBeVisible();
  await expect(viewer.getByLabel('Incident title')).toHaveValue('Replica lag on db-2');
  await expect(viewerTimeline.getByRole('row').filter({ hasText: 'Paged the storage on-call' })).toBeVisible();
  await expect.poll(() => held.length).toBeGreaterThan(0);

  // A new entry goes in at once, before the sync.
  await viewerQuickAdd.fill('Standby promoted');
  await viewerQuickAdd.press('Enter');
  await expect(viewerTimeline.getByRole('row').filter({ hasText: 'Standby promoted' })).toBeVisible();

  // A row edited before its entry has synced keeps the typed text and says why it waits.
  await viewerTimeline.getByRole('row').filter({ hasText: 'Paged the storage on-call' }).getByRole('button', { name: 'Edit' }).click();
  await viewer.getByLabel('Entry text').fill('Paged the storage on-call (Sam answered)');
  await viewer.getByRole('button', { name: 'Save' }).click();
  await expect(viewer.getByRole('alert').filter({ hasText: 'still loading' })).toBeVisible();

  // The sync arrives: the first screen gives way to the document, which holds every entry.
  holding = false;
  for (const send of held.splice(0)) send();
  await expect(viewer.getByRole('status').filter({ hasText: 'loading the rest of the timeline' })).toBeHidden();
  await expect(viewer.getByLabel('Entry text')).toHaveValue('Paged the storage on-call (Sam answered)');
  await viewer.getByRole('button', { name: 'Save' }).click();
  await expect(viewerTimeline.getByRole('row').filter({ hasText: 'Sam answered' })).toBeVisible();
  for (const text of ['Replication lag at 43 minutes', 'Paged the storage on-call (Sam answered)', 'Standby promoted']) {
    await expect(viewerTimeline.getByRole('row').filter({ hasText: text })).toHaveCount(1);
  }
  await expect(viewer.getByRole('status', { name: 'Save status: Saved' })).toBeVisible();

  // And the host has it: a fresh page (no routing) shows the entry added during the sync.
  const fresh = await page.context().newPage();
  await fresh.goto(`${host.openUrl}`);
  await fresh.evaluate((hash) => (window.location.hash = hash), incidentHash);
  const freshTimeline = fresh.getByRole('grid', { name: 'Timeline' });
  await expect(freshTimeline.getByRole('row').filter({ hasText: 'Standby promoted' })).toBeVisible();
  await expect(freshTimeline.getByRole('row').filter({ hasText: 'Sam answered' })).toBeVisible();
  await viewerContext.close();
});
