// Invite someone: a token for this incident in one role, shown once as a join link (desktop app),
// a browser URL and a short code, each with a Copy button. Only hashes are kept by the host, so
// the links cannot be shown again later; a lost one is revoked and re-issued.
import { useState } from 'react';
import type { MethodResult } from '../../shared/protocol/api';
import type { RoomRole } from '../../shared/protocol/room';
import { FieldError } from '../app/FieldError';
import { useHost } from '../app/session';
import { CopyField } from './CopyField';

type Invite = MethodResult<'createRoomToken'> & { role: RoomRole; name: string };

interface Props {
  incidentId: string;
  sharing: boolean;
  onChanged: () => Promise<void>;
}

export function InviteSection({ incidentId, sharing, onChanged }: Props) {
  const { rpc } = useHost();
  const [name, setName] = useState('');
  const [invite, setInvite] = useState<Invite | null>(null);
  const [error, setError] = useState<string | null>(null);

  const create = async (role: RoomRole) => {
    try {
      const trimmed = name.trim();
      const created = await rpc.createRoomToken({ incidentId, role, ...(trimmed ? { name: trimmed } : {}) });
      setInvite({ ...created, role, name: trimmed });
      setError(null);
      await onChanged();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <section className="share-section stack" aria-label="Invite">
      <h3>Invite</h3>
      <div className="row wrap">
        <label className="field grow">
          <span>Invitee name (optional)</span>
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={100} placeholder="Binds the invitation to this name" />
        </label>
      </div>
      <div className="row">
        <button type="button" disabled={!sharing} onClick={() => void create('responder')}>
          Invite a responder
        </button>
        <button type="button" disabled={!sharing} onClick={() => void create('observer')}>
          Invite an observer
        </button>
      </div>
      {!sharing && <p className="field-hint">Start sharing first: an invitation points at the address you share on.</p>}
      <FieldError message={error} />
      {invite && <InviteLinks invite={invite} />}
    </section>
  );
}

function InviteLinks({ invite }: { invite: Invite }) {
  const who = invite.name ? `${invite.name} (${invite.role})` : `${invite.role === 'observer' ? 'an' : 'a'} ${invite.role}`;
  return (
    <div className="share-invite stack" role="group" aria-label="Invitation">
      <p className="field-hint">Invitation for {who}. Send one of these now: they are not shown again.</p>
      <CopyField label="Join link" value={invite.joinLink} />
      <CopyField label="Browser URL" value={invite.browserUrl} />
      <CopyField label="Join code" value={invite.code} />
    </div>
  );
}
