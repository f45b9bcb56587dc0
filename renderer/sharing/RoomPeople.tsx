// Who may come in (the incident's invitations, revocable) and who is in right now.
// Revoking closes that invitation's live connections at once (the host does it).
import { useState } from 'react';
import type { RoomConnection } from '../../shared/protocol/api';
import type { RoomTokenInfo } from '../../shared/protocol/room';
import { FieldError } from '../app/FieldError';
import { useHost } from '../app/session';
import { sinceLabel } from './shareDraft';

/** Enough of the id to tell two unnamed invitations apart. */
const SHORT_ID_CHARS = 6;
const invitationName = (t: RoomTokenInfo) => t.name ?? `#${t.id.slice(-SHORT_ID_CHARS)}`;

export function InvitationList({ tokens, onChanged }: { tokens: RoomTokenInfo[]; onChanged: () => Promise<void> }) {
  const { rpc } = useHost();
  const [error, setError] = useState<string | null>(null);
  const revoke = async (id: string) => {
    try {
      await rpc.revokeRoomToken({ id });
      setError(null);
      await onChanged();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <section className="share-section stack" aria-label="Invitations">
      <h3>Invitations</h3>
      {tokens.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <ul className="share-list">
          {tokens.map((t) => (
            <li key={t.id} className="row">
              <span className="grow">
                {invitationName(t)} · {t.role}
                {t.revokedAt ? ' · revoked' : ''}
              </span>
              {!t.revokedAt && (
                <button type="button" aria-label={`Revoke ${t.role} invitation ${invitationName(t)}`} onClick={() => void revoke(t.id)}>
                  Revoke
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <FieldError message={error} />
    </section>
  );
}

export function ConnectedNow({ connections }: { connections: RoomConnection[] }) {
  return (
    <section className="share-section stack" aria-label="Connected now">
      <h3>Connected now</h3>
      {connections.length === 0 ? (
        <p className="muted">Nobody has joined.</p>
      ) : (
        <ul className="share-list" aria-label="Connected people">
          {connections.map((c, i) => (
            <li key={`${c.tokenId}/${c.connectedAt}/${i}`}>
              <strong>{c.name ?? 'Unnamed'}</strong> · {c.roomRole} · {sinceLabel(c.connectedAt)} <span className="muted">from {c.address}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
