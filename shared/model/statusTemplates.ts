import { durationWords, formatDateTime } from '../time/format';
import type { Audience } from './coordinationTypes';
import { incidentStart } from './incidentStart';
import type { Incident, IncidentStatus, Instant } from './types';

// Status update templates: one per incident status × audience, filled from the incident's
// fields. Internal updates carry severity, commander and working detail; customer updates
// are plain language with no internal jargon (no SEV labels, no names). The result is a
// starting draft: the composer lets the person edit it before posting.

/** What a customer reads when nobody has written the impact yet: honest, not alarming. */
const CUSTOMER_IMPACT_FALLBACK = 'some of our services';
const INTERNAL_IMPACT_FALLBACK = 'not yet assessed';
const SUMMARY_FALLBACK = 'No summary written yet.';

export const STATUS_TEMPLATE_LABELS: Record<IncidentStatus, string> = {
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
};


interface Fields {
  title: string;
  severity: string;
  status: string;
  commander: string;
  impact: string;
  summary: string;
  started: string;
  /** "2 hours 5 minutes": since the start until now, or until resolution. */
  elapsed: string;
  resolved: string;
}

function fieldsOf(incident: Incident, now: Instant, audience: Audience): Fields {
  const zone = incident.timeZone;
  const start = incidentStart(incident);
  const end = incident.resolvedAt ?? now;
  const impact = incident.impact.trim();
  return {
    title: incident.title.trim(),
    severity: incident.severity,
    status: incident.status,
    commander: incident.commander.trim(),
    impact: impact || (audience === 'customers' ? CUSTOMER_IMPACT_FALLBACK : INTERNAL_IMPACT_FALLBACK),
    summary: incident.summary.trim() || SUMMARY_FALLBACK,
    started: formatDateTime(start, zone),
    elapsed: durationWords(start, end),
    resolved: formatDateTime(end, zone),
  };
}

const CUSTOMER_LEADS: Record<IncidentStatus, (f: Fields) => string[]> = {
  investigating: (f) => [
    `We are investigating an issue affecting ${f.impact}.`,
    `It began at ${f.started}. We will post another update as soon as we know more.`,
  ],
  identified: (f) => [
    `We have identified the cause of the issue affecting ${f.impact} and are working on a fix.`,
    `The issue began at ${f.started} (${f.elapsed} ago).`,
  ],
  monitoring: (f) => [
    `A fix is in place for the issue affecting ${f.impact}, and we are monitoring the results.`,
    `The issue began at ${f.started}. We will confirm once it is fully resolved.`,
  ],
  resolved: (f) => [
    `The issue affecting ${f.impact} is resolved.`,
    `It lasted ${f.elapsed}, from ${f.started} to ${f.resolved}. We are sorry for the disruption; a review will follow.`,
  ],
};

const INTERNAL_NEXT: Record<IncidentStatus, string> = {
  investigating: 'Next: find the cause; join the war room if you can help.',
  identified: 'Next: apply and verify the fix.',
  monitoring: 'Next: watch recovery before resolving.',
  resolved: 'Next: close-out checklist and postmortem.',
};

function internalLines(f: Fields, template: IncidentStatus): string[] {
  const lines = [
    `[${f.severity}] ${f.title}: ${STATUS_TEMPLATE_LABELS[template].toLowerCase()}`,
    template === 'resolved'
      ? `Started ${f.started}; resolved ${f.resolved} (${f.elapsed}).`
      : `Started ${f.started} (${f.elapsed} ago).`,
    `Impact: ${f.impact}`,
    `Summary: ${f.summary}`,
  ];
  if (f.commander) lines.push(`Commander: ${f.commander}`);
  lines.push(INTERNAL_NEXT[template]);
  return lines;
}

/**
 * A draft status update for `audience`, written for incident status `template` (which may
 * differ from the incident's current status: the composer lets people pick). Pure.
 */
export function composeStatusUpdate(incident: Incident, template: IncidentStatus, audience: Audience, now: Instant): string {
  const f = fieldsOf(incident, now, audience);
  if (audience === 'internal') return internalLines(f, template).join('\n');
  return [`${STATUS_TEMPLATE_LABELS[template]}: ${f.title}`, '', ...CUSTOMER_LEADS[template](f)].join('\n');
}
