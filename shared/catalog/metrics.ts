// Metrics across incidents, as pure functions of catalog rows, so each definition is tested on
// hand-made incidents with known answers. Every duration is measured from the incident's key times
// (never from when someone typed them), and an incident lacking a key time a metric needs is
// reported as excluded with the reason, not silently dropped.
import { DateTime } from 'luxon';
import type { Instant, Severity } from '../model/types';
import { SEVERITIES } from '../model/types';
import type { CatalogIncident } from '../protocol/catalog';
import { incidentStart } from '../model/incidentStart';
import type { Period, ResponseMeasure } from './catalogQuery';
import { effectiveDue, isOverdue, type FollowUpPolicy } from './followUpPolicy';

export { PERIODS, RESPONSE_MEASURES, type Period, type ResponseMeasure } from './catalogQuery';

/** The period an instant falls in, as a sortable key: the Monday of its ISO week, or its month (UTC). */
export function periodKey(at: Instant, period: Period): string {
  const t = DateTime.fromISO(at, { zone: 'utc' });
  return period === 'week' ? (t.startOf('week').toISODate() as string) : t.toFormat('yyyy-LL');
}

export function periodLabel(key: string, period: Period): string {
  const t = DateTime.fromISO(key, { zone: 'utc' });
  return period === 'week' ? `Week of ${t.toFormat('d LLL yyyy')}` : t.toFormat('LLL yyyy');
}

/** Every period from the first key to the last, so a quiet week shows as zero rather than vanishing. */
export function periodRange(keys: readonly string[], period: Period): string[] {
  if (keys.length === 0) return [];
  const sorted = [...keys].sort();
  const out: string[] = [];
  let t = DateTime.fromISO(sorted[0] as string, { zone: 'utc' });
  const last = sorted[sorted.length - 1] as string;
  while (out.length === 0 || (out[out.length - 1] as string) < last) {
    out.push(periodKey(t.toISO() as string, period));
    t = t.plus(period === 'week' ? { weeks: 1 } : { months: 1 });
  }
  return out;
}

// ---- incidents per period, by severity ----

export interface PeriodCount {
  period: string;
  counts: Record<Severity, number>;
}

/** Incidents counted in the period their impact started (else detection, else declaration). */
export function incidentsPerPeriod(incidents: readonly CatalogIncident[], period: Period): PeriodCount[] {
  const byKey = new Map<string, Record<Severity, number>>();
  const zero = () => Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const incident of incidents) {
    const key = periodKey(incidentStart(incident), period);
    const counts = byKey.get(key) ?? zero();
    counts[incident.severity] += 1;
    byKey.set(key, counts);
  }
  return periodRange([...byKey.keys()], period).map((key) => ({ period: key, counts: byKey.get(key) ?? zero() }));
}

// ---- time to detect, mitigate, resolve ----

/** The key time each measure ends at; every measure starts at impact start. */
const MEASURE_END = { detect: 'detectedAt', mitigate: 'mitigatedAt', resolve: 'resolvedAt' } as const;
export const MEASURE_LABELS: Record<ResponseMeasure, string> = { detect: 'Time to detect', mitigate: 'Time to mitigate', resolve: 'Time to resolve' };
const END_LABELS: Record<ResponseMeasure, string> = { detect: 'detected', mitigate: 'mitigated', resolve: 'resolved' };

export interface Excluded {
  incident: CatalogIncident;
  reason: string;
}

export interface Sample {
  incident: CatalogIncident;
  minutes: number;
}

const MS_PER_MINUTE = 60_000;

/**
 * Minutes from impact start to the measure's key time, for each incident that has both, in order.
 * Excluded: no impact start, no end time yet, or an end before the start (a slip to correct).
 */
export function responseSamples(incidents: readonly CatalogIncident[], measure: ResponseMeasure): { samples: Sample[]; excluded: Excluded[] } {
  const samples: Sample[] = [];
  const excluded: Excluded[] = [];
  for (const incident of incidents) {
    const start = incident.impactStartedAt;
    const end = incident[MEASURE_END[measure]];
    if (!start) excluded.push({ incident, reason: 'no impact start recorded' });
    else if (!end) excluded.push({ incident, reason: `not ${END_LABELS[measure]} (no time recorded)` });
    else if (end < start) excluded.push({ incident, reason: `${END_LABELS[measure]} before impact started` });
    else samples.push({ incident, minutes: Math.round((Date.parse(end) - Date.parse(start)) / MS_PER_MINUTE) });
  }
  return { samples, excluded };
}

/** The middle value; the mean of the two middle values when the count is even. Null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Nearest rank: the smallest value with at least 90 % of the values at or below it. Null for none. */
export function p90(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.ceil(0.9 * s.length) - 1] as number;
}

export interface ResponseStats {
  group: string;
  count: number;
  median: number | null;
  p90: number | null;
}

function stats(group: string, samples: readonly Sample[]): ResponseStats {
  const minutes = samples.map((s) => s.minutes);
  return { group, count: minutes.length, median: median(minutes), p90: p90(minutes) };
}

