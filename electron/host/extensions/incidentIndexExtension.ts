// Keeps the derived `incidents` table in step with every loaded document's meta and entry count,
// so listing incidents never loads a whole document.
import type { afterLoadDocumentPayload, beforeUnloadDocumentPayload, Extension } from '@hocuspocus/server';
import type * as Y from 'yjs';
import { firstScreenOf, type FirstScreen } from '../../../shared/model/firstScreen';
import type { IncidentSummary } from '../../../shared/model/types';
import type { IncidentStore } from '../store';
import { summaryChanged, summaryFromDoc } from '../incidentIndex';
import { storeFirstScreen } from '../firstScreens';

/**
 * The index is derived data (rebuilt from the documents when rows are missing), so it need not be
 * written with every update: every new entry changes the entry count, and writing the row each time
 * would add a second fsync and an incident-list broadcast to every keystroke-sized append.
 */
export const INDEX_WRITE_DELAY_MS = 1000;

export class IncidentIndexExtension implements Extension {
  readonly extensionName = 'war-room-incident-index';
  /** After persistence, so it observes a fully loaded document. */
  readonly priority = 100;
  private readonly pending = new Set<Y.Doc>();
  /** The row last written per incident, so an unchanged summary costs no query. */
  private readonly written = new Map<string, IncidentSummary>();
  /** Loaded documents changed since their first screen was stored. */
  private readonly changed = new WeakSet<Y.Doc>();
  /** A loaded document's first screen, until its next update. */
  private readonly screens = new WeakMap<Y.Doc, FirstScreen | null>();

  constructor(
    private readonly opts: { store: IncidentStore; onChanged: () => void; log: (line: string) => void },
  ) {}

  async afterLoadDocument({ document, documentName }: afterLoadDocumentPayload): Promise<void> {
    this.refresh(document);
    if (this.opts.store.status.ok && this.opts.store.firstScreen(documentName) === undefined) this.storeFirstScreen(documentName, document);
    // A burst of updates becomes one index write at most every INDEX_WRITE_DELAY_MS.
    document.on('update', () => {
      this.changed.add(document);
      this.screens.delete(document);
      if (this.pending.has(document)) return;
      this.pending.add(document);
      setTimeout(() => {
        this.pending.delete(document);
        if (!document.isDestroyed) this.refresh(document);
      }, INDEX_WRITE_DELAY_MS).unref();
    });
  }

  /** A document leaving memory writes its row now rather than after it is gone. */
  async beforeUnloadDocument({ document, documentName }: beforeUnloadDocumentPayload): Promise<void> {
    if (this.pending.has(document)) this.refresh(document);
    // Once per unload, not per update: reading the first screen is a pass over every entry.
    if (this.changed.has(document)) this.storeFirstScreen(documentName, document);
  }

  /**
   * The incident's first screen: from its document while that is loaded (read once per change),
   * else as stored, so a closed 100k-entry incident opens without loading it. Null when neither.
   */
  firstScreen(documentName: string, loaded: Y.Doc | undefined): FirstScreen | null {
    if (loaded) {
      let screen = this.screens.get(loaded);
      if (screen === undefined) {
        screen = firstScreenOf(loaded);
        this.screens.set(loaded, screen);
      }
      return screen;
    }
    const stored = this.opts.store.status.ok ? this.opts.store.firstScreen(documentName) : undefined;
    return stored === undefined ? null : (JSON.parse(stored) as FirstScreen);
  }

  /** Writes the document's row when it changed; returns whether it did. */
  refresh(doc: Y.Doc): boolean {
    const { store } = this.opts;
    if (!store.status.ok) return false;
    const summary = summaryFromDoc(doc, new Date().toISOString());
    if (!summary) return false;
    try {
      const known = this.written.get(summary.id) ?? store.getSummary(summary.id);
      if (!summaryChanged(known, summary)) return false;
      store.upsertSummary(summary);
      this.written.set(summary.id, summary);
    } catch (err) {
      this.opts.log(`incident index not updated for ${summary.id}: ${(err as Error).message}`);
      return false;
    }
    this.opts.onChanged();
    return true;
  }

  private storeFirstScreen(documentName: string, doc: Y.Doc): void {
    const failure = storeFirstScreen(this.opts.store, documentName, doc);
    if (failure) this.opts.log(failure);
    else this.changed.delete(doc);
  }
}
