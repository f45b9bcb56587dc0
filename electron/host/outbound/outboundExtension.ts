// Sends each customer status update posted in Comms to the configured targets. A Hocuspocus
// extension: it watches the status updates of every loaded incident document, and an update that
// appears after the document loaded (posted by a client, or synced from a replica) is delivered
// once per target, in the background. Internal updates never leave the war room. Each state of each
// delivery is written back onto the incident (statusDeliveries), so Comms shows it to everyone.
import type { afterLoadDocumentPayload, Extension, Hocuspocus } from '@hocuspocus/server';
import type * as Y from 'yjs';
import { readIncident } from '../../../shared/model/doc';
import { recordDelivery } from '../../../shared/model/statusDeliveries';
import { readStatusUpdates, statusUpdatesMap } from '../../../shared/model/statusUpdates';
import { writeIncident } from '../incidentWriter';
import { deliver, payloadFor, type DeliveryPolicy, type DeliveryState, type OutboundTarget } from './statusWebhooks';

/** The author of delivery records on the timeline's document. */
export const OUTBOUND_AUTHOR = 'War Room (status delivery)';

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

  async afterLoadDocument({ document, instance }: afterLoadDocumentPayload): Promise<void> {
    const known = new Set(statusUpdatesMap(document).keys());
    statusUpdatesMap(document).observe((event) => {
      for (const [id, change] of event.changes.keys) {
        if (change.action !== 'add' || known.has(id)) continue;
        known.add(id);
        this.send(document, id, instance);
      }
    });
  }

  private send(doc: Y.Doc, updateId: string, hocuspocus: Hocuspocus): void {
    const incident = readIncident(doc);
    const update = readStatusUpdates(doc).find((u) => u.id === updateId);
    if (!incident || !update || update.audience !== 'customers') return;
    for (const target of this.opts.targets()) {
      // One target's states are written in the order they happened: "sent" never lands under a late "retrying".
      let written: Promise<unknown> = Promise.resolve();
      const record = (state: DeliveryState) => {
        const entry = { incidentId: incident.id, updateId, target: target.name, state };
        this.deliveries.set(`${incident.id}/${updateId}/${target.name}`, entry);
        if (state.state !== 'sent') this.opts.log(`status update ${updateId} to ${target.name}: ${state.state} (${state.reason})`);
        // Through a direct connection: the document may have been unloaded while a retry waited.
        const write = () =>
          writeIncident({ hocuspocus }, incident.id, OUTBOUND_AUTHOR, (incidentDoc) =>
            recordDelivery(incidentDoc, {
              updateId,
              target: target.name,
              state: state.state,
              attempts: state.state === 'retrying' ? state.attempt : state.attempts,
              reason: state.state === 'sent' ? '' : state.reason,
              at: new Date().toISOString(),
            }),
          ).then(
            () => this.opts.onDelivery?.(entry),
            (err: Error) => this.opts.log(`status update ${updateId} to ${target.name}: state not recorded: ${err.message}`),
          );
        const next = written.then(write);
        written = next;
        this.inFlight.add(next);
        void next.finally(() => this.inFlight.delete(next));
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
