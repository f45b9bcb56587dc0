// Changing one follow-up's status from the view across incidents: done, not doing (with the
// reason, asked for in place), or reopen. The host writes it into the incident's document.
import { useState } from 'react';
import type { FollowUpRow } from '../../shared/catalog/followUps';
import type { FollowUpStatus as Status } from '../../shared/protocol/catalog';
import { useHost } from '../app/session';
import { useSettings } from '../app/settingsStore';
import { FieldError } from '../app/FieldError';

export function FollowUpStatusControls({ row }: { row: FollowUpRow }) {
  const { rpc } = useHost();
  const author = useSettings((s) => s.settings?.displayName ?? '');
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { action, incident } = row;

  const set = async (status: Status, why?: string) => {
    try {
      await rpc.setFollowUpStatus({ incidentId: incident.id, actionId: action.id, status, author, ...(why !== undefined && { reason: why }) });
      setError(null);
      setAsking(false);
      setReason('');
    } catch (e) {
      setError((e as Error).message);
    }
  };

  if (action.status !== 'open') {
    return (
      <button type="button" className="small" onClick={() => void set('open')}>
        Reopen<span className="visually-hidden"> {action.text}</span>
      </button>
    );
  }
  if (asking) {
    return (
      <form
        className="not-doing-form"
        onSubmit={(e) => {
          e.preventDefault();
          void set('not-doing', reason);
        }}
      >
        <label className="field">
          <span>Why not?</span>
          <input autoFocus value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
        <button type="submit" className="small">
          Not doing
        </button>
        <button type="button" className="small" onClick={() => setAsking(false)}>
          Cancel
        </button>
        <FieldError message={error} />
      </form>
    );
  }
  return (
    <span className="row">
      <button type="button" className="small" onClick={() => void set('done')}>
        Done<span className="visually-hidden">: {action.text}</span>
      </button>
      <button type="button" className="small" onClick={() => setAsking(true)}>
        Not doing…<span className="visually-hidden"> {action.text}</span>
      </button>
      <FieldError message={error} />
    </span>
  );
}
