// "Next status update due 17:38 · in 12:04": the countdown ticks here only, not the whole panel.
import type { Incident, Instant } from '../../shared/model/types';
import { formatWhen } from '../../shared/time/format';
import { useNowInstant } from '../app/clock';
import { cadenceCountdown } from '../comms/countdown';
import { useNextUpdateDue } from '../comms/useComms';

export function NextUpdateDue({ incident, zone }: { incident: Incident; zone: string }) {
  const due = useNextUpdateDue(incident);
  return (
    <p className="now-section now-due">
      <span className="now-key">Next status update</span> {due ? <DueAt due={due} zone={zone} /> : <span className="muted">none due</span>}
    </p>
  );
}

function DueAt({ due, zone }: { due: Instant; zone: string }) {
  const now = useNowInstant();
  const countdown = cadenceCountdown(due, now);
  return (
    <span className={countdown.overdue ? 'now-overdue' : undefined}>
      <span className="mono">{formatWhen(due, zone, now)}</span> · {countdown.short}
    </span>
  );
}
