import { describe, expect, it } from 'vitest';
import { sampleSnapshot } from '../../export/test/fixtures';
import { hostileSnapshot } from '../../export/test/fixtures';
import { renderChartSvg } from '../chartSvg';
import { buildIncidentChart } from '../incidentChart';

const NOW = '2026-11-22T12:00:00.000Z';

describe('the chart as a standalone SVG (ECharts server-side, no DOM)', () => {
  it('opens with a title and a description, and holds no script or event handler', () => {
    const { incident, entries } = sampleSnapshot();
    const svg = renderChartSvg(buildIncidentChart({ incident, entries, now: NOW }), 'America/Denver');
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg ')).toBe(true);
    expect(svg).toMatch(/<svg [^>]*role="img" aria-labelledby="chart-title chart-desc"><title id="chart-title">Incident chart: Checkout and login down: primary database lost<\/title><desc id="chart-desc">From 2026-10-30 22:09 MDT/);
    expect(svg).not.toMatch(/<script|\son[a-z]+=|javascript:/i);
    // The day ticks in the display zone, and the lanes by name.
    for (const text of ['Sat 31 Oct', 'Sun 1 Nov', 'Mon 2 Nov', 'restore-from-backup', 'restore-from-cloud', 'Customer impact', '29 h 56 min of impact', 'D5']) {
      expect(svg).toContain(`>${text}<`);
    }
  });

  it('escapes hostile titles and entry text into well-formed markup', () => {
    const { incident, entries } = hostileSnapshot();
    const svg = renderChartSvg(buildIncidentChart({ incident, entries, now: NOW }), 'UTC');
    expect(svg).not.toMatch(/<script|<img|\son[a-z]+=/i);
    expect(svg).toContain('<title id="chart-title">Incident chart: # DB | outage &lt;b&gt;x&lt;/b&gt;');
  });
});
