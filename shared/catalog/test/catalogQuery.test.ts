import { describe, expect, it } from 'vitest';
import { catalogQueryParams, DEFAULT_CATALOG_QUERY, durationMinutes, filterCatalog, parseCatalogQuery, type CatalogQuery } from '../catalogQuery';
import { action, at, incident } from './catalogFixtures';

const NOW = at(24 * 120);
const rows = [
  incident('a', { title: 'Primary database lost', severity: 'SEV1', services: ['primary DB'], tags: ['data-loss'], commander: 'Priya', resolvedAt: at(33) }),
  incident('b', { title: 'Checkout 500s', severity: 'SEV2', status: 'monitoring', services: ['checkout API'], impactStartedAt: at(0, '2026-04-10'), resolvedAt: null, actions: [action('x')] }),
  incident('c', { title: 'Slow search', severity: 'SEV3', tags: ['capacity'], commander: 'Tom', impactStartedAt: at(0, '2026-05-01'), actions: [action('y', { status: 'done' })] }),
];
const ids = (query: Partial<CatalogQuery>) => filterCatalog(rows, { ...DEFAULT_CATALOG_QUERY, ...query }, NOW).map((r) => r.id);

describe('filterCatalog', () => {
  it('keeps everything with the default query', () => expect(ids({})).toEqual(['a', 'b', 'c']));
  it('matches every typed word against title, services, tags and commander', () => {
    expect(ids({ text: 'database' })).toEqual(['a']);
    expect(ids({ text: 'tom capacity' })).toEqual(['c']);
    expect(ids({ text: 'checkout priya' })).toEqual([]);
  });
  it('filters by severity, status, service, tag and commander', () => {
    expect(ids({ severities: ['SEV1', 'SEV3'] })).toEqual(['a', 'c']);
    expect(ids({ statuses: ['monitoring'] })).toEqual(['b']);
    expect(ids({ service: 'checkout' })).toEqual(['b']);
    expect(ids({ tag: 'DATA' })).toEqual(['a']);
    expect(ids({ commander: 'pri' })).toEqual(['a']);
  });
  it('keeps impact starts within the date range, both days included', () => {
    expect(ids({ from: '2026-04-10', to: '2026-04-30' })).toEqual(['b']);
    expect(ids({ to: '2026-03-02' })).toEqual(['a']);
    expect(ids({ from: '2026-05-01' })).toEqual(['c']);
  });
  it('filters by duration (ongoing incidents count up to now) and by open action items', () => {
    expect(durationMinutes(rows[0]!, NOW)).toBe(33 * 60);
    expect(ids({ minHours: 24 })).toEqual(['a', 'b']);
    expect(ids({ openActions: 'some' })).toEqual(['b']);
    expect(ids({ openActions: 'none' })).toEqual(['a', 'c']);
  });
});

describe('catalog query in the URL', () => {
  it('a default query is an empty query string', () => expect(catalogQueryParams(DEFAULT_CATALOG_QUERY).toString()).toBe(''));
  it('round-trips every field', () => {
    const query: CatalogQuery = {
      text: 'db lost', severities: ['SEV1', 'SEV2'], statuses: ['resolved'], service: 'primary DB', tag: 'data-loss', commander: 'Priya',
      from: '2026-01-01', to: '2026-03-31', minHours: 12, openActions: 'some', sort: 'duration', desc: false,
      period: 'week', measure: 'mitigate',
    };
    expect(parseCatalogQuery(new URLSearchParams(catalogQueryParams(query).toString()))).toEqual(query);
  });
  it('reads unknown or damaged values as their defaults', () => {
    const parsed = parseCatalogQuery(new URLSearchParams('sev=SEV9,SEV1&status=gone&from=2026-13-45&minHours=-3&open=maybe&sort=colour&per=fortnight&measure=acknowledge'));
    expect(parsed).toEqual({ ...DEFAULT_CATALOG_QUERY, severities: ['SEV1'] });
  });
});
