// The header's action for what comes next: the status-update countdown (which turns into the
// blue "Post status update" once one is due), or "Write postmortem" once resolved. Export lives
// in the Postmortem tab, the one place for the postmortem.
import type { Incident } from '../../shared/model/types';
import { useIncidentContext } from '../app/session';
import { CadenceCountdown } from '../comms/CadenceCountdown';
import { useNextUpdateDue } from '../comms/useComms';
import { openIncidentView } from './incidentViews';

export function PrimaryAction({ incident }: { incident: Incident }) {
  const { canWrite } = useIncidentContext();
  const due = useNextUpdateDue(incident);
  if (due) return <CadenceCountdown due={due} canPost={canWrite} />;
  if (incident.status === 'resolved' && canWrite) {
    return (
      <button type="button" className="primary" onClick={() => openIncidentView('postmortem')}>
        Write postmortem
      </button>
    );
  }
  return null;
}
