// The markers in view as a list of buttons: the keyboard path to what the chart shows. One tab
// stop; ↑/↓, Home and End move through it. Focus shows the entry on the chart (its tooltip);
// Enter opens it on the timeline, or zooms into a counted bucket.
import { useState, type KeyboardEvent } from 'react';
import { decisionLabel } from '../../shared/chart/chartOption';
import { markerSummary } from '../../shared/chart/chartText';
import type { IncidentChartModel } from '../../shared/chart/incidentChart';
import type { ChartMarker } from '../../shared/chart/markerBuckets';
import { countLabel } from '../app/countLabel';

interface Props {
  markers: readonly ChartMarker[];
  model: IncidentChartModel;
  zone: string;
  onOpen(marker: ChartMarker): void;
  onFocusMarker(marker: ChartMarker): void;
}

export function ChartMarkerList({ markers, model, zone, onOpen, onFocusMarker }: Props) {
  const ordered = [...markers].sort((a, b) => a.at - b.at);
  const [active, setActive] = useState(0);
  const current = Math.min(active, Math.max(0, ordered.length - 1));

  const onKeyDown = (event: KeyboardEvent<HTMLOListElement>) => {
    const last = ordered.length - 1;
    const next = { ArrowDown: Math.min(last, current + 1), ArrowUp: Math.max(0, current - 1), Home: 0, End: last }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    setActive(next);
    event.currentTarget.querySelectorAll<HTMLButtonElement>('button')[next]?.focus();
  };

  return (
    <section className="chart-markers" aria-labelledby="chart-markers-heading">
      <h3 id="chart-markers-heading">Markers in view ({ordered.length === 0 ? 'none' : countLabel(ordered.length, 'marker', 'markers')})</h3>
      {ordered.length > 0 && (
        <ol className="chart-marker-list" onKeyDown={onKeyDown}>
          {ordered.map((marker, i) => {
            const lane = model.lanes.find((l) => l.id === marker.lane)?.label ?? '';
            const number = marker.kind === 'decision' && marker.count === 1 ? `${decisionLabel(model, marker.id)} ` : '';
            return (
              <li key={`${marker.kind}-${marker.id}-${marker.count}`}>
                <button
                  type="button"
                  className={`chart-marker chart-marker-${marker.kind}`}
                  tabIndex={i === current ? 0 : -1}
                  onFocus={() => {
                    setActive(i);
                    onFocusMarker(marker);
                  }}
                  onClick={() => onOpen(marker)}
                >
                  <span className="chart-marker-symbol" aria-hidden="true" />
                  {number}
                  {markerSummary(marker, zone)}
                  <span className="muted"> · {lane}</span>
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
