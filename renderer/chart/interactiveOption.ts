// What the app adds to the shared chart option: hover tooltips naming the entry, and zoom and pan
// (mouse wheel, drag, and a slider under the plot) over the whole incident.
import type { ChartView, IncidentChartOption, MarkerDatum } from '../../shared/chart/chartOption';
import { markerSummary } from '../../shared/chart/chartText';
import { formatDateTime } from '../../shared/time/format';
import { instantFromMillis } from '../../shared/time/instant';

export type ChartRuntime = typeof import('./echartsRuntime');

/** The narrowest window: ten minutes still shows single entries apart. */
const MIN_SPAN_MS = 10 * 60_000;
export const SLIDER_SPACE_PX = 72;

export function interactiveOption(base: IncidentChartOption, view: Required<Pick<ChartView, 'from' | 'to'>> & ChartView, runtime: ChartRuntime): IncidentChartOption {
  const { zone, palette } = view;
  return {
    ...base,
    grid: { ...(base.grid as object), bottom: SLIDER_SPACE_PX },
    tooltip: {
      trigger: 'item',
      confine: true,
      backgroundColor: palette.background,
      borderColor: palette.axis,
      textStyle: { color: palette.text, fontSize: 13 },
      extraCssText: 'max-width: 420px; white-space: normal;',
      formatter: (params: { data?: MarkerDatum }) => {
        const marker = params.data?.marker;
        if (!marker) return '';
        const hint = marker.count === 1 ? 'Click to open it on the timeline' : 'Click to zoom in';
        return `${runtime.encodeHTML(markerSummary(marker, zone))}<br><span style="opacity:.8">${hint}</span>`;
      },
    },
    dataZoom: [
      { type: 'inside', xAxisIndex: 0, filterMode: 'none', startValue: view.from, endValue: view.to, minValueSpan: MIN_SPAN_MS },
      {
        type: 'slider',
        xAxisIndex: 0,
        filterMode: 'none',
        startValue: view.from,
        endValue: view.to,
        minValueSpan: MIN_SPAN_MS,
        bottom: 12,
        height: 24,
        borderColor: palette.axis,
        textStyle: { color: palette.text },
        labelFormatter: (value: number) => formatDateTime(instantFromMillis(value), zone),
        showDataShadow: false,
      },
    ],
  } as IncidentChartOption;
}
