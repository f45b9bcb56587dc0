// The full-text index beside the documents in the host's SQLite store (tables: storeSchema.ts).
// Derived data: rows are replaced per record as records change, and the whole index can be
// rebuilt from the documents (`warroom reindex`) with the same result.
import type * as Y from 'yjs';
import { incidentDocName, incidentIdFromDocName } from '../../../shared/protocol/api';
import type { IncidentSummary } from '../../../shared/model/types';
import {
  SIMILAR_INCIDENT_COUNT,
  SNIPPET_HIT_END,
  SNIPPET_HIT_START,
  snippetSegments,
  type SearchHit,
  type SearchKind,
  type SimilarIncident,
} from '../../../shared/protocol/search';
import { closeDatabase, inTransaction, StatementCache, type SqliteDatabase } from '../sqlite';
import { openSearchDatabase } from './searchStore';
import type { IncidentStore } from '../store';
import { allRows, ROW_KINDS_OF, type SearchRecordRef, type SearchRow } from './searchRows';
import { matchExpression, MAX_COMPLETIONS, similarityExpression } from './searchQuery';

/** Words of context either side of a match in a snippet. */
const SNIPPET_WORDS = 12;
/**
 * Matches ranked by bm25 at most, the most recently written first: enough that any query a person
 * narrows is ranked whole, few enough that one common word stays well under 50 ms at 1M rows.
 */
const RANKED_CANDIDATES = 2000;
/** bm25 weights of the profile's columns: incident id (not searched), title, summary, key events. */
const PROFILE_WEIGHTS = '0.0, 3.0, 2.0, 1.0';

interface HitRow {
  incident_id: string;
  kind: SearchKind;
  record_id: string;
  part: string;
  entry_id: string | null;
  at: string | null;
  retracted: number;
  snip: string;
}

/**
 * Rows written per transaction when an incident is indexed whole while the host serves: a
 * 100k-entry incident in one transaction would hold the event loop (and every saved confirmation)
 * for seconds; slices of this size take a few milliseconds each.
 */
