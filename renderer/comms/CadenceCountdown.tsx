// The header's status-update countdown: "Next update in 12:04", turning to "Update overdue
// by 3:10" in --danger. Visible whenever a cadence applies; clicking opens the Comms view
// through a window event the shell listens for (components here take no props).
import { nextUpdateDue } from '../../shared/model/statusUpdates';
import { useNowInstant } from '../app/clock';
import { useIncidentMeta } from '../timeline/incidentMetaStore';
import { cadenceCountdown } from './countdown';
import { useComms } from './useComms';
import './comms.css';

export const OPEN_VIEW_EVENT = 'warroom:open-view';

export function openCommsView(): void {
  window.dispatchEvent(new CustomEvent(OPEN_VIEW_EVENT, { detail: 'comms' }));
}

export function CadenceCountdown() {
  const incident = useIncidentMeta();
  const { updates, cadence } = useComms();
  const due = incident ? nextUpdateDue({ incident, cadence, updates }) : null;
  if (!due) return null;
  return <CountdownButton due={due} />;
}

/** Split out so only this small button re-renders on each clock tick. */
function CountdownButton({ due }: { due: string }) {
  const now = useNowInstant();
  const countdown = cadenceCountdown(due, now);
  return (
    <button
      type="button"
      className={`cadence-countdown mono${countdown.overdue ? ' cadence-overdue' : ''}`}
      aria-label={`${countdown.label}. Open status updates`}
      title="Open status updates"
      onClick={openCommsView}
    >
      {countdown.text}
    </button>
  );
}
