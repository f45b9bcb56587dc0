// A real host with a room listener, intake tokens minted in its store, and plain HTTP posts.
import path from 'node:path';
import * as Y from 'yjs';
import type { IncidentSummary } from '../../../../shared/model/types';
import { readEntries } from '../../../../shared/model/doc';
import { incidentDocName } from '../../../../shared/protocol/api';
import { startHost, type HostOptions, type RunningHost } from '../../host';
import { LENIENT_RATE_LIMIT } from '../../sharing/test/roomHelpers';
import { IncidentStore } from '../../store';
import { tempDir } from '../../test/helpers';

export async function startIntakeHost(extra: Partial<HostOptions> = {}): Promise<{ host: RunningHost; dataDir: string }> {
  const dataDir = path.join(tempDir('warroom-intake-'), 'data');
  const host = await startHost({ dataDir, staticDir: null, log: () => {}, listen: { hostname: '127.0.0.1', port: 0, rateLimit: LENIENT_RATE_LIMIT }, ...extra });
  return { host, dataDir };
}

export interface Posted {
  status: number;
  body: { ok: boolean; reason?: string; opened?: string[]; appended?: string[]; entries?: number; ignored?: number };
}

export async function postIntake(base: string, source: string, token: string | null, body: unknown, headers: Record<string, string> = {}): Promise<Posted> {
  const res = await fetch(`${base}/intake/${source}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Posted['body'] };
}

/** Incidents and documents as stored on disk, read through a second store connection. */
export function onDisk(dataDir: string): { summaries: IncidentSummary[]; updates: number; doc(id: string): Y.Doc } {
  const store = IncidentStore.open(dataDir);
  try {
    const updates = (store.database().prepare('SELECT count(*) AS n FROM updates').get() as { n: number }).n;
    const docs = new Map<string, Y.Doc>();
    for (const s of store.listSummaries()) docs.set(s.id, store.loadDoc(incidentDocName(s.id)) ?? new Y.Doc());
    return { summaries: store.listSummaries(), updates, doc: (id) => docs.get(id) ?? new Y.Doc() };
  } finally {
    store.close();
  }
}

export const eventTexts = (doc: Y.Doc) => readEntries(doc).filter((e) => e.kind === 'event');
