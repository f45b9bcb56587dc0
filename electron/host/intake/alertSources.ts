// What each alerting tool posts, as zod schemas, and how each payload becomes the alerts intake
// routes. Only the fields we use are required; tools add fields between versions, so unknown
// ones pass. A payload that does not fit gets a message naming the field (see describeIssue).
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Instant } from '../../../shared/model/types';
import { INTAKE_SOURCES } from '../../../shared/protocol/api';

export { INTAKE_SOURCES };
export type IntakeSource = (typeof INTAKE_SOURCES)[number];

export const SOURCE_NAMES: Record<IntakeSource, string> = {
  alertmanager: 'Alertmanager',
  grafana: 'Grafana',
  pagerduty: 'PagerDuty',
  generic: 'a generic webhook',
};

/** One alert, whatever tool sent it. */
export interface IntakeAlert {
  status: 'firing' | 'resolved';
  /** Alertmanager's fingerprint, PagerDuty's incident id, or the generic dedup key. */
  fingerprint: string;
  /** When the alert started (resolved alerts: when it ended, when the tool says so). */
  startsAt: Instant;
  endsAt: Instant | null;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  link: string | null;
  /** A title the tool already wrote (PagerDuty, generic); else the token's template makes one. */
  title: string | null;
  /**
   * The alerting tool's own group (Alertmanager's and Grafana's groupKey): every alert of one group
   * belongs to the incident the group opened, so a storm of distinct alerts opens one incident.
   */
  groupKey: string | null;
}

