// "in 42 min" / "overdue 5 min": the only part of a row that ticks, so only it re-renders.
import { revisitCountdown } from '../../shared/model/decisions';
import type { Instant } from '../../shared/model/types';
import { formatTime } from '../../shared/time/format';
import { useNowInstant } from '../app/clock';

export function RevisitCountdown({ revisitAt, zone }: { revisitAt: Instant | null; zone: string }) {
  const now = useNowInstant();
  if (!revisitAt) return <span className="muted">—</span>;
  const overdue = revisitAt <= now;
  return (
    <time dateTime={revisitAt} title={`Revisit at ${formatTime(revisitAt, zone)}`} className={overdue ? 'dc-overdue' : undefined}>
      {revisitCountdown(revisitAt, now)}
    </time>
  );
}
