// Status updates going out: the payload each kind of target takes, and delivery with retries and
// exponential backoff. Delivery never throws and never blocks the caller: it reports its state
// (retrying, sent, failed with a reason) through onState while the war room carries on.
import { createHmac } from 'node:crypto';
import { z } from 'zod';
import type { StatusUpdate } from '../../../shared/model/coordinationTypes';
import type { Incident } from '../../../shared/model/types';

export const OUTBOUND_KINDS = ['generic', 'slack', 'teams'] as const;

export const OutboundTargetSchema = z.object({
  name: z.string().trim().min(1).max(100),
  kind: z.enum(OUTBOUND_KINDS, { message: `kind is one of ${OUTBOUND_KINDS.join(', ')}` }),
  url: z.string().url().refine((u) => /^https?:\/\//i.test(u), { message: 'url is http(s)' }),
  /** generic: signs the body (HMAC-SHA256) so the receiver knows it came from this war room. */
  secret: z.string().min(16).optional(),
});
export type OutboundTarget = z.infer<typeof OutboundTargetSchema>;

export const SIGNATURE_HEADER = 'X-WarRoom-Signature';

export interface DeliveryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** Wait before the second attempt; doubled before each next one. */
  firstBackoffMs: number;
  /** One attempt's limit: a receiver that hangs counts as down. */
  timeoutMs: number;
}

/** 5 attempts over ~30 s (2+4+8+16): rides out a receiver's restart, gives up before the next update is due. */
export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = { attempts: 5, firstBackoffMs: 2000, timeoutMs: 10_000 };

export type DeliveryState =
  | { state: 'retrying'; attempt: number; reason: string }
  | { state: 'sent'; attempts: number }
  | { state: 'failed'; attempts: number; reason: string };

type IncidentFacts = Pick<Incident, 'id' | 'title' | 'severity' | 'status'>;

/** The generic JSON body (documented in electron/host/outbound/README.md). */
export function genericBody(incident: IncidentFacts, update: StatusUpdate): string {
  return JSON.stringify({
    type: 'status-update',
    incident: { id: incident.id, title: incident.title, severity: incident.severity, status: incident.status },
    update: { id: update.id, audience: update.audience, status: update.template, text: update.text, postedBy: update.postedBy, postedAt: update.postedAt },
  });
}

const headline = (incident: IncidentFacts, update: StatusUpdate) => `[${incident.severity}] ${incident.title}: ${update.template}`;

export function payloadFor(target: OutboundTarget, incident: IncidentFacts, update: StatusUpdate): { body: string; headers: Record<string, string> } {
  const json = { 'Content-Type': 'application/json' };
  switch (target.kind) {
    case 'generic': {
      const body = genericBody(incident, update);
      const signature: Record<string, string> = target.secret ? { [SIGNATURE_HEADER]: `sha256=${createHmac('sha256', target.secret).update(body).digest('hex')}` } : {};
      return { body, headers: { ...json, ...signature } };
    }
    case 'slack':
      // Slack incoming webhooks: `text` is mrkdwn.
      return { body: JSON.stringify({ text: `*${headline(incident, update)}*\n${update.text}` }), headers: json };
    case 'teams':
      // Microsoft Teams incoming webhook, legacy MessageCard format.
      return {
        body: JSON.stringify({ '@type': 'MessageCard', '@context': 'https://schema.org/extensions', summary: headline(incident, update), title: headline(incident, update), text: update.text }),
        headers: json,
      };
  }
}

/** 5xx, 429 and network failures are worth another try; any other answer will not change. */
const retryable = (status: number) => status >= 500 || status === 429;

export async function deliver(
  target: OutboundTarget,
  payload: { body: string; headers: Record<string, string> },
  onState: (state: DeliveryState) => void,
  policy: DeliveryPolicy = DEFAULT_DELIVERY_POLICY,
): Promise<DeliveryState> {
  let reason = '';
  let attempts = 0;
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    attempts = attempt;
    try {
      const res = await fetch(target.url, { method: 'POST', body: payload.body, headers: payload.headers, signal: AbortSignal.timeout(policy.timeoutMs) });
      await res.arrayBuffer().catch(() => undefined);
      if (res.ok) {
        const sent: DeliveryState = { state: 'sent', attempts: attempt };
        onState(sent);
        return sent;
      }
      reason = `${target.name} answered ${res.status} ${res.statusText}`.trim();
      if (!retryable(res.status)) break;
    } catch (err) {
      const cause = (err as { cause?: { code?: string } }).cause?.code;
      reason = `${target.name} unreachable: ${cause ?? (err as Error).message}`;
    }
    if (attempt < policy.attempts) {
      onState({ state: 'retrying', attempt, reason });
      // Unref'd: a pending retry never keeps a closing host alive.
      await new Promise((r) => setTimeout(r, policy.firstBackoffMs * 2 ** (attempt - 1)).unref());
    } else break;
  }
  const failed: DeliveryState = { state: 'failed', attempts, reason };
  onState(failed);
  return failed;
}
