// The incident index on the team server: like extensions/incidentIndexExtension.ts, a loaded
// document's summary row is written when its meta or entry count changes, at most once a second,
// but through the asynchronous store. Every instance writes the rows of the documents it holds;
// the upsert is idempotent and the row is derived, so whichever instance writes last is right.
import type { afterLoadDocumentPayload, beforeUnloadDocumentPayload, Extension } from '@hocuspocus/server';
import type * as Y from 'yjs';
import type { IncidentSummary } from '../../../shared/model/types';
import type { DocumentStore } from '../documentStore';
import { INDEX_WRITE_DELAY_MS } from '../extensions/incidentIndexExtension';
import { summaryChanged, summaryFromDoc } from '../incidentIndex';


export class TeamIndexExtension implements Extension {
  readonly extensionName = 'war-room-team-index';
  readonly priority = 100;
  private readonly pending = new Set<Y.Doc>();
  private readonly written = new Map<string, IncidentSummary>();

  constructor(private readonly opts: { store: DocumentStore; log: (line: string) => void; storeFailed(err: Error): void }) {}

  async afterLoadDocument({ document }: afterLoadDocumentPayload): Promise<void> {
    await this.refresh(document);
    document.on('update', () => {
      if (this.pending.has(document)) return;
      this.pending.add(document);
      setTimeout(() => {
        this.pending.delete(document);
        if (!document.isDestroyed) void this.refresh(document);
      }, INDEX_WRITE_DELAY_MS).unref();
    });
  }

  async beforeUnloadDocument({ document }: beforeUnloadDocumentPayload): Promise<void> {
    if (this.pending.has(document)) await this.refresh(document);
  }

  private async refresh(doc: Y.Doc): Promise<void> {
    const summary = summaryFromDoc(doc, new Date().toISOString());
    if (!summary) return;
    try {
      const known = this.written.get(summary.id) ?? (await this.opts.store.getSummary(summary.id));
      if (!summaryChanged(known, summary)) return;
      await this.opts.store.upsertSummary(summary);
      this.written.set(summary.id, summary);
    } catch (err) {
      this.opts.storeFailed(err as Error);
      this.opts.log(`incident index not updated for ${summary.id}: ${(err as Error).message}`);
    }
  }
}
