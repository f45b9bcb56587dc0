// The summary row of a folded run of checklist ticks and role changes (compact mode): how many
// of each and over what span, and a button that shows or hides the rows it holds.
import { memo } from 'react';
import { formatTime } from '../../shared/time/format';
import { countLabel } from '../app/countLabel';
import type { Burst } from './compactRows';

interface Props {
  burstKey: string;
  burst: Burst;
  expanded: boolean;
  index: number;
  start: number;
  zone: string;
  onToggle: (key: string) => void;
  measure: (node: HTMLElement | null) => void;
}

/** "12 checklist updates, 2 role changes". */
export function burstCounts(burst: Burst): string {
  const parts = [burst.checklist > 0 && countLabel(burst.checklist, 'checklist update', 'checklist updates'), burst.roles > 0 && countLabel(burst.roles, 'role change', 'role changes')];
  return parts.filter(Boolean).join(', ');
}

/** "14:02–14:09" in the display zone, in display order. */
function burstSpan(burst: Burst, zone: string): string {
  const from = formatTime(new Date(burst.firstMs).toISOString(), zone);
  const to = formatTime(new Date(burst.lastMs).toISOString(), zone);
  return from === to ? from : `${from}–${to}`;
}

export const BurstRow = memo(function BurstRow({ burstKey, burst, expanded, index, start, zone, onToggle, measure }: Props) {
  return (
    <div ref={measure} data-index={index} role="row" aria-rowindex={index + 2} className="tl-row tl-burst" style={{ transform: `translateY(${start}px)` }}>
      <div role="gridcell" className="tl-cell tl-burst-span">
        {burstSpan(burst, zone)}
      </div>
      <div role="gridcell" className="tl-cell tl-burst-cell">
        <button type="button" className="tl-burst-toggle" aria-expanded={expanded} onClick={() => onToggle(burstKey)}>
          <span aria-hidden="true">{expanded ? '▾' : '▸'}</span> {burstCounts(burst)} {expanded ? '(hide)' : '(show)'}
        </button>
      </div>
    </div>
  );
});
