// Metrics across the incidents the shared filters select, drawn with ECharts (this module and its
// charts load only when the view opens). Each metric says how it is measured, lists the incidents it
// could not measure, shows its data as a table, and saves that data as CSV.
import { useMemo } from 'react';
import { filterCatalog } from '../../shared/catalog/catalogQuery';
import { toCsv } from '../../shared/catalog/csv';
import {
  decisionReviews,
  incidentsPerPeriod,
  itemsByAge,
  MEASURE_LABELS,
  openItems,
  periodLabel,
  PERIODS,
  RESPONSE_MEASURES,
  responseSamples,
  statsBySeverity,
  statsByService,
  statsOverTime,
  type Period,
  type ResponseMeasure,
} from '../../shared/catalog/metrics';
import { SEVERITIES } from '../../shared/model/types';
import type { AcrossIncidentsProps } from '../catalog/acrossIncidents';
import { CatalogFilters } from '../catalog/CatalogFilters';
import { countLabel } from '../app/countLabel';
import { ExcludedList, OverdueList } from './MetricLists';
import { EChart, themeColours, type ChartOptions } from './EChart';
import { MetricCard } from './MetricCard';
import { hours, minutesLabel } from './minutesLabel';
import './metrics.css';


const MEASURE_DEFINITIONS: Record<ResponseMeasure, string> = {
  detect: 'From the key time “Impact started” to “Detected”.',
  mitigate: 'From the key time “Impact started” to “Mitigated”.',
  resolve: 'From the key time “Impact started” to “Resolved”.',
};
const STATS_DEFINITION =
  ' Median: the middle value (the mean of the two middle ones for an even count). p90: the nearest rank, the smallest value with 90 % of incidents at or below it. Counted: the filtered incidents that have both key times, grouped by the period of impact start; an incident with several services counts for each. Incidents without them are listed as excluded.';

function axisStyle(c: ReturnType<typeof themeColours>) {
  return { axisLabel: { color: c.muted }, axisLine: { lineStyle: { color: c.border } }, splitLine: { lineStyle: { color: c.border } } };
}

