// The share dialog for one incident: start/stop listening on the network, invite responders and
// observers, revoke invitations, and see who is connected. Local connections only (the header
// shows the button only when hello.local; the host also never serves /rpc to a room).
import { Dialog } from '../app/Dialog';
import { FieldError } from '../app/FieldError';
import { InviteSection } from './InviteSection';
import { ConnectedNow, InvitationList } from './RoomPeople';
import { ShareListenerSection } from './ShareListenerSection';
import { useShareState } from './useShareState';
import './share.css';

export function SharePanel({ incidentId, onClose }: { incidentId: string; onClose: () => void }) {
  const state = useShareState(incidentId);
  return (
    <Dialog title="Share this incident" onCancel={onClose}>
      <div className="share-panel stack">
        <FieldError message={state.loadError} />
        {state.status ? (
          <>
            <ShareListenerSection key={state.status.listening ? 'on' : 'off'} status={state.status} onChanged={state.refresh} />
            <InviteSection incidentId={incidentId} sharing={Boolean(state.status.listening?.advertisedHost)} onChanged={state.refresh} />
            <InvitationList tokens={state.tokens} onChanged={state.refresh} />
            <ConnectedNow connections={state.connections} />
          </>
        ) : (
          !state.loadError && <p className="muted">Loading…</p>
        )}
        <div className="row end">
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </Dialog>
  );
}
