// Full-text search at catalog scale: SCALE.catalogIncidents incidents × SCALE.catalogEntries entries,
// each a real Yjs document in a real store (WAL, synchronous=FULL). Indexing is timed against a plain
// insert of the same rows into an ordinary table (same columns, same pragmas, one transaction per
// incident as well); queries against a LIKE scan of that table; the index's size against the store's.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { addEntry, createIncident, updateIncident } from '../shared/model/commands';
import { incidentDocName } from '../shared/protocol/api';
import { DEFAULT_SEARCH_LIMIT } from '../shared/protocol/search';
import { summaryFromDoc } from '../electron/host/incidentIndex';
import { openDatabase, inTransaction, pragmaList, type SqliteDatabase } from '../electron/host/sqlite';
import { IncidentStore } from '../electron/host/store';
import { SearchIndex } from '../electron/host/search/searchIndex';
import { allRows, type SearchRow } from '../electron/host/search/searchRows';
import { fmtMb, fmtMs, median, percentile } from './stats';
import type { BenchRow } from './report';
import { SCALE, thousands } from './scale';

const INCIDENTS = SCALE.catalogIncidents;
const ENTRIES = SCALE.catalogEntries;
const QUERIES = SCALE.catalogQueries;
/** LIKE scans are slow by nature: a few are enough for a baseline. */
const LIKE_QUERIES = 5;
/** Key events per incident (what "similar incidents" matches on, beside title and summary). */
const KEY_EVENTS = 5;
const QUERY_TARGET_MS = 50;

const INCIDENT_WORDS =
  'replica lag primary standby failover promote database mysql postgres binlog restore backup snapshot rsync disk full volume cache stampede deploy rollback canary latency timeout error rate 503 gateway dns certificate expired cdn purge queue overflow webhook retry kafka partition leader election etcd quorum kubernetes node drained pod evicted memory leak oom cpu throttled network partition packet loss bgp route leak firewall rule load balancer health check region zone outage customers checkout login payments orders inventory search index shard rebalance vacuum bloat lock contention deadlock migration schema index rebuild traffic spike ddos rate limit feature flag config push secret rotation token revoked'.split(' ');

/** A small deterministic PRNG (mulberry32), so every run indexes the same text. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = 'ka lo mi ne ru sa ti vo be da fi go hu ja ke li mo nu pa re'.split(' ');
/** Incident words plus made-up service and host names: a vocabulary of a few thousand words. */
function vocabulary(rand: () => number): string[] {
  const words = new Set(INCIDENT_WORDS);
  while (words.size < 4000) {
    const n = 2 + Math.floor(rand() * 3);
    words.add(Array.from({ length: n }, () => SYLLABLES[Math.floor(rand() * SYLLABLES.length)]).join(''));
  }
  return [...words];
}

/** Skewed toward the first words, as real text is: a few words are everywhere, most are rare. */
function sentence(rand: () => number, vocab: readonly string[], words: number): string {
  return Array.from({ length: words }, () => vocab[Math.floor(Math.pow(rand(), 2.5) * vocab.length)]).join(' ');
}

function incidentDoc(i: number, rand: () => number, vocab: readonly string[]): Y.Doc {
  const doc = new Y.Doc();
  const ctx = { author: 'Bench', now: () => '2026-11-21T23:06:00.000Z' };
  createIncident(doc, ctx, { title: sentence(rand, vocab, 5), severity: 'SEV2', startedAt: '2026-11-21T23:00:00.000Z', timeZone: 'UTC' });
  doc.transact(() => {
    updateIncident(doc, ctx, { summary: sentence(rand, vocab, 16) });
    for (let e = 0; e < ENTRIES; e++) addEntry(doc, ctx, { text: `${sentence(rand, vocab, 6 + Math.floor(rand() * 10))} #${i}.${e}`, key: e < KEY_EVENTS });
  });
  return doc;
}

function plainTable(file: string): SqliteDatabase {
  const db = openDatabase(file);
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = FULL');
  db.exec(`CREATE TABLE plain_rows(id INTEGER PRIMARY KEY, incident_id TEXT NOT NULL, kind TEXT NOT NULL, record_id TEXT NOT NULL, part TEXT NOT NULL,
    entry_id TEXT, at TEXT, retracted INTEGER NOT NULL, key_event INTEGER NOT NULL, body TEXT NOT NULL)`);
  return db;
}

function plainInsert(db: SqliteDatabase, incidentId: string, rows: readonly SearchRow[]): void {
  const insert = db.prepare('INSERT INTO plain_rows(incident_id, kind, record_id, part, entry_id, at, retracted, key_event, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  inTransaction(db, () => {
    for (const r of rows) insert.run(incidentId, r.kind, r.recordId, r.part, r.entryId, r.at, r.retracted ? 1 : 0, r.keyEvent ? 1 : 0, r.text);
  });
}

function bytesOf(db: SqliteDatabase): number {
  return (db.prepare('SELECT SUM(pgsize) AS bytes FROM dbstat').get() as { bytes: number }).bytes;
}

/** Queries as people type them: one or two words, often the start of a word. */
function queries(rand: () => number, vocab: readonly string[], count: number): string[] {
  return Array.from({ length: count }, () => {
    const word = () => vocab[Math.floor(Math.pow(rand(), 2.5) * vocab.length)] as string;
    const roll = rand();
    if (roll < 0.4) return word();
    if (roll < 0.7) return `${word()} ${word()}`;
    const w = word();
    return w.slice(0, Math.max(3, Math.ceil(w.length / 2)));
  });
}

