// Whether a page's browser holds its copy of an incident (renderer/client/incidentReplica.ts) with
// the host's confirmation: the copy is written after the first sync, so a test or the bench waits
// for this before leaving the incident when the re-open is meant to start from it.
import type { Page } from '@playwright/test';

/** Runs in the page: one replica database for the incident, holding the host's confirmed clocks. */
export async function replicaStoredInPage(incidentId: string): Promise<boolean> {
  const names = (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.endsWith(`incident.${incidentId}`));
  if (names.length !== 1) return false;
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(names[0]!);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  try {
    if (!db.objectStoreNames.contains('custom')) return false;
    const value = await new Promise<unknown>((resolve, reject) => {
      const get = db.transaction('custom', 'readonly').objectStore('custom').get('host-confirmed');
      get.onsuccess = () => resolve(get.result);
      get.onerror = () => reject(get.error);
    });
    return Array.isArray(value) && value.length > 0;
  } finally {
    db.close();
  }
}

export function replicaStored(page: Page, incidentId: string): Promise<boolean> {
  return page.evaluate(replicaStoredInPage, incidentId);
}

/** Resolves once the copy is stored; rejects after `timeoutMs`. */
export async function untilReplicaStored(page: Page, incidentId: string, timeoutMs: number): Promise<void> {
  await page.waitForFunction(replicaStoredInPage, incidentId, { timeout: timeoutMs, polling: 100 });
}
