// What the catalog shows: which incidents pass the filters, and the view state as a URL query so a
// filtered view can be shared. The metrics and the follow-ups read the same filter, so "SEV1 on the
// billing API last quarter" means the same incidents on every screen.
import { DateTime } from 'luxon';
import { SEVERITIES, STATUSES, type IncidentStatus, type Instant, type Severity } from '../model/types';
import type { CatalogIncident } from '../protocol/catalog';
import { incidentStart } from '../model/incidentStart';

/** The catalog's sortable columns; services and tags share one (sorted by services, then tags). */
export const CATALOG_COLUMNS = ['title', 'severity', 'status', 'services', 'commander', 'impactStart', 'duration', 'openActions'] as const;
export type CatalogColumn = (typeof CATALOG_COLUMNS)[number];

export const OPEN_ACTION_FILTERS = ['any', 'some', 'none'] as const;
export type OpenActionFilter = (typeof OPEN_ACTION_FILTERS)[number];

/** The metrics view's period: incidents counted per ISO week or per month. */
export const PERIODS = ['week', 'month'] as const;
export type Period = (typeof PERIODS)[number];

/** The metrics view's response measure: from impact start to detected, mitigated or resolved. */
export const RESPONSE_MEASURES = ['detect', 'mitigate', 'resolve'] as const;
export type ResponseMeasure = (typeof RESPONSE_MEASURES)[number];

export interface CatalogQuery {
  /** Words that must each appear in the title, a service, a tag or the commander. */
  text: string;
  /** Empty: every severity. */
  severities: Severity[];
  /** Empty: every status. */
  statuses: IncidentStatus[];
  service: string;
  tag: string;
  commander: string;
  /** Impact started on or after this day (yyyy-mm-dd, UTC); '' for no bound. */
  from: string;
  /** Impact started on or before this day (yyyy-mm-dd, UTC); '' for no bound. */
  to: string;
  /** Only incidents that lasted at least this many hours; 0 for no bound. */
  minHours: number;
  openActions: OpenActionFilter;
  sort: CatalogColumn;
  desc: boolean;
  /** The metrics view's choices; the other views ignore them. */
  period: Period;
  measure: ResponseMeasure;
}

export const DEFAULT_CATALOG_QUERY: CatalogQuery = {
  text: '',
  severities: [],
  statuses: [],
  service: '',
  tag: '',
  commander: '',
  from: '',
  to: '',
  minHours: 0,
  openActions: 'any',
  sort: 'impactStart',
  desc: true,
  period: 'month',
  measure: 'resolve',
};


const MS_PER_MINUTE = 60_000;
const MINUTES_PER_HOUR = 60;

/** Whole minutes from impact start to resolution, or to `now` while the incident is not resolved. */
export function durationMinutes(incident: CatalogIncident, now: Instant): number {
  const end = incident.resolvedAt ?? now;
  return Math.max(0, Math.floor((Date.parse(end) - Date.parse(incidentStart(incident))) / MS_PER_MINUTE));
}

export function openActionCount(incident: CatalogIncident): number {
  return incident.actions.filter((a) => a.status === 'open').length;
}

const includes = (haystack: string, needle: string) => haystack.toLowerCase().includes(needle.trim().toLowerCase());
const anyIncludes = (values: readonly string[], needle: string) => needle.trim() === '' || values.some((v) => includes(v, needle));

function dayBound(day: string, end: boolean): Instant | null {
  if (day === '') return null;
  const at = DateTime.fromISO(day, { zone: 'utc' });
  if (!at.isValid) return null;
  return (end ? at.endOf('day') : at.startOf('day')).toISO({ suppressMilliseconds: false }) as Instant;
}