function timeIntegrityCheck(db: SqliteDatabase): number {
  const t0 = performance.now();
  const lines = pragmaList(db, 'integrity_check');
  if (lines.length !== 1 || lines[0] !== 'ok') throw new Error(`bench store failed its integrity check: ${String(lines[0])}`);
  return performance.now() - t0;
}

export function benchCatalogSearch(): BenchRow[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'warroom-bench-search-'));
  try {
    const rand = prng(15);
    const vocab = vocabulary(rand);
    const store = IncidentStore.open(path.join(dir, 'host'));
    const index = SearchIndex.forStore(store);
    const plain = plainTable(path.join(dir, 'plain.db'));
    let indexMs = 0;
    let plainMs = 0;
    let deriveMs = 0;
    let rowCount = 0;
    const ids: string[] = [];
    for (let i = 0; i < INCIDENTS; i++) {
      const doc = incidentDoc(i, rand, vocab);
      const summary = summaryFromDoc(doc, '2026-11-21T23:06:00.000Z');
      if (!summary) throw new Error('bench incident has no meta');
      store.appendNewDoc(incidentDocName(summary.id), Y.encodeStateAsUpdate(doc), summary);
      ids.push(summary.id);
      doc.destroy();
      if ((i + 1) % 100 === 0) console.log(`bench:   stored ${i + 1} of ${INCIDENTS} incidents`);
    }
    // What the store check on every open (storeCheck.ts) costs before and after the index exists.
    const checkWithoutMs = timeIntegrityCheck(store.database());
    for (const [i, id] of ids.entries()) {
      const doc = store.loadDoc(incidentDocName(id)) as Y.Doc;
      let t0 = performance.now();
      const rows = allRows(doc);
      deriveMs += performance.now() - t0;
      doc.destroy();
      rowCount += rows.length;
      t0 = performance.now();
      index.replaceIncidentRows(id, rows, i + 1);
      indexMs += performance.now() - t0;
      t0 = performance.now();
      plainInsert(plain, id, rows);
      plainMs += performance.now() - t0;
      if ((i + 1) % 100 === 0) console.log(`bench:   indexed ${i + 1} of ${INCIDENTS} incidents`);
    }
    const checkWithMs = timeIntegrityCheck(store.database());

    const asked = queries(rand, vocab, QUERIES);
    const searchTimes: number[] = [];
    let hits = 0;
    for (const q of asked) {
      const t0 = performance.now();
      hits += index.search(q, DEFAULT_SEARCH_LIMIT).length;
      searchTimes.push(performance.now() - t0);
    }
    const likeTimes = asked.slice(0, LIKE_QUERIES).map((q) => {
      const like = plain.prepare(`SELECT id FROM plain_rows WHERE ${q.split(' ').map(() => 'body LIKE ?').join(' AND ')} LIMIT ${DEFAULT_SEARCH_LIMIT}`);
      const t0 = performance.now();
      like.all(...q.split(' ').map((w) => `%${w}%`));
      return performance.now() - t0;
    });
    const similarTimes = ids.slice(0, Math.min(ids.length, QUERIES)).map((id) => {
      const t0 = performance.now();
      index.similar(id);
      return performance.now() - t0;
    });

    const indexBytes = bytesOf(index.database());
    const storeBytes = bytesOf(store.database());
    plain.close();
    index.close();
    store.close();

    const p95 = percentile(searchTimes, 95);
    const similarP95 = percentile(similarTimes, 95);
    const scale = `${INCIDENTS} incidents × ${thousands(ENTRIES)} entries`;
    const perSec = (ms: number) => `${((rowCount / ms) * 1000 / 1000).toFixed(0)}k rows/s`;
    return [
      {
        what: `Search indexing, ${scale} (${(rowCount / 1e6).toFixed(2)}M rows; deriving them from the documents: ${perSec(deriveMs)})`,
        measured: perSec(indexMs),
        baseline: `plain insert of the same rows: ${perSec(plainMs)}`,
        ratio: indexMs / plainMs,
        target: '—',
        pass: null,
      },
      {
        what: `Search query p95 (${QUERIES} typed queries, ${scale}; ${(hits / QUERIES).toFixed(0)} hits each on average)`,
        measured: fmtMs(p95),
        baseline: `LIKE scan of the plain rows: ${fmtMs(median(likeTimes))} median`,
        ratio: p95 / median(likeTimes),
        target: `< ${QUERY_TARGET_MS} ms`,
        pass: p95 < QUERY_TARGET_MS,
      },
      {
        what: `Similar incidents p95 (bm25 over title, summary and key events, ${scale})`,
        measured: fmtMs(similarP95),
        baseline: `search p95: ${fmtMs(p95)}`,
        ratio: similarP95 / p95,
        target: `< ${QUERY_TARGET_MS} ms`,
        pass: similarP95 < QUERY_TARGET_MS,
      },
      {
        what: `Store check on open (PRAGMA integrity_check of warroom.db; the index is in search.db beside it), ${scale}`,
        measured: `${fmtMs(checkWithMs)} once indexed`,
        baseline: `before indexing: ${fmtMs(checkWithoutMs)}`,
        ratio: checkWithMs / checkWithoutMs,
        target: '—',
        pass: null,
      },
      {
        what: `Search index size (${scale})`,
        measured: fmtMb(indexBytes),
        baseline: `the store (warroom.db): ${fmtMb(storeBytes)}`,
        ratio: indexBytes / storeBytes,
        target: '—',
        pass: null,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
