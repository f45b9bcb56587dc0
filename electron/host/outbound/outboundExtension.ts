// Sends each customer status update posted in Comms to the configured targets. A Hocuspocus
// extension: it watches the status updates of every loaded incident document, and an update that
// appears after the document loaded (posted by a client, or synced from a replica) is delivered
// once per target, in the background. Internal updates never leave the war room.
import type { afterLoadDocumentPayload, Extension } from '@hocuspocus/server';
import type * as Y from 'yjs';
import { readIncident } from '../../../shared/model/doc';
import { readStatusUpdates, statusUpdatesMap } from '../../../shared/model/statusUpdates';
import { deliver, payloadFor, type DeliveryPolicy, type DeliveryState, type OutboundTarget } from './statusWebhooks';

export interface DeliveryRecord {
  incidentId: string;
  updateId: string;
  target: string;
  state: DeliveryState;
}

export interface OutboundOptions {
  /** Read at each update, so a change of targets applies to the next one. */
  targets: () => OutboundTarget[];
  log: (line: string) => void;
  onDelivery?: (record: DeliveryRecord) => void;
  policy?: DeliveryPolicy;
}

export class OutboundExtension implements Extension {
  /** Latest state per incident, update and target. */
  private readonly deliveries = new Map<string, DeliveryRecord>();
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(private readonly opts: OutboundOptions) {}

  async afterLoadDocument({ document }: afterLoadDocumentPayload): Promise<void> {
    const known = new Set(statusUpdatesMap(document).keys());
    statusUpdatesMap(document).observe((event) => {
      for (const [id, change] of event.changes.keys) {
        if (change.action !== 'add' || known.has(id)) continue;
        known.add(id);
        this.send(document, id);
      }
    });
  }

  private send(doc: Y.Doc, updateId: string): void {
    const incident = readIncident(doc);
    const update = readStatusUpdates(doc).find((u) => u.id === updateId);
    if (!incident || !update || update.audience !== 'customers') return;
    for (const target of this.opts.targets()) {
      const record = (state: DeliveryState) => {
        const entry = { incidentId: incident.id, updateId, target: target.name, state };
        this.deliveries.set(`${incident.id}/${updateId}/${target.name}`, entry);
        if (state.state !== 'sent') this.opts.log(`status update ${updateId} to ${target.name}: ${state.state} (${state.reason})`);
        this.opts.onDelivery?.(entry);
      };
      const job = deliver(target, payloadFor(target, incident, update), record, this.opts.policy);
      this.inFlight.add(job);
      void job.finally(() => this.inFlight.delete(job));
    }
  }

  list(): DeliveryRecord[] {
    return [...this.deliveries.values()];
  }

  /** Waits for deliveries under way (host close). */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }
}
