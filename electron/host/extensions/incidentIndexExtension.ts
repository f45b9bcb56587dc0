// Keeps the derived `incidents` table in step with every loaded document's meta and entry count,
// so listing incidents never loads a whole document.
import type { afterLoadDocumentPayload, Extension } from '@hocuspocus/server';
import type * as Y from 'yjs';
import type { IncidentSummary } from '../../../shared/model/types';
import type { IncidentStore } from '../store';
import { summaryChanged, summaryFromDoc } from '../incidentIndex';

export class IncidentIndexExtension implements Extension {
  readonly extensionName = 'war-room-incident-index';
  /** After persistence, so it observes a fully loaded document. */
  readonly priority = 100;
  private readonly pending = new Set<Y.Doc>();

  constructor(
    private readonly opts: { store: IncidentStore; onChanged: () => void; log: (line: string) => void },
  ) {}

  async afterLoadDocument({ document }: afterLoadDocumentPayload): Promise<void> {
    this.refresh(document);
    // A burst of typed updates becomes one index write on the next turn of the event loop.
    document.on('update', () => {
      if (this.pending.has(document)) return;
      this.pending.add(document);
      setImmediate(() => {
        this.pending.delete(document);
        if (!document.isDestroyed) this.refresh(document);
      });
    });
  }

  /** Writes the document's row when it changed; returns whether it did. */
  refresh(doc: Y.Doc): boolean {
    const { store } = this.opts;
    if (!store.status.ok) return false;
    const summary = summaryFromDoc(doc, new Date().toISOString());
    if (!summary) return false;
    let known: IncidentSummary | undefined;
    try {
      known = store.getSummary(summary.id);
      if (!summaryChanged(known, summary)) return false;
      store.upsertSummary(summary);
    } catch (err) {
      this.opts.log(`incident index not updated for ${summary.id}: ${(err as Error).message}`);
      return false;
    }
    this.opts.onChanged();
    return true;
  }
}
