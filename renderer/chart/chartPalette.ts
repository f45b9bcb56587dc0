// The chart's colours come from the theme's CSS variables (theme.css), read when the chart is
// drawn and again when the theme switches, so the canvas follows dark and light like the rest.
import type { ChartPalette } from '../../shared/chart/chartOption';
import { PRINT_PALETTE } from '../../shared/chart/chartOption';

function cssVar(style: CSSStyleDeclaration, name: string, fallback: string): string {
  const value = style.getPropertyValue(name).trim();
  return value === '' ? fallback : value;
}

export function readChartPalette(): ChartPalette {
  const style = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => cssVar(style, name, fallback);
  const p = PRINT_PALETTE;
  return {
    background: v('--bg-elev', p.background),
    text: v('--fg', p.text),
    muted: v('--fg-muted', p.muted),
    axis: v('--chart-axis', p.axis),
    phases: {
      investigating: v('--chart-investigating', p.phases.investigating),
      identified: v('--chart-identified', p.phases.identified),
      monitoring: v('--chart-monitoring', p.phases.monitoring),
      resolved: v('--chart-resolved', p.phases.resolved),
    },
    impact: v('--chart-impact', p.impact),
    onImpact: v('--chart-on-impact', p.onImpact),
    lane: v('--chart-lane', p.lane),
    markers: {
      decision: v('--chart-decision', p.markers.decision),
      key: v('--chart-key', p.markers.key),
      statusUpdate: v('--chart-status-update', p.markers.statusUpdate),
    },
    markerEdge: v('--bg-elev', p.markerEdge),
  };
}

/** Calls back whenever the app's theme switches. */
export function watchTheme(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}
