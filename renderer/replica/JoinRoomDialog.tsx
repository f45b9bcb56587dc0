// "Join a room" on Home: one field for the join link (or HOST:PORT ROOM CODE). The host joins the
// room with a replica in its own store, so the incident is then simply one of ours: we open it.
// A refusal keeps the typed text, so fixing one character does not mean pasting again.
import { useState, type FormEvent } from 'react';
import { Dialog } from '../app/Dialog';
import { FieldError } from '../app/FieldError';
import { navigate } from '../app/route';
import { useHost } from '../app/session';
import { useSettings } from '../app/settingsStore';
import { RpcCallError } from '../client/rpc';
import { checkJoinField, joinErrorMessage } from './joinField';
import { setRoomStatus } from './roomStatusStore';
import './replica.css';

/** `initialLink`: a warroom://join link opened from outside the app, shown for the user to confirm. */
export function JoinRoomDialog({ onClose, initialLink = null }: { onClose: () => void; initialLink?: string | null }) {
  const { rpc } = useHost();
  const name = useSettings((s) => s.settings?.displayName ?? '');
  const [text, setText] = useState(initialLink ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const join = async (event: FormEvent) => {
    event.preventDefault();
    const check = checkJoinField(text);
    if (!check.ok) return setError(check.message);
    if (!name.trim()) return setError('Set your display name in Settings first: the room shows it to everyone.');
    setBusy(true);
    setError(null);
    try {
      const status = await rpc.joinRoom({ link: text.trim(), name });
      setRoomStatus(status.incidentId, status);
      onClose();
      navigate({ screen: 'incident', incidentId: status.incidentId });
    } catch (e) {
      setError(joinErrorMessage({ message: (e as Error).message, ...(e instanceof RpcCallError ? { code: e.code } : {}) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title="Join a room" onCancel={busy ? undefined : onClose}>
      <form className="stack join-room" onSubmit={(e) => void join(e)} aria-busy={busy}>
        <label className="field">
          <span>Join link or code</span>
          <input
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="warroom://join?… or 192.168.1.20:7420 ROOMID XXXX-XXXX-XXXX"
            spellCheck={false}
            autoComplete="off"
            maxLength={2048}
            autoFocus
            aria-invalid={error ? true : undefined}
          />
        </label>
        {initialLink && (
          <p className="field-hint" role="status">
            A join link was opened with War Room. Check that you expected this invitation, then choose Join.
          </p>
        )}
        <p className="field-hint">
          Paste the link you were sent, or type the address, room id and code read out to you. This app keeps a full copy of the incident, so you can keep
          working if the room goes away.
        </p>
        <FieldError message={error} />
        {busy && (
          <p className="muted" role="status">
            Joining…
          </p>
        )}
        <div className="row end">
          <button type="button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            Join
          </button>
        </div>
      </form>
    </Dialog>
  );
}
