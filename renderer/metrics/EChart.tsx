// One ECharts chart in the page: SVG renderer, sized by its box, redrawn when the options change,
// disposed with the component. Only the Metrics view imports this, so ECharts loads with that view.
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, SVGRenderer]);

export type ChartOptions = echarts.EChartsCoreOption;

/** The theme's colours, read from its CSS variables so the charts follow dark and light. */
export function themeColours(): Record<'fg' | 'muted' | 'border' | 'danger' | 'warn' | 'accent' | 'ok' | 'bg', string> {
  const style = getComputedStyle(document.documentElement);
  const v = (name: string) => style.getPropertyValue(name).trim();
  return { fg: v('--fg'), muted: v('--fg-muted'), border: v('--border'), danger: v('--danger'), warn: v('--warn'), accent: v('--accent'), ok: v('--ok'), bg: v('--bg-elev') };
}

export function EChart({ options, label, height = 260 }: { options: ChartOptions; label: string; height?: number }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!box.current) return;
    const instance = echarts.init(box.current, null, { renderer: 'svg' });
    chart.current = instance;
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(box.current);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // ECharts' aria writes the container's aria-label: give it ours, not its generated sentence.
    chart.current?.setOption({ ...options, aria: { enabled: true, label: { description: label } } }, { notMerge: true });
  }, [options, label]);

  // The chart is a picture: its data is in the table beside it, so the picture gets a name, not a reading.
  return <div ref={box} className="echart" role="img" aria-label={label} style={{ height }} />;
}
