import { describe, expect, it } from 'vitest';
import { toCsv } from '../csv';
import { DEFAULT_FOLLOW_UP_POLICY } from '../followUpPolicy';
import {
  decisionReviews,
  incidentsPerPeriod,
  itemsByAge,
  median,
  openItems,
  p90,
  periodKey,
  responseSamples,
  statsBySeverity,
  statsByService,
  statsOverTime,
} from '../metrics';
import { action, at, incident } from './catalogFixtures';

// Impact at 00:00 on 2 March 2026 (a Monday) unless given; detected/mitigated/resolved `d`, `m`, `r` hours later.
const timed = (id: string, d: number | null, m: number | null, r: number | null, patch = {}) =>
  incident(id, { detectedAt: d === null ? null : at(d), mitigatedAt: m === null ? null : at(m), resolvedAt: r === null ? null : at(r), ...patch });

describe('median and p90', () => {
  it('median is the middle value, or the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
  it('p90 is the nearest rank: the smallest value with 90 % at or below it', () => {
    expect(p90([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toBe(9);
    expect(p90([10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 100])).toBe(10);
    expect(p90([7])).toBe(7);
    expect(p90([])).toBeNull();
  });
});

describe('incidents per period', () => {
  it('counts by severity in the week of impact start, with quiet weeks as zero', () => {
    const rows = incidentsPerPeriod(
      [incident('a', { severity: 'SEV1' }), incident('b', { severity: 'SEV2', impactStartedAt: at(24 * 6) }), incident('c', { severity: 'SEV2', impactStartedAt: at(24 * 15) })],
      'week',
    );
    expect(rows.map((r) => r.period)).toEqual(['2026-03-02', '2026-03-09', '2026-03-16']);
    expect(rows.map((r) => [r.counts.SEV1, r.counts.SEV2])).toEqual([[1, 1], [0, 0], [0, 1]]);
  });
  it('counts by month, falling back to detection when impact start is missing', () => {
    const rows = incidentsPerPeriod([incident('a', { impactStartedAt: null, detectedAt: at(0, '2026-01-31') }), incident('b', { impactStartedAt: at(0, '2026-03-01') })], 'month');
    expect(rows.map((r) => [r.period, r.counts.SEV2])).toEqual([['2026-01', 1], ['2026-02', 0], ['2026-03', 1]]);
    expect(periodKey('2026-03-01T00:00:00.000Z', 'week')).toBe('2026-02-23');
  });
});

describe('time to detect, mitigate and resolve', () => {
  const incidents = [
    timed('a', 1, 2, 4, { severity: 'SEV1', services: ['api'] }),
    timed('b', 3, 6, 10, { severity: 'SEV1', services: ['api', 'db'] }),
    timed('c', null, 1, 2, { severity: 'SEV2' }),
    timed('d', 2, null, null, { severity: 'SEV2', status: 'investigating' }),
    timed('e', 1, 2, 3, { impactStartedAt: null }),
    timed('f', 5, 1, 6, {}),
  ];

  it('measures from impact start in minutes, and lists what it cannot measure with the reason', () => {
    const detect = responseSamples(incidents, 'detect');
    expect(detect.samples.map((s) => [s.incident.id, s.minutes])).toEqual([['a', 60], ['b', 180], ['d', 120], ['f', 300]]);
    expect(detect.excluded.map((x) => [x.incident.id, x.reason])).toEqual([['c', 'not detected (no time recorded)'], ['e', 'no impact start recorded']]);
    const resolve = responseSamples(incidents, 'resolve');
    expect(resolve.samples.map((s) => s.incident.id)).toEqual(['a', 'b', 'c', 'f']);
    expect(resolve.excluded.map((x) => x.incident.id)).toEqual(['d', 'e']);
  });

  it('refuses a key time before impact start rather than counting a negative duration', () => {
    const early = responseSamples([timed('g', 1, 2, 3, { impactStartedAt: at(5) })], 'detect');
    expect(early.excluded).toEqual([expect.objectContaining({ reason: 'detected before impact started' })]);
  });

  it('gives median and p90 per severity and per service', () => {
    const { samples } = responseSamples(incidents, 'resolve');
    expect(statsBySeverity(samples).slice(0, 2)).toEqual([
      { group: 'SEV1', count: 2, median: 420, p90: 600 },
      { group: 'SEV2', count: 2, median: 240, p90: 360 },
    ]);
    expect(statsByService(samples)).toEqual([
      { group: '(no service)', count: 2, median: 240, p90: 360 },
      { group: 'api', count: 2, median: 420, p90: 600 },
      { group: 'db', count: 1, median: 600, p90: 600 },
    ]);
  });

  it('gives median and p90 per period of impact start', () => {
    const { samples } = responseSamples([timed('a', 1, 2, 4), timed('b', 1, 2, 2, { impactStartedAt: at(0, '2026-03-16'), resolvedAt: at(8, '2026-03-16') })], 'resolve');
    expect(statsOverTime(samples, 'week')).toEqual([
      { group: '2026-03-02', count: 1, median: 240, p90: 240 },
      { group: '2026-03-09', count: 0, median: null, p90: null },
      { group: '2026-03-16', count: 1, median: 480, p90: 480 },
    ]);
  });
});

describe('open action items by age', () => {
  const now = at(24 * 70);
  const items = openItems(
    [
      incident('a', {
        actions: [
          action('p1-old', { priority: 'P1', createdAt: at(0) }), // 70 days, due by policy after 28 days: overdue
          action('p2-young', { priority: 'P2', createdAt: at(24 * 66) }), // 4 days
          action('dated', { priority: 'P3', createdAt: at(24 * 50), dueAt: at(24 * 80) }), // 20 days, due later
          action('done', { status: 'done', createdAt: at(0) }),
          action('declined', { status: 'not-doing', reason: 'superseded by the new pager', createdAt: at(0) }),
        ],
      }),
    ],
    DEFAULT_FOLLOW_UP_POLICY,
    now,
  );

  it('counts only open items, oldest first, with the due date from the policy when none was set', () => {
    expect(items.map((i) => [i.action.id, i.ageDays, i.overdue, i.dueByPolicy])).toEqual([
      ['p1-old', 70, true, true],
      ['dated', 20, false, false],
      ['p2-young', 4, false, true],
    ]);
    expect(items[0]?.dueAt).toBe(at(24 * 28));
  });

  it('buckets by age, overdue apart', () => {
    expect(itemsByAge(items)).toEqual([
      { label: 'Under 1 week', onTime: 1, overdue: 0 },
      { label: '1–4 weeks', onTime: 1, overdue: 0 },
      { label: '1–3 months', onTime: 0, overdue: 1 },
      { label: 'Over 3 months', onTime: 0, overdue: 0 },
    ]);
  });
});

describe('decisions reviewed wrong or mixed', () => {
  it('shares of reviewed decisions; proposals do not count, unreviewed ones are counted apart', () => {
    const d = (id: string, status: 'proposed' | 'decided' | 'superseded', verdict: 'right' | 'wrong' | 'mixed' | null) => ({ id, question: id, status, verdict });
    const summary = decisionReviews(
      [
        incident('a', { decisions: [d('1', 'decided', 'right'), d('2', 'superseded', 'wrong'), d('3', 'decided', null), d('4', 'proposed', null)] }),
        incident('b', { impactStartedAt: at(0, '2026-05-04'), decisions: [d('5', 'decided', 'mixed'), d('6', 'decided', 'right')] }),
      ],
      'month',
    );
    expect(summary).toMatchObject({ reviewed: 4, wrongOrMixed: 2, share: 0.5, unreviewed: 1 });
    expect(summary.periods).toEqual([
      { period: '2026-03', right: 1, mixed: 0, wrong: 1 },
      { period: '2026-04', right: 0, mixed: 0, wrong: 0 },
      { period: '2026-05', right: 1, mixed: 1, wrong: 0 },
    ]);
    expect(decisionReviews([], 'month').share).toBeNull();
  });
});

describe('toCsv', () => {
  it('quotes what needs quoting and defuses formulas', () => {
    expect(toCsv(['name', 'n'], [['a, "b"', 1], ['=HYPERLINK("x")', null], ['-1 day', 2.5]])).toBe(
      'name,n\r\n"a, ""b""",1\r\n"\'=HYPERLINK(""x"")",\r\n\'-1 day,2.5\r\n',
    );
  });
});