/** Any ISO-8601 time with a zone (Z or an offset), to UTC with milliseconds; nanoseconds are cut. */
const AlertTime = z.string().transform((value, ctx) => {
  const parsed = /(Z|[+-]\d\d:?\d\d)$/.test(value) ? DateTime.fromISO(value, { setZone: true }) : null;
  if (!parsed?.isValid) {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not an ISO-8601 time with a zone, such as 2026-12-07T01:50:00Z` });
    return z.NEVER;
  }
  return parsed.toUTC().toISO() as Instant;
});
/** Alertmanager marks "not ended" with Go's zero time. */
const GO_ZERO_YEAR = 1;
const endTime = (value: Instant | undefined): Instant | null => (value && DateTime.fromISO(value).year > GO_ZERO_YEAR ? value : null);

const StringMap = z.record(z.string(), z.string());
const AlertStatus = z.enum(['firing', 'resolved'], { message: 'status is "firing" or "resolved"' });
const Url = z.string().url().max(2048);
const Key = z.string().trim().min(1).max(512);

/** One alert as Alertmanager sends it; Grafana's alerting sends the same shape with more links. */
const AlertingAlert = z.object({
  status: AlertStatus,
  labels: StringMap,
  annotations: StringMap.default({}),
  startsAt: AlertTime,
  endsAt: AlertTime.optional(),
  generatorURL: z.string().optional(),
  fingerprint: Key,
});

/** Prometheus Alertmanager webhook, version 4 (prometheus.io/docs/alerting/latest/configuration/#webhook_config). */
export const AlertmanagerPayload = z.object({
  version: z.literal('4', { message: 'version must be "4" (Alertmanager webhook format)' }),
  status: AlertStatus,
  groupKey: z.string().max(4096).optional(),
  externalURL: z.string().optional(),
  alerts: z.array(AlertingAlert).min(1, 'alerts is empty'),
});

/** Grafana alerting webhook contact point (grafana.com/docs/grafana/latest/alerting/configure-notifications/manage-contact-points/integrations/webhook-notifier/). */
export const GrafanaPayload = z.object({
  status: AlertStatus,
  groupKey: z.string().max(4096).optional(),
  alerts: z.array(AlertingAlert.extend({ dashboardURL: z.string().optional(), panelURL: z.string().optional() })).min(1, 'alerts is empty'),
});

const PAGERDUTY_EVENTS = ['incident.triggered', 'incident.acknowledged', 'incident.resolved'] as const;
/** PagerDuty webhook v3 (developer.pagerduty.com/docs/db0fa8c8984fc-overview): one event per request. */
export const PagerDutyPayload = z.object({
  event: z.object({
    id: Key,
    event_type: z.enum(PAGERDUTY_EVENTS, { message: `event_type is one of ${PAGERDUTY_EVENTS.join(', ')}` }),
    occurred_at: AlertTime,
    data: z.object({
      id: Key,
      title: z.string().max(1024),
      html_url: z.string().optional(),
      urgency: z.string().optional(),
      incident_key: z.string().nullish(),
      priority: z.object({ summary: z.string() }).nullish(),
      service: z.object({ summary: z.string() }).nullish(),
    }),
  }),
});

/** War Room's own generic format: documented in electron/host/intake/README.md. */
export const GenericPayload = z.object({
  title: z.string().trim().min(1, 'title is empty').max(1024),
  severity: z.string().max(64).optional(),
  service: z.string().max(256).optional(),
  dedupKey: Key,
  status: AlertStatus.default('firing'),
  time: AlertTime,
  link: Url.optional(),
  labels: StringMap.default({}),
  annotations: StringMap.default({}),
});

const linkOf = (...candidates: Array<string | null | undefined>): string | null => candidates.find((c) => c && /^https?:\/\//i.test(c)) ?? null;

type Alerting = z.infer<typeof AlertingAlert> & { dashboardURL?: string; panelURL?: string };
function fromAlerting(alert: Alerting, groupKey: string | undefined): IntakeAlert {
  return {
    status: alert.status,
    fingerprint: alert.fingerprint,
    startsAt: alert.startsAt,
    endsAt: endTime(alert.endsAt),
    labels: alert.labels,
    annotations: alert.annotations,
    link: linkOf(alert.generatorURL, alert.dashboardURL, alert.panelURL),
    title: null,
    groupKey: groupKey ?? null,
  };
}

/** Zod's first issue as "field.path: message", so the sender sees which field to fix. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'the payload does not match';
  const field = issue.path.map(String).join('.');
  return field ? `${field}: ${issue.message}` : issue.message;
}

export type ParsedPayload = { ok: true; alerts: IntakeAlert[] } | { ok: false; reason: string };

function parseWith<S extends z.ZodType>(schema: S, body: unknown, convert: (payload: z.output<S>) => IntakeAlert[]): ParsedPayload {
  const result = schema.safeParse(body);
  return result.success ? { ok: true, alerts: convert(result.data) } : { ok: false, reason: describeIssue(result.error) };
}

/** The alerts in a source's payload, or why the payload is refused. */
export function parsePayload(source: IntakeSource, body: unknown): ParsedPayload {
  switch (source) {
    case 'alertmanager':
      return parseWith(AlertmanagerPayload, body, (p) => p.alerts.map((alert) => fromAlerting(alert, p.groupKey)));
    case 'grafana':
      return parseWith(GrafanaPayload, body, (p) => p.alerts.map((alert) => fromAlerting(alert, p.groupKey)));
    case 'pagerduty':
      return parseWith(PagerDutyPayload, body, ({ event }) => [
        {
          status: event.event_type === 'incident.resolved' ? 'resolved' : 'firing',
          fingerprint: event.data.incident_key || event.data.id,
          startsAt: event.occurred_at,
          endsAt: event.event_type === 'incident.resolved' ? event.occurred_at : null,
          labels: {
            pagerduty_event: event.event_type,
            ...(event.data.urgency ? { urgency: event.data.urgency } : {}),
            ...(event.data.priority ? { severity: event.data.priority.summary } : {}),
            ...(event.data.service ? { service: event.data.service.summary } : {}),
          },
          annotations: {},
          link: linkOf(event.data.html_url),
          title: event.data.title,
          groupKey: null,
        },
      ]);
    case 'generic':
      return parseWith(GenericPayload, body, (p) => [
        {
          status: p.status,
          fingerprint: p.dedupKey,
          startsAt: p.time,
          endsAt: p.status === 'resolved' ? p.time : null,
          labels: { ...p.labels, ...(p.severity ? { severity: p.severity } : {}), ...(p.service ? { service: p.service } : {}) },
          annotations: p.annotations,
          link: p.link ?? null,
          title: p.title,
          groupKey: null,
        },
      ]);
  }
}
