// Where each customer status update went: one record per update and target, kept in the incident's
// document so every participant sees it in Comms ("sent", "retrying: … answered 503", "failed: …")
// and it survives a restart. Written by the host that sends (outbound/outboundExtension.ts); the
// latest state replaces the earlier one.
// `statusDeliveries`: `${updateId} ${target}` → one JSON string.
import type * as Y from 'yjs';
import { z } from 'zod';

export const STATUS_DELIVERIES = 'statusDeliveries';
export const DELIVERY_STATES = ['retrying', 'sent', 'failed'] as const;

const DeliveryRecord = z.object({
  updateId: z.string(),
  target: z.string(),
  state: z.enum(DELIVERY_STATES),
  /** Attempts made so far. */
  attempts: z.number().int().nonnegative().catch(0),
  /** Why the last attempt failed; empty once sent. */
  reason: z.string().catch(''),
  at: z.string().catch(''),
});
export type StatusDelivery = z.infer<typeof DeliveryRecord>;

export function statusDeliveriesMap(doc: Y.Doc): Y.Map<string> {
  return doc.getMap<string>(STATUS_DELIVERIES);
}

/** Sets the latest state of one update's delivery to one target; call it inside the writer's transaction. */
export function recordDelivery(doc: Y.Doc, delivery: StatusDelivery): void {
  statusDeliveriesMap(doc).set(`${delivery.updateId} ${delivery.target}`, JSON.stringify(delivery));
}

function decode(stored: unknown): StatusDelivery | null {
  if (typeof stored !== 'string') return null;
  try {
    const parsed = DeliveryRecord.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Each update's deliveries, by update id, targets in name order. Never throws. */
export function readDeliveries(doc: Y.Doc): Map<string, StatusDelivery[]> {
  const byUpdate = new Map<string, StatusDelivery[]>();
  statusDeliveriesMap(doc).forEach((stored) => {
    const delivery = decode(stored);
    if (!delivery) return;
    const list = byUpdate.get(delivery.updateId) ?? [];
    list.push(delivery);
    byUpdate.set(delivery.updateId, list);
  });
  for (const list of byUpdate.values()) list.sort((a, b) => (a.target < b.target ? -1 : a.target > b.target ? 1 : 0));
  return byUpdate;
}
