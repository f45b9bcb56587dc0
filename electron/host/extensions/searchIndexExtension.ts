// Keeps the full-text index (search/searchIndex.ts) in step with every loaded incident document.
// It listens to the document's own types, so it knows which records an update touched (an entry,
// the edit log naming an entry, a decision's events…) and re-reads only those: never a scan of
// the document, let alone of every document. Writes are batched like the incident index's.
import type { afterLoadDocumentPayload, beforeUnloadDocumentPayload, Extension } from '@hocuspocus/server';
import type * as Y from 'yjs';
import { DisposableStore, MutableDisposable, observe, timeout, type Observable } from '../../../shared/lifecycle/disposable';
import { entriesMap, entryEditsArray, metaMap, postmortemMap } from '../../../shared/model/doc';
import { decisionEventsArray, decisionsMap, decodeDecisionEvent } from '../../../shared/model/decisionRecords';
import { actionEventsArray, actionsMap } from '../../../shared/model/actions';
import { checklistEventsArray, checklistsMap } from '../../../shared/model/checklistRecords';
import { incidentIdFromDocName } from '../../../shared/protocol/api';
import type { IncidentStore } from '../store';
import type { SearchIndex } from '../search/searchIndex';
import { allRows, rowsForRecords, type SearchRecordRef } from '../search/searchRows';

/** A burst of updates becomes one index write at most this often (a keystroke-sized append must not pay a second fsync). */
export const SEARCH_INDEX_WRITE_DELAY_MS = 1000;

type RecordKind = Exclude<SearchRecordRef['kind'], 'meta' | 'postmortem'>;

interface Tracked {
  docName: string;
  incidentId: string;
  /** Changed records, by "kind:id". */
  dirty: Map<string, SearchRecordRef>;
  /** The pending write, while one is scheduled. */
  timer: MutableDisposable;
  /** The observers on the document's types and the timer: freed when the document unloads. */
  lifetime: DisposableStore;
  /** Nothing indexed for it yet, or indexed behind the store: re-read it whole. */
  whole: boolean;
}

/** The id a log record names (its events are stored as JSON strings or plain objects). */
function namedId(value: unknown, field: string): string | null {
  let record = value;
  if (typeof value === 'string') {
    try {
      record = JSON.parse(value);
    } catch {
      return null;
    }
  }
  const id = record !== null && typeof record === 'object' ? (record as Record<string, unknown>)[field] : undefined;
  return typeof id === 'string' ? id : null;
}

/** Values an array event inserted. */
function inserted(event: { changes: { delta: Array<{ insert?: unknown }> } }): unknown[] {
  return event.changes.delta.flatMap((d) => (Array.isArray(d.insert) ? d.insert : []));
}

export class SearchIndexExtension implements Extension {
  readonly extensionName = 'war-room-search-index';
  /** After persistence, so it observes a fully loaded document. */
  readonly priority = 90;
  private readonly tracked = new Map<Y.Doc, Tracked>();

  constructor(
    private readonly opts: { store: IncidentStore; index: () => SearchIndex | null; log: (line: string) => void; delayMs?: number },
  ) {}

  async afterLoadDocument({ document, documentName }: afterLoadDocumentPayload): Promise<void> {
    const incidentId = incidentIdFromDocName(documentName);
    const index = this.opts.index();
    if (incidentId === null || index === null) return;
    let whole: boolean;
    try {
      whole = index.isStale(documentName);
    } catch {
      whole = true;
    }
    const lifetime = new DisposableStore();
    const t: Tracked = { docName: documentName, incidentId, dirty: new Map(), timer: lifetime.add(new MutableDisposable()), lifetime, whole };
    this.tracked.set(document, t);
    this.observe(document, t);
    if (whole) this.schedule(document, t);
  }

  async beforeUnloadDocument({ document }: beforeUnloadDocumentPayload): Promise<void> {
    const t = this.tracked.get(document);
    if (!t) return;
    this.flush(document, t);
    this.tracked.delete(document);
    t.lifetime.dispose();
  }

