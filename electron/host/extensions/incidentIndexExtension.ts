// Keeps the derived `incidents` table in step with every loaded document's meta and entry count,
// so listing incidents never loads a whole document.
import type { afterLoadDocumentPayload, beforeUnloadDocumentPayload, Extension } from '@hocuspocus/server';
import type * as Y from 'yjs';
import type { IncidentSummary } from '../../../shared/model/types';
import type { IncidentStore } from '../store';
import { summaryChanged, summaryFromDoc } from '../incidentIndex';

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

  constructor(
    private readonly opts: { store: IncidentStore; onChanged: () => void; log: (line: string) => void },
  ) {}

  async afterLoadDocument({ document }: afterLoadDocumentPayload): Promise<void> {
    this.refresh(document);
    // A burst of updates becomes one index write at most every INDEX_WRITE_DELAY_MS.
    document.on('update', () => {
      if (this.pending.has(document)) return;
      this.pending.add(document);
      setTimeout(() => {
        this.pending.delete(document);
        if (!document.isDestroyed) this.refresh(document);
      }, INDEX_WRITE_DELAY_MS).unref();
    });
  }

  /** A document leaving memory writes its row now rather than after it is gone. */
  async beforeUnloadDocument({ document }: beforeUnloadDocumentPayload): Promise<void> {
    if (this.pending.has(document)) this.refresh(document);
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
}