export const INDEX_SLICE_ROWS = 2000;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export class SearchIndex {
  private readonly sql: StatementCache;
  /** Incidents being indexed whole in slices, and the run doing it. */
  private readonly running = new Map<string, Promise<void>>();

  constructor(
    private readonly db: SqliteDatabase,
    private readonly store: IncidentStore,
  ) {
    this.sql = new StatementCache(db);
  }

  /** The index beside the store's file (searchStore.ts); throws, naming the file, when it cannot be used. */
  static forStore(store: IncidentStore): SearchIndex {
    return new SearchIndex(openSearchDatabase(store.file), store);
  }

  /** The index's own database (for the bench's size figures). */
  database(): SqliteDatabase {
    return this.db;
  }

  close(): void {
    closeDatabase(this.db);
  }

  /** Replaces the rows of the given records (and the incident's profile when it may have changed), then notes how far the document was read. */
  applyChanges(incidentId: string, changes: ReadonlyMap<SearchRecordRef, SearchRow[]>, uptoSeq: number): void {
    inTransaction(this.db, () => {
      let profileChanged = false;
      for (const [ref, rows] of changes) {
        const recordId = ref.kind === 'meta' || ref.kind === 'postmortem' ? '' : ref.id;
        for (const kind of ROW_KINDS_OF[ref.kind]) {
          const hadKeyEvent = this.deleteRecord(incidentId, kind, recordId);
          profileChanged = profileChanged || hadKeyEvent;
        }
        for (const row of rows) this.insertRow(incidentId, row);
        profileChanged = profileChanged || ref.kind === 'meta' || rows.some((r) => r.keyEvent);
      }
      if (profileChanged) this.refreshProfile(incidentId);
      this.markIndexed(incidentDocName(incidentId), uptoSeq);
    });
  }

  /** Replaces everything indexed for the incident with the document's rows as they are now. */
  replaceIncident(incidentId: string, doc: Y.Doc, uptoSeq: number): void {
    this.replaceIncidentRows(incidentId, allRows(doc), uptoSeq);
  }

  /** The same, with the rows already derived (the bench times the SQL apart from the derivation). */
  replaceIncidentRows(incidentId: string, rows: readonly SearchRow[], uptoSeq: number): void {
    inTransaction(this.db, () => {
      this.deleteIncident(incidentId);
      for (const row of rows) this.insertRow(incidentId, row);
      this.refreshProfile(incidentId);
      this.markIndexed(incidentDocName(incidentId), uptoSeq);
    });
  }

  /**
   * replaceIncidentRows without holding the host: a small incident in one transaction (done when
   * this returns), a large one INDEX_SLICE_ROWS at a time with a turn of the event loop between.
   * Until its last slice the incident is not marked indexed, so a run cut short is read again on
   * the next start. Runs for one incident never overlap; while one runs, `busy()` says so.
   */
  replaceIncidentGradually(incidentId: string, rows: readonly SearchRow[], uptoSeq: number): Promise<void> {
    const before = this.running.get(incidentId);
    if (!before && rows.length <= INDEX_SLICE_ROWS) {
      try {
        this.replaceIncidentRows(incidentId, rows, uptoSeq);
        return Promise.resolve();
      } catch (err) {
        return Promise.reject(err as Error);
      }
    }
    const run = (async () => {
      if (before) await before.catch(() => {});
      const docName = incidentDocName(incidentId);
      inTransaction(this.db, () => void this.sql.get('DELETE FROM search_indexed WHERE doc = ?').run(docName));
      for (;;) {
        const ids = this.sql.get('SELECT id FROM search_rows WHERE incident_id = ? LIMIT ?').all(incidentId, INDEX_SLICE_ROWS) as Array<{ id: number }>;
        if (ids.length === 0) break;
        inTransaction(this.db, () => ids.forEach(({ id }) => this.deleteRow(id)));
        await nextTurn();
      }
      for (let at = 0; at < rows.length; at += INDEX_SLICE_ROWS) {
        inTransaction(this.db, () => rows.slice(at, at + INDEX_SLICE_ROWS).forEach((row) => this.insertRow(incidentId, row)));
        await nextTurn();
      }
      inTransaction(this.db, () => {
        this.refreshProfile(incidentId);
        this.markIndexed(docName, uptoSeq);
      });
    })();
    const tracked = run.finally(() => {
      if (this.running.get(incidentId) === tracked) this.running.delete(incidentId);
    });
    this.running.set(incidentId, tracked);
    return tracked;
  }

  /** Whether the incident is being indexed whole right now (its other changes wait for it). */
  busy(incidentId: string): boolean {
    return this.running.has(incidentId);
  }

  /** Resolves once no incident is being indexed whole. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running.values()]);
  }

  /** Empties the index (before a full rebuild). */
  clear(): void {
    inTransaction(this.db, () => {
      this.db.exec("DELETE FROM search_rows; DELETE FROM search_text; DELETE FROM search_profile; DELETE FROM search_indexed;");
    });
  }

  /** Incident documents stored further than the index has read (written while no host indexed them). */
  staleDocs(): string[] {
    const indexed = new Map(
      (this.sql.get('SELECT doc, upto_seq FROM search_indexed').all() as Array<{ doc: string; upto_seq: number }>).map((r) => [r.doc, r.upto_seq]),
    );
    return [...this.store.storedUptoByDoc()]
      .filter(([doc, upto]) => incidentIdFromDocName(doc) !== null && upto > (indexed.get(doc) ?? -1))
      .map(([doc]) => doc);
  }

  /** Whether the store holds more of the document than the index has read. */
  isStale(docName: string): boolean {
    const row = this.sql.get('SELECT upto_seq FROM search_indexed WHERE doc = ?').get(docName) as { upto_seq: number } | undefined;
    return row === undefined || this.storedUpto(docName) > row.upto_seq;
  }

  /** How far the store holds the document: its last update, or its snapshot's. */
  storedUpto(docName: string): number {
    return this.store.storedUpto(docName);
  }

  /** The best hits for what a person typed, best first. */
  search(text: string, limit: number): SearchHit[] {
    const match = matchExpression(text, (prefix) => this.completions(prefix));
    if (match === null) return [];
    // Ranked inside the FTS query (ORDER BY rank LIMIT is what FTS5 answers fastest), joined after.
    // bm25 is computed for every row it ranks, so a word found in a third of a million rows would cost
    // about a second: only the RANKED_CANDIDATES most recently written matches are ranked.
    const rows = this.sql
      .get(
        `SELECT r.incident_id, r.kind, r.record_id, r.part, r.entry_id, r.at, r.retracted, m.snip
         FROM (SELECT rowid, rank, snippet(search_text, 0, ?1, ?2, '…', ${SNIPPET_WORDS}) AS snip FROM search_text
               WHERE search_text MATCH ?3 AND rowid >= coalesce((SELECT min(rowid) FROM (
                 SELECT rowid FROM search_text WHERE search_text MATCH ?3 ORDER BY rowid DESC LIMIT ${RANKED_CANDIDATES})), 0)
               ORDER BY rank LIMIT ?4) m
         JOIN search_rows r ON r.id = m.rowid ORDER BY m.rank`,
      )
      .all(SNIPPET_HIT_START, SNIPPET_HIT_END, match, limit) as unknown as HitRow[];
    // Titles and zones from the store's incident list (it is in the other file): one lookup per incident.
    const summaries = new Map<string, IncidentSummary | undefined>();
    const summaryOf = (id: string) => {
      if (!summaries.has(id)) summaries.set(id, this.store.getSummary(id));
      return summaries.get(id);
    };
    return rows.map((r) => ({
      incidentId: r.incident_id,
      incidentTitle: summaryOf(r.incident_id)?.title ?? '',
      incidentTimeZone: summaryOf(r.incident_id)?.timeZone ?? 'UTC',
      kind: r.kind,
      recordId: r.part === '' ? r.record_id : r.record_id === '' ? r.part : `${r.record_id}/${r.part}`,
      entryId: r.entry_id,
      at: r.at,
      retracted: r.retracted === 1,
      snippet: snippetSegments(r.snip),
    }));
  }

  /** The index's words that start with `prefix` (folded), the most widespread first. */
  private completions(prefix: string): string[] {
    const rows = this.sql
      .get('SELECT term FROM search_terms WHERE term >= ?1 AND term < ?1 || char(1114111) ORDER BY doc DESC LIMIT ?2')
      .all(prefix, MAX_COMPLETIONS) as Array<{ term: string }>;
    return rows.map((r) => r.term);
  }

  /** The other incidents whose title, summary and key events best match this one's (bm25), best first. */
  similar(incidentId: string, limit = SIMILAR_INCIDENT_COUNT): SimilarIncident[] {
    const profile = this.sql.get('SELECT title, summary, key_events FROM search_profile WHERE incident_id = ?').get(incidentId) as
      | { title: string; summary: string; key_events: string }
      | undefined;
    if (!profile) return [];
    const match = similarityExpression([profile.title, profile.summary, profile.key_events]);
    if (match === null) return [];
    const ranked = this.sql
      .get(`SELECT incident_id, bm25(search_profile, ${PROFILE_WEIGHTS}) AS score FROM search_profile WHERE search_profile MATCH ? AND incident_id <> ? ORDER BY score LIMIT ?`)
      .all(match, incidentId, limit) as Array<{ incident_id: string }>;
    return ranked.flatMap(({ incident_id: id }) => {
      const s = this.store.getSummary(id);
      return s ? [{ incidentId: id, title: s.title, severity: s.severity, status: s.status, startedAt: s.startedAt }] : [];
    });
  }

  /** Every indexed row, in a stable order: what a rebuild must reproduce. */
  dump(): { rows: unknown[]; profiles: unknown[] } {
    return {
      rows: this.db
        .prepare(
          `SELECT r.incident_id, r.kind, r.record_id, r.part, r.entry_id, r.at, r.retracted, r.key_event, t.body FROM search_rows r
           JOIN search_text t ON t.rowid = r.id ORDER BY r.incident_id, r.kind, r.record_id, r.part`,
        )
        .all(),
      profiles: this.db.prepare('SELECT incident_id, title, summary, key_events FROM search_profile ORDER BY incident_id').all(),
    };
  }

  /** Deletes a record's rows of one kind; returns whether any was a key event. */
  private deleteRecord(incidentId: string, kind: SearchKind, recordId: string): boolean {
    const old = this.sql
      .get('SELECT id, key_event FROM search_rows WHERE incident_id = ? AND kind = ? AND record_id = ?')
      .all(incidentId, kind, recordId) as Array<{ id: number; key_event: number }>;
    for (const { id } of old) this.deleteRow(id);
    return old.some((r) => r.key_event === 1);
  }

  private deleteRow(id: number): void {
    this.sql.get('DELETE FROM search_text WHERE rowid = ?').run(id);
    this.sql.get('DELETE FROM search_rows WHERE id = ?').run(id);
  }

  private deleteIncident(incidentId: string): void {
    this.sql.get('DELETE FROM search_text WHERE rowid IN (SELECT id FROM search_rows WHERE incident_id = ?)').run(incidentId);
    this.sql.get('DELETE FROM search_rows WHERE incident_id = ?').run(incidentId);
    this.sql.get('DELETE FROM search_profile WHERE incident_id = ?').run(incidentId);
  }

  private insertRow(incidentId: string, row: SearchRow): void {
    const { lastInsertRowid } = this.sql
      .get('INSERT INTO search_rows(incident_id, kind, record_id, part, entry_id, at, retracted, key_event) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(incidentId, row.kind, row.recordId, row.part, row.entryId, row.at, row.retracted ? 1 : 0, row.keyEvent ? 1 : 0);
    this.sql.get('INSERT INTO search_text(rowid, body) VALUES (?, ?)').run(lastInsertRowid, row.text);
  }

  /** One profile row per incident: its title, summary and the text of its key events that stand. */
  private refreshProfile(incidentId: string): void {
    const text = (where: string) =>
      ((this.sql.get(`SELECT group_concat(t.body, char(10)) AS body FROM search_rows r JOIN search_text t ON t.rowid = r.id WHERE r.incident_id = ? AND ${where}`).get(incidentId) as
        | { body: string | null }
        | undefined)?.body ?? '');
    this.sql.get('DELETE FROM search_profile WHERE incident_id = ?').run(incidentId);
    this.sql
      .get('INSERT INTO search_profile(incident_id, title, summary, key_events) VALUES (?, ?, ?, ?)')
      .run(incidentId, text("r.kind = 'title'"), text("r.kind = 'summary'"), text('r.key_event = 1 AND r.retracted = 0'));
  }

  private markIndexed(docName: string, uptoSeq: number): void {
    this.sql.get('INSERT OR REPLACE INTO search_indexed(doc, upto_seq) VALUES (?, ?)').run(docName, uptoSeq);
  }
}

/** Indexes, from the store, every incident document the index has not read to its end; returns how many. */
export function catchUpSearchIndex(store: IncidentStore, index: SearchIndex, docs: readonly string[] = index.staleDocs()): number {
  let done = 0;
  for (const docName of docs) {
    const incidentId = incidentIdFromDocName(docName);
    if (incidentId === null) continue;
    const upto = index.storedUpto(docName);
    const doc = store.loadDoc(docName);
    if (!doc) continue;
    try {
      index.replaceIncident(incidentId, doc, upto);
      done += 1;
    } finally {
      doc.destroy();
    }
  }
  return done;
}

/** `warroom reindex`: empties the index and builds it again from every stored document. */
export function rebuildSearchIndex(store: IncidentStore, index: SearchIndex): number {
  index.clear();
  return catchUpSearchIndex(store, index);
}

/**
 * The start-up catch-up, one incident per turn of the event loop so the host serves meanwhile
 * (a store from before the index holds every incident unread). Resolves to how many were read.
 */
export async function catchUpInBackground(store: IncidentStore, index: SearchIndex | null, log: (line: string) => void, closing: () => boolean): Promise<number> {
  if (index === null) return 0;
  let docs: string[];
  try {
    docs = index.staleDocs();
  } catch (err) {
    log(`search index not caught up: ${(err as Error).message}`);
    return 0;
  }
  let done = 0;
  for (const docName of docs) {
    await nextTurn();
    if (closing() || !store.status.ok) break;
    try {
      // Read since (a client may have loaded it meanwhile; its own extension keeps it current).
      if (await catchUpGradually(store, index, docName)) done += 1;
    } catch (err) {
      log(`search index: ${docName} not indexed: ${(err as Error).message}`);
      if (!store.status.ok || (err as Error).message.includes('closed')) break;
    }
  }
  if (done > 0) log(`search index: read ${done} incident${done === 1 ? '' : 's'} written while no host indexed them`);
  return done;
}

/**
 * Indexes one stored incident whole, in slices (replaceIncidentGradually), unless it is current or
 * already being indexed. Returns whether it did. The document is read in one go and dropped before
 * the slices are written.
 */
export async function catchUpGradually(store: IncidentStore, index: SearchIndex, docName: string): Promise<boolean> {
  const incidentId = incidentIdFromDocName(docName);
  if (incidentId === null || index.busy(incidentId) || !index.isStale(docName)) return false;
  const upto = index.storedUpto(docName);
  const doc = store.loadDoc(docName);
  if (!doc) return false;
  let rows: SearchRow[];
  try {
    rows = allRows(doc);
  } finally {
    doc.destroy();
  }
  await index.replaceIncidentGradually(incidentId, rows, upto);
  return true;
}

/** The host's index, or null (said once in the log) when the store or the index file cannot be used: search is then off. */
export function openSearchIndex(store: IncidentStore, log: (line: string) => void): SearchIndex | null {
  if (!store.status.ok) return null;
  try {
    return SearchIndex.forStore(store);
  } catch (err) {
    log(`search is off: ${(err as Error).message}`);
    return null;
  }
}
