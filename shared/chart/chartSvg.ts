// The incident chart as a standalone SVG document, rendered by ECharts on the server side (no DOM):
// the same option as the app's, in the print palette, with a <title> and <desc> for screen
// readers and GitHub, and no script (ECharts' SSR output carries none; we check it in tests).
import { ScatterChart, CustomChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkAreaComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { incidentChartOption, PRINT_PALETTE } from './chartOption';
import { chartDescription, chartTitle } from './chartText';
import type { IncidentChartModel } from './incidentChart';

echarts.use([ScatterChart, CustomChart, AriaComponent, GridComponent, LegendComponent, MarkAreaComponent, SVGRenderer]);

export const SVG_WIDTH = 1200;
/** Legend and axis, plus a row per lane. */
const SVG_BASE_HEIGHT = 130;
const SVG_ROW_HEIGHT = 56;

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function renderChartSvg(model: IncidentChartModel, zone: string): string {
  const height = SVG_BASE_HEIGHT + SVG_ROW_HEIGHT * (model.lanes.length + 1);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: SVG_WIDTH, height });
  try {
    chart.setOption(incidentChartOption(model, { zone, palette: PRINT_PALETTE, width: SVG_WIDTH }));
    const svg = chart.renderToSVGString();
    const title = escapeXml(chartTitle(model));
    const desc = escapeXml(chartDescription(model, zone));
    // <title> and <desc> must be the first children for assistive technology and GitHub's viewer.
    return `<?xml version="1.0" encoding="UTF-8"?>\n${svg.replace(
      /<svg\b([^>]*)>/,
      (_, attrs: string) => `<svg${attrs.replace(/\s(role|aria-labelledby|aria-label)="[^"]*"/g, '')} role="img" aria-labelledby="chart-title chart-desc"><title id="chart-title">${title}</title><desc id="chart-desc">${desc}</desc>`,
    )}\n`;
  } finally {
    chart.dispose();
  }
}
