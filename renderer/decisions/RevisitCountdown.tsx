// "in 42 min" / "overdue 5 min": the only part of a row that ticks, so only it re-renders.
import { revisitCountdown } from '../../shared/model/decisions';
import type { Instant } from '../../shared/model/types';
import { formatTime } from '../../shared/time/format';
import { useNowInstant } from '../app/clock';
import { useIncidentMeta } from '../timeline/incidentMetaStore';

export function RevisitCountdown({ revisitAt, zone }: { revisitAt: Instant | null; zone: string }) {
  const now = useNowInstant();
  const resolved = useIncidentMeta()?.status === 'resolved';
  if (!revisitAt) return <span className="muted">—</span>;
  // After resolution a revisit is history, not a countdown: show when it was set for.
  if (resolved) return <time dateTime={revisitAt} className="muted">{formatTime(revisitAt, zone)}</time>;
  const overdue = revisitAt <= now;
  return (
    <time dateTime={revisitAt} title={`Revisit at ${formatTime(revisitAt, zone)}`} className={overdue ? 'dc-overdue' : undefined}>
      {revisitCountdown(revisitAt, now)}
    </time>
  );
}
