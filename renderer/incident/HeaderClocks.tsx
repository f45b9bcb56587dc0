// The live parts of the header, each its own small component so the once-a-second
// tick re-renders only these few spans, never the header or the timeline.
import type { Incident } from '../../shared/model/types';
import { elapsedLabel, formatTime, zoneAbbrev } from '../../shared/time/format';
import { isValidZone } from '../../shared/time/zones';
import { useNowInstant } from '../app/clock';
import { elapsedOrigin } from '../timeline/incidentMetaStore';

export function ElapsedClock({ incident }: { incident: Incident }) {
  const now = useNowInstant();
  // A resolved incident's clock stops at resolution: T+ then reads as its duration.
  const end = incident.resolvedAt ?? now;
  return (
    <span className="elapsed mono" title="Time since impact started" aria-label={`Elapsed ${elapsedLabel(elapsedOrigin(incident), end)}`}>
      {elapsedLabel(elapsedOrigin(incident), end)}
    </span>
  );
}

export function WallClocks({ zone }: { zone: string }) {
  const now = useNowInstant();
  const incidentZone = isValidZone(zone) ? zone : 'UTC';
  const local = `${formatTime(now, incidentZone)} ${zoneAbbrev(now, incidentZone)}`;
  const utc = `${formatTime(now, 'UTC')} UTC`;
  const text = incidentZone === 'UTC' ? utc : `${local} · ${utc}`;
  return (
    <span className="wall-clocks mono" aria-label={`Time now: ${text}`} title={incidentZone}>
      {text}
    </span>
  );
}
