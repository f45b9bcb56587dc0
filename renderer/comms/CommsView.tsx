// The Comms view: compose and post status updates, see what was sent, and keep the
// cadence (per-severity minutes, snoozes). The header's CadenceCountdown opens it.
import { nextUpdateDue } from '../../shared/model/statusUpdates';
import { formatDateTime } from '../../shared/time/format';
import { useDisplayZone, useIncidentMeta } from '../timeline/incidentMetaStore';
import { CadenceSettings } from './CadenceSettings';
import { SnoozeForm } from './SnoozeForm';
import { StatusComposer } from './StatusComposer';
import { StatusLog } from './StatusLog';
import { StatusPageForm } from './StatusPageForm';
import { useComms } from './useComms';
import './comms.css';

export function CommsView() {
  const incident = useIncidentMeta();
  const zone = useDisplayZone();
  const { updates, cadence, deliveries } = useComms();
  if (!incident) return null;
  const due = nextUpdateDue({ incident, cadence, updates });
  const lastSnooze = cadence.snoozes.at(-1);

  return (
    <section className="comms-view" aria-label="Status updates">
      <div className="comms-main">
        <h2>Status updates</h2>
        <StatusComposer incident={incident} />
        <StatusLog updates={updates} deliveries={deliveries} zone={zone} />
      </div>
      <aside className="comms-side" aria-label="Update cadence">
        <p>
          {due ? (
            <>
              Next update due <span className="mono">{formatDateTime(due, zone)}</span>
            </>
          ) : (
            <span className="muted">No regular updates due ({incident.status === 'resolved' ? 'resolved' : `no cadence for ${incident.severity}`}).</span>
          )}
        </p>
        {lastSnooze && (
          <p className="muted">
            Last snooze by {lastSnooze.by || 'unknown'} until {formatDateTime(lastSnooze.until, zone)}: {lastSnooze.reason}
          </p>
        )}
        <CadenceSettings cadence={cadence} current={incident.severity} />
        <SnoozeForm />
        <StatusPageForm />
      </aside>
    </section>
  );
}