/** The incidents passing every filter, in the store's order. */
export function filterCatalog(incidents: readonly CatalogIncident[], query: CatalogQuery, now: Instant): CatalogIncident[] {
  const words = query.text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const from = dayBound(query.from, false);
  const to = dayBound(query.to, true);
  return incidents.filter((incident) => {
    if (query.severities.length > 0 && !query.severities.includes(incident.severity)) return false;
    if (query.statuses.length > 0 && !query.statuses.includes(incident.status)) return false;
    if (!anyIncludes(incident.services, query.service) || !anyIncludes(incident.tags, query.tag)) return false;
    if (query.commander.trim() !== '' && !includes(incident.commander, query.commander)) return false;
    const start = incidentStart(incident);
    if ((from && start < from) || (to && start > to)) return false;
    if (query.minHours > 0 && durationMinutes(incident, now) < query.minHours * MINUTES_PER_HOUR) return false;
    const open = openActionCount(incident);
    if ((query.openActions === 'some' && open === 0) || (query.openActions === 'none' && open > 0)) return false;
    if (words.length === 0) return true;
    const text = [incident.title, incident.commander, ...incident.services, ...incident.tags].join('\n').toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

// ---- the query in the URL: only what differs from the default, so a plain view has a plain URL ----

const LIST_SEPARATOR = ',';
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

function listOf<T extends string>(raw: string | null, allowed: readonly T[]): T[] {
  if (!raw) return [];
  return raw.split(LIST_SEPARATOR).filter((v): v is T => (allowed as readonly string[]).includes(v));
}

function oneOf<T extends string>(raw: string | null, allowed: readonly T[], fallback: T): T {
  return raw !== null && (allowed as readonly string[]).includes(raw) ? (raw as T) : fallback;
}

/** Reads a query from URL parameters; anything unreadable falls back to its default rather than failing. */
export function parseCatalogQuery(params: URLSearchParams): CatalogQuery {
  const day = (key: string) => {
    const v = params.get(key) ?? '';
    return DAY_PATTERN.test(v) && DateTime.fromISO(v).isValid ? v : '';
  };
  const hours = Number(params.get('minHours'));
  return {
    text: params.get('q') ?? '',
    severities: listOf(params.get('sev'), SEVERITIES),
    statuses: listOf(params.get('status'), STATUSES),
    service: params.get('service') ?? '',
    tag: params.get('tag') ?? '',
    commander: params.get('commander') ?? '',
    from: day('from'),
    to: day('to'),
    minHours: Number.isFinite(hours) && hours > 0 ? hours : 0,
    openActions: oneOf(params.get('open'), OPEN_ACTION_FILTERS, 'any'),
    sort: oneOf(params.get('sort'), CATALOG_COLUMNS, DEFAULT_CATALOG_QUERY.sort),
    desc: params.has('sort') ? params.get('dir') !== 'asc' : DEFAULT_CATALOG_QUERY.desc,
    period: oneOf(params.get('per'), PERIODS, DEFAULT_CATALOG_QUERY.period),
    measure: oneOf(params.get('measure'), RESPONSE_MEASURES, DEFAULT_CATALOG_QUERY.measure),
  };
}

export function catalogQueryParams(query: CatalogQuery): URLSearchParams {
  const params = new URLSearchParams();
  const put = (key: string, value: string) => value !== '' && params.set(key, value);
  put('q', query.text);
  put('sev', query.severities.join(LIST_SEPARATOR));
  put('status', query.statuses.join(LIST_SEPARATOR));
  put('service', query.service);
  put('tag', query.tag);
  put('commander', query.commander);
  put('from', query.from);
  put('to', query.to);
  if (query.minHours > 0) params.set('minHours', String(query.minHours));
  if (query.openActions !== 'any') params.set('open', query.openActions);
  if (query.sort !== DEFAULT_CATALOG_QUERY.sort || query.desc !== DEFAULT_CATALOG_QUERY.desc) {
    params.set('sort', query.sort);
    params.set('dir', query.desc ? 'desc' : 'asc');
  }
  if (query.period !== DEFAULT_CATALOG_QUERY.period) params.set('per', query.period);
  if (query.measure !== DEFAULT_CATALOG_QUERY.measure) params.set('measure', query.measure);
  return params;
}
