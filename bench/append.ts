// Host append (the store's durable append, synchronous=FULL) vs a raw insert through the same binding
// of the same update bytes into the same kind of table, same pragmas, same disk.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { openDatabase } from '../electron/host/sqlite';
import { IncidentStore } from '../electron/host/store';
import { addEntry, createIncident } from '../shared/model/commands';
import { incidentDocName } from '../shared/protocol/api';
import { median } from './stats';
import type { BenchRow } from './report';
import { SCALE } from './scale';

const UPDATES = SCALE.appendUpdates;
const ROUNDS = SCALE.appendRounds;

function realUpdates(count: number): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const ctx = { author: 'Bench' };
  createIncident(doc, ctx, { title: 'Append bench', severity: 'SEV2', startedAt: new Date().toISOString(), timeZone: 'UTC' });
  updates.length = 0;
  for (let i = 0; i < count; i++) addEntry(doc, ctx, { text: `rsync progress ${i}: 41% of /var/lib/mysql` });
  return updates;
}

export function benchAppend(): BenchRow {
  const updates = realUpdates(UPDATES);
  const hostTimes: number[] = [];
  const rawTimes: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'warroom-bench-append-'));
    try {
      const store = IncidentStore.open(path.join(dir, 'host'));
      const docName = incidentDocName('01BENCH0000000000000000000');
      let t0 = performance.now();
      for (const u of updates) store.append(docName, u);
      hostTimes.push(performance.now() - t0);
      store.close();

      const raw = openDatabase(path.join(dir, 'raw.db'));
      raw.exec('PRAGMA journal_mode = WAL');
      raw.exec('PRAGMA synchronous = FULL');
      raw.exec('CREATE TABLE updates(seq INTEGER PRIMARY KEY AUTOINCREMENT, doc TEXT NOT NULL, data BLOB NOT NULL, at TEXT NOT NULL)');
      const insert = raw.prepare('INSERT INTO updates(doc, data, at) VALUES (?, ?, ?)');
      t0 = performance.now();
      for (const u of updates) insert.run(docName, u, new Date().toISOString());
      rawTimes.push(performance.now() - t0);
      raw.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const host = median(hostTimes) / UPDATES;
  const raw = median(rawTimes) / UPDATES;
  return {
    what: `Host append, synchronous=FULL (${UPDATES} real Yjs updates)`,
    measured: `${(host * 1000).toFixed(0)} µs/update`,
    baseline: `raw @photostructure/sqlite insert: ${(raw * 1000).toFixed(0)} µs/update`,
    ratio: host / raw,
    target: '≤ 1.5×',
    pass: host / raw <= 1.5,
  };
}
