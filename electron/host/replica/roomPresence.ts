// Who is in the room, for the joiner's own renderer. The replica's provider hears the room's
// presence (every participant's awareness state) on its own Awareness; the local renderer listens to
// the LOCAL document's awareness. This copies the room's states (never this replica's own) into the
// local one, so the presence strip of a desktop joiner shows the room, as a browser in the room sees
// it. One way only: upstream, the room admits one stamped identity per socket (this host's).
import { applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates, type Awareness } from 'y-protocols/awareness';
import { listen, toDisposable, type Disposable } from '../../../shared/lifecycle/disposable';

/** Transaction origin of copied states, so nothing mistakes them for a local client's. */
export const ROOM_PRESENCE_ORIGIN = 'war-room-room-presence';

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/** Copies until disposed; disposing also takes the copied states away again. */
export function bridgeRoomPresence(room: Awareness, local: Awareness): Disposable {
  const copied = new Set<number>();
  const onUpdate = ({ added, updated, removed }: AwarenessChange) => {
    const clients = [...added, ...updated, ...removed].filter((id) => id !== room.clientID && id !== local.clientID);
    if (clients.length === 0) return;
    applyAwarenessUpdate(local, encodeAwarenessUpdate(room, clients), ROOM_PRESENCE_ORIGIN);
    for (const id of clients) {
      if (room.getStates().has(id)) copied.add(id);
      else copied.delete(id);
    }
  };
  const listening = listen(room, 'update', onUpdate);
  return toDisposable(() => {
    listening.dispose();
    removeAwarenessStates(local, [...copied], ROOM_PRESENCE_ORIGIN);
    copied.clear();
  });
}