export default function MetricsView({ incidents, query, update, now, policy }: AcrossIncidentsProps) {
  // Kept in the address with the filters, so a shared link shows the same charts.
  const { period, measure } = query;
  const setPeriod = (p: Period) => update({ period: p });
  const setMeasure = (m: ResponseMeasure) => update({ measure: m });
  const shown = useMemo(() => filterCatalog(incidents, query, now), [incidents, query, now]);
  const colours = useMemo(() => themeColours(), []);
  const sevColours = [colours.danger, colours.warn, colours.accent, colours.muted];

  const perPeriod = useMemo(() => incidentsPerPeriod(shown, period), [shown, period]);
  const response = useMemo(() => responseSamples(shown, measure), [shown, measure]);
  const overTime = useMemo(() => statsOverTime(response.samples, period), [response, period]);
  const groups = useMemo(() => [...statsBySeverity(response.samples), ...statsByService(response.samples)], [response]);
  const items = useMemo(() => openItems(shown, policy, now), [shown, policy, now]);
  const ages = useMemo(() => itemsByAge(items), [items]);
  const reviews = useMemo(() => decisionReviews(shown, period), [shown, period]);
  const periodWord = period === 'week' ? 'week' : 'month';

  const base = (categories: string[], yName: string): ChartOptions => ({
    grid: { left: 48, right: 16, top: 36, bottom: 28 },
    legend: { top: 0, textStyle: { color: colours.fg } },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: categories, ...axisStyle(colours) },
    yAxis: { type: 'value', name: yName, nameTextStyle: { color: colours.muted }, minInterval: 1, ...axisStyle(colours) },
    textStyle: { color: colours.fg },
  });

  const perPeriodChart: ChartOptions = {
    ...base(perPeriod.map((p) => periodLabel(p.period, period)), 'incidents'),
    series: SEVERITIES.map((s, i) => ({ name: s, type: 'bar', stack: 'sev', data: perPeriod.map((p) => p.counts[s]), itemStyle: { color: sevColours[i] } })),
  };
  const responseChart: ChartOptions = {
    ...base(overTime.map((p) => periodLabel(p.group, period)), 'hours'),
    series: [
      // p90 first, so the median (solid, wider) is drawn over it where the two meet.
      { name: 'p90', type: 'line', connectNulls: true, data: overTime.map((p) => hours(p.p90)), lineStyle: { type: 'dashed' }, itemStyle: { color: colours.warn } },
      { name: 'Median', type: 'line', connectNulls: true, data: overTime.map((p) => hours(p.median)), lineStyle: { width: 3 }, itemStyle: { color: colours.accent } },
    ],
  };
  const ageChart: ChartOptions = {
    ...base(ages.map((a) => a.label), 'items'),
    series: [
      { name: 'Not yet due', type: 'bar', stack: 'age', data: ages.map((a) => a.onTime), itemStyle: { color: colours.accent } },
      { name: 'Overdue', type: 'bar', stack: 'age', data: ages.map((a) => a.overdue), itemStyle: { color: colours.danger } },
    ],
  };
  const reviewChart: ChartOptions = {
    ...base(reviews.periods.map((p) => periodLabel(p.period, period)), 'decisions'),
    series: [
      { name: 'Right', type: 'bar', stack: 'verdict', data: reviews.periods.map((p) => p.right), itemStyle: { color: colours.ok } },
      { name: 'Mixed', type: 'bar', stack: 'verdict', data: reviews.periods.map((p) => p.mixed), itemStyle: { color: colours.warn } },
      { name: 'Wrong', type: 'bar', stack: 'verdict', data: reviews.periods.map((p) => p.wrong), itemStyle: { color: colours.danger } },
    ],
  };
  const share = reviews.share === null ? 'No decision has been reviewed yet.' : `${reviews.wrongOrMixed} of ${reviews.reviewed} reviewed decisions (${Math.round(reviews.share * 100)} %) were wrong or mixed.`;

  return (
    <div className="metrics-view">
      <CatalogFilters query={query} update={update} shown={shown.length} total={incidents.length} />
      <div className="metrics-controls">
        <fieldset className="chip-group">
          <legend>Per</legend>
          {PERIODS.map((p) => (
            <button key={p} type="button" className="chip" aria-pressed={period === p} onClick={() => setPeriod(p)}>
              {p}
            </button>
          ))}
        </fieldset>
      </div>
      <div className="metrics-grid">
        <MetricCard
          title={`Incidents per ${periodWord}, by severity`}
          definition={`Each filtered incident counts once, in the ${periodWord} (UTC) its impact started; when no impact start was recorded, the ${periodWord} it was detected, else declared. Severity is the incident's current severity.`}
          csv={() => ({ fileName: `incidents-per-${periodWord}.csv`, content: toCsv([periodWord, ...SEVERITIES], perPeriod.map((p) => [p.period, ...SEVERITIES.map((s) => p.counts[s])])) })}
        >
          <EChart label={`Stacked bars: incidents per ${periodWord} by severity`} options={perPeriodChart} />
        </MetricCard>

        <MetricCard
          title={`${MEASURE_LABELS[measure]}, median and p90`}
          definition={MEASURE_DEFINITIONS[measure] + STATS_DEFINITION}
          csv={() => ({
            fileName: `time-to-${measure}.csv`,
            content: toCsv(
              ['group', 'incidents', 'median minutes', 'p90 minutes'],
              [...overTime.map((p) => [`${periodWord} ${p.group}`, p.count, p.median, p.p90]), ...groups.map((g) => [g.group, g.count, g.median, g.p90])],
            ),
          })}
        >
          <fieldset className="chip-group">
            <legend>Measure</legend>
            {RESPONSE_MEASURES.map((m) => (
              <button key={m} type="button" className="chip" aria-pressed={measure === m} onClick={() => setMeasure(m)}>
                {MEASURE_LABELS[m]}
              </button>
            ))}
          </fieldset>
          <EChart label={`Lines: ${MEASURE_LABELS[measure].toLowerCase()} per ${periodWord}, median and p90, in hours`} options={responseChart} />
          <table className="data-table metric-table" aria-label={`${MEASURE_LABELS[measure]} by severity and service`}>
            <thead>
              <tr>
                <th scope="col">Severity or service</th>
                <th scope="col">Incidents</th>
                <th scope="col">Median</th>
                <th scope="col">p90</th>
              </tr>
            </thead>
            <tbody>
              {groups
                .filter((g) => g.count > 0)
                .map((g) => (
                  <tr key={g.group}>
                    <th scope="row">{g.group}</th>
                    <td>{g.count}</td>
                    <td>{minutesLabel(g.median)}</td>
                    <td>{minutesLabel(g.p90)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
          <ExcludedList excluded={response.excluded} />
        </MetricCard>

        <MetricCard
          title="Open action items by age"
          definition={`Open action items of the filtered incidents, by days since each was created. Overdue: past its due date, or, where nobody set one, past the policy's deadline from its priority (P1 ${policy.P1 ?? '–'} weeks, P2 ${policy.P2 ?? '–'} weeks, P3 ${policy.P3 ?? 'none'}). Done and not-doing items do not count.`}
          csv={() => ({ fileName: 'open-action-items-by-age.csv', content: toCsv(['age', 'not yet due', 'overdue'], ages.map((a) => [a.label, a.onTime, a.overdue])) })}
        >
          <EChart label="Stacked bars: open action items by age, overdue apart" options={ageChart} />
          <OverdueList items={items.filter((i) => i.overdue)} />
        </MetricCard>

        <MetricCard
          title="Decisions later reviewed wrong or mixed"
          definition={`Decisions that were taken (decided, superseded or reversed) and then given a review verdict, per ${periodWord} of their incident's impact start. The share is wrong plus mixed over all reviewed. Proposals never taken do not count; taken decisions not yet reviewed are counted apart.`}
          csv={() => ({ fileName: 'decision-reviews.csv', content: toCsv([periodWord, 'right', 'mixed', 'wrong'], reviews.periods.map((p) => [p.period, p.right, p.mixed, p.wrong])) })}
        >
          <p className="metric-headline">
            {share} {reviews.unreviewed > 0 && <span className="muted">{countLabel(reviews.unreviewed, 'taken decision is', 'taken decisions are')} not reviewed yet.</span>}
          </p>
          <EChart label={`Stacked bars: reviewed decisions per ${periodWord}, right, mixed and wrong`} options={reviewChart} />
        </MetricCard>
      </div>
    </div>
  );
}
