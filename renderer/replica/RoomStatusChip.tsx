// In a joined incident's header: whether the room has our changes (online, syncing, offline with
// the count not yet confirmed), where the room is and our role in it, and the two ways out:
// leave (the local copy stays) or host it ourselves when the room's host is gone (handover).
import { useState } from 'react';
import { FieldError } from '../app/FieldError';
import { useHost } from '../app/session';
import { HostRoomDialog } from './HostRoomDialog';
import { roomDetail, roomStatusLabel } from './roomStatusLabel';
import { setRoomStatus, useJoinedRoom } from './roomStatusStore';
import '../presence/presence.css';
import '../sharing/share.css';
import './replica.css';

export function RoomStatusChip({ incidentId }: { incidentId: string }) {
  const { rpc } = useHost();
  const room = useJoinedRoom(incidentId);
  const [menuOpen, setMenuOpen] = useState(false);
  const [hostOpen, setHostOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // Kept in one place in the tree: hosting ends the joined room (no chip), and the dialog must
  // survive that to show the new links.
  const hostDialog = hostOpen && <HostRoomDialog incidentId={incidentId} onClose={() => setHostOpen(false)} />;
  if (!room) {
    return (
      <>
        {null}
        {hostDialog}
      </>
    );
  }
  const { text, tone } = roomStatusLabel(room);
  const detail = roomDetail(room);

  const leave = async () => {
    try {
      await rpc.leaveRoom({ incidentId });
      setRoomStatus(incidentId, null);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <>
      <span className="room-chip-wrap">
        <button
          type="button"
          className={`room-chip sync-indicator tone-${tone}`}
          aria-haspopup="true"
          aria-expanded={menuOpen}
          aria-label={`${text}, ${detail}`}
          title={detail}
          onClick={() => setMenuOpen((open) => !open)}
        >
          {text}
        </button>
        {menuOpen && (
          <div className="room-menu stack" role="group" aria-label="Joined room">
            <p className="field-hint">
              Joined {detail}. This app keeps a full copy: edits made offline are sent when the room is back.
            </p>
            <div className="row">
              <button type="button" onClick={() => void leave()}>
                Leave room
              </button>
              {room.role !== 'observer' && (
                <button type="button" onClick={() => (setHostOpen(true), setMenuOpen(false))}>
                  Host this room
                </button>
              )}
            </div>
            <FieldError message={error} />
          </div>
        )}
      </span>
      {hostDialog}
    </>
  );
}
