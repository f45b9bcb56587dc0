// The live parts of the header, each its own small component so the once-a-second
// tick re-renders only these few spans, never the header or the timeline.
import type { Incident } from '../../shared/model/types';
import { isLive } from '../../shared/model/keyTimes';
import { durationWords, elapsedLabel, formatDateTime, formatTime, zoneAbbrev } from '../../shared/time/format';
import { isValidZone } from '../../shared/time/zones';
import { useNowInstant } from '../app/clock';
import { incidentStart } from '../../shared/model/incidentStart';

/** "14 May 2008 00:09 – 16 May 2008 23:24 MST · 71 hours 15 minutes": an incident that is over, by its span. */
export function incidentSpan(incident: Incident): string {
  const zone = isValidZone(incident.timeZone) ? incident.timeZone : 'UTC';
  const start = incidentStart(incident);
  const from = formatDateTime(start, zone);
  if (!incident.resolvedAt) return `Since ${from}, not resolved`;
  return `${from} – ${formatDateTime(incident.resolvedAt, zone)} · ${durationWords(start, incident.resolvedAt)}`;
}

export function ElapsedClock({ incident }: { incident: Incident }) {
  if (!isLive(incident)) {
    const span = incidentSpan(incident);
    return (
      <span className="elapsed incident-span" aria-label={`Incident span: ${span}`}>
        {span}
      </span>
    );
  }
  return <LiveElapsed incident={incident} />;
}

function LiveElapsed({ incident }: { incident: Incident }) {
  const now = useNowInstant();
  const end = incident.resolvedAt ?? now;
  return (
    <span className="elapsed mono" title="Time since impact started" aria-label={`Elapsed ${elapsedLabel(incidentStart(incident), end)}`}>
      {elapsedLabel(incidentStart(incident), end)}
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