  /** Writes every pending change now (shutdown, tests); resolves once incidents being indexed whole are done too. */
  async flushAll(): Promise<void> {
    for (const [doc, t] of this.tracked) this.flush(doc, t);
    await this.opts.index()?.idle();
    // What waited for a whole-incident run goes now.
    for (const [doc, t] of this.tracked) this.flush(doc, t);
  }

  private observe(doc: Y.Doc, t: Tracked): void {
    const mark = (ref: SearchRecordRef) => {
      t.dirty.set(ref.kind === 'meta' || ref.kind === 'postmortem' ? ref.kind : `${ref.kind}:${ref.id}`, ref);
      this.schedule(doc, t);
    };
    const watch = <E>(type: Observable<E>, handler: (event: E) => void) => t.lifetime.add(observe(type, handler));
    const keyed = (map: Y.Map<unknown>, kind: RecordKind) => watch(map, (event: Y.YMapEvent<unknown>) => event.keysChanged.forEach((id) => mark({ kind, id })));
    const logged = (array: Y.Array<unknown>, kind: RecordKind, field: string) =>
      watch(array, (event: Y.YArrayEvent<unknown>) => {
        for (const value of inserted(event)) {
          const id = namedId(value, field);
          if (id !== null) mark({ kind, id });
        }
      });
    watch(metaMap(doc), () => mark({ kind: 'meta' }));
    watch(postmortemMap(doc), () => mark({ kind: 'postmortem' }));
    keyed(entriesMap(doc) as Y.Map<unknown>, 'entry');
    logged(entryEditsArray(doc) as Y.Array<unknown>, 'entry', 'entryId');
    keyed(decisionsMap(doc) as Y.Map<unknown>, 'decision');
    watch(decisionEventsArray(doc), (event: Y.YArrayEvent<string>) => {
      for (const value of inserted(event)) {
        const id = decodeDecisionEvent(value)?.decisionId;
        if (id) mark({ kind: 'decision', id });
      }
    });
    keyed(actionsMap(doc) as Y.Map<unknown>, 'action');
    logged(actionEventsArray(doc) as Y.Array<unknown>, 'action', 'actionId');
    keyed(checklistsMap(doc) as Y.Map<unknown>, 'checklist');
    logged(checklistEventsArray(doc) as Y.Array<unknown>, 'checklist', 'checklistId');
  }

  private schedule(doc: Y.Doc, t: Tracked): void {
    if (t.timer.value) return;
    const write = () => {
      t.timer.clear();
      if (!doc.isDestroyed) this.flush(doc, t);
    };
    t.timer.value = timeout(write, this.opts.delayMs ?? SEARCH_INDEX_WRITE_DELAY_MS, { unref: true });
  }

  private flush(doc: Y.Doc, t: Tracked): void {
    t.timer.clear();
    if (!t.whole && t.dirty.size === 0) return;
    const { store, log } = this.opts;
    const index = this.opts.index();
    if (!store.status.ok || index === null) return;
    // Every change of a loaded document is appended inside its 'update' event (PersistenceExtension),
    // so what the document holds now is what the store holds up to its last row.
    // An incident being indexed whole (in slices) takes its other changes once that is done.
    if (index.busy(t.incidentId)) {
      if (!doc.isDestroyed) this.schedule(doc, t);
      return;
    }
    const failed = (err: unknown) => log(`search index not updated for ${t.incidentId}: ${(err as Error).message}`);
    try {
      const upto = index.storedUpto(t.docName);
      if (t.whole) {
        // Everything changed so far is in these rows; what changes while they are written waits (busy).
        const rows = allRows(doc);
        t.whole = false;
        t.dirty.clear();
        index.replaceIncidentGradually(t.incidentId, rows, upto).catch((err: unknown) => {
          // Left behind the store: read whole again on the next flush (or start, or `warroom reindex`).
          t.whole = true;
          failed(err);
        });
      } else {
        index.applyChanges(t.incidentId, rowsForRecords(doc, [...t.dirty.values()]), upto);
        t.dirty.clear();
      }
    } catch (err) {
      failed(err);
    }
  }
}