/** Median and p90 per severity (every severity, empty ones with a count of 0). */
export function statsBySeverity(samples: readonly Sample[]): ResponseStats[] {
  return SEVERITIES.map((s) => stats(s, samples.filter((x) => x.incident.severity === s)));
}

/** Median and p90 per service; an incident with two services counts for both, one without for "(no service)". */
export function statsByService(samples: readonly Sample[]): ResponseStats[] {
  const groups = new Map<string, Sample[]>();
  for (const sample of samples) {
    const services = sample.incident.services.length > 0 ? sample.incident.services : [NO_SERVICE];
    for (const service of services) groups.set(service, [...(groups.get(service) ?? []), sample]);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([group, list]) => stats(group, list));
}
export const NO_SERVICE = '(no service)';

/** Median and p90 per period (of impact start), every period in the range, for the chart over time. */
export function statsOverTime(samples: readonly Sample[], period: Period): ResponseStats[] {
  const groups = new Map<string, Sample[]>();
  for (const sample of samples) {
    const key = periodKey(incidentStart(sample.incident), period);
    groups.set(key, [...(groups.get(key) ?? []), sample]);
  }
  return periodRange([...groups.keys()], period).map((key) => stats(key, groups.get(key) ?? []));
}

// ---- open action items by age ----

export const AGE_BUCKETS = [
  { label: 'Under 1 week', maxDays: 7 },
  { label: '1–4 weeks', maxDays: 28 },
  { label: '1–3 months', maxDays: 91 },
  { label: 'Over 3 months', maxDays: Infinity },
] as const;

export interface OpenItem {
  incident: CatalogIncident;
  action: CatalogIncident['actions'][number];
  ageDays: number;
  dueAt: Instant | null;
  dueByPolicy: boolean;
  overdue: boolean;
}

const MS_PER_DAY = 86_400_000;

/** Every open action item with its age (days since it was created) and its due date, oldest first. */
export function openItems(incidents: readonly CatalogIncident[], policy: FollowUpPolicy, now: Instant): OpenItem[] {
  const items: OpenItem[] = [];
  for (const incident of incidents) {
    for (const action of incident.actions) {
      if (action.status !== 'open') continue;
      const due = effectiveDue(action, policy);
      items.push({
        incident,
        action,
        ageDays: Math.max(0, Math.floor((Date.parse(now) - Date.parse(action.createdAt)) / MS_PER_DAY)),
        dueAt: due.dueAt,
        dueByPolicy: due.byPolicy,
        overdue: isOverdue(action, policy, now),
      });
    }
  }
  return items.sort((a, b) => b.ageDays - a.ageDays || a.action.id.localeCompare(b.action.id));
}

export interface AgeBucket {
  label: string;
  onTime: number;
  overdue: number;
}

export function itemsByAge(items: readonly OpenItem[]): AgeBucket[] {
  return AGE_BUCKETS.map((bucket, i) => {
    const min = i === 0 ? 0 : AGE_BUCKETS[i - 1]!.maxDays;
    const inside = items.filter((it) => it.ageDays >= min && it.ageDays < bucket.maxDays);
    return { label: bucket.label, onTime: inside.filter((it) => !it.overdue).length, overdue: inside.filter((it) => it.overdue).length };
  });
}

// ---- decisions reviewed wrong or mixed ----

export interface DecisionReview {
  period: string;
  right: number;
  mixed: number;
  wrong: number;
}

export interface DecisionReviewSummary {
  /** Per period of the incident's impact start. */
  periods: DecisionReview[];
  reviewed: number;
  wrongOrMixed: number;
  /** (wrong + mixed) / reviewed; null when nothing was reviewed. */
  share: number | null;
  /** Decisions taken (decided, superseded or reversed) that nobody reviewed yet. */
  unreviewed: number;
}

/** Counts decisions with a review verdict; proposed decisions, never taken, do not count. */
export function decisionReviews(incidents: readonly CatalogIncident[], period: Period): DecisionReviewSummary {
  const byKey = new Map<string, DecisionReview>();
  let unreviewed = 0;
  for (const incident of incidents) {
    const key = periodKey(incidentStart(incident), period);
    for (const decision of incident.decisions) {
      if (decision.status === 'proposed') continue;
      if (decision.verdict === null) {
        unreviewed += 1;
        continue;
      }
      const row = byKey.get(key) ?? { period: key, right: 0, mixed: 0, wrong: 0 };
      row[decision.verdict] += 1;
      byKey.set(key, row);
    }
  }
  const periods = periodRange([...byKey.keys()], period).map((key) => byKey.get(key) ?? { period: key, right: 0, mixed: 0, wrong: 0 });
  const reviewed = periods.reduce((n, p) => n + p.right + p.mixed + p.wrong, 0);
  const wrongOrMixed = periods.reduce((n, p) => n + p.mixed + p.wrong, 0);
  return { periods, reviewed, wrongOrMixed, share: reviewed === 0 ? null : wrongOrMixed / reviewed, unreviewed };
}
