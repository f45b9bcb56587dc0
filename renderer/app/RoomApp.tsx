// Room mode: a browser opened with a room link (`#room=…&token=…`, see roomTicket.ts) joins that
// one incident over the room listener. No Home, no RPC, no settings, no terminals. The host's
// welcome says who we are: the token's role decides canWrite, and a token issued to a person
// decides the name; otherwise this browser's own name is used (asked once, kept in localStorage).
import { useEffect, useMemo, useState } from 'react';
import { useRoomConnection } from '../client/roomConnection';
import { OpenIncident } from '../incident/IncidentView';
import type { PresenceSession } from '../presence/presenceContext';
import { SyncIndicator } from '../presence/SyncIndicator';
import { NamePrompt } from './NameDialog';
import type { RoomTicket } from './roomTicket';
import { applyTheme, storeBrowserName, storedBrowserName } from './settingsStore';

/** A room page has no settings of its own; the app's default theme. */
const ROOM_THEME = 'dark';
/** A join that takes longer than this is worth explaining (a browser cannot see a 401 on a WebSocket). */
const SLOW_JOIN_MS = 8_000;

export function RoomApp({ ticket }: { ticket: RoomTicket }) {
  const state = useRoomConnection(ticket);
  const [browserName, setBrowserName] = useState(storedBrowserName);
  const [slow, setSlow] = useState(false);
  useEffect(() => applyTheme(ROOM_THEME), []);
  useEffect(() => {
    const timer = setTimeout(() => setSlow(true), SLOW_JOIN_MS);
    return () => clearTimeout(timer);
  }, []);

  const welcome = state.phase === 'ready' ? state.welcome : null;
  const name = welcome?.name ?? browserName;
  const awareness = state.phase === 'ready' ? state.awareness : null;
  const presence = useMemo<PresenceSession | null>(
    () => (awareness && welcome && name ? { awareness, user: { name, roomRole: welcome.roomRole } } : null),
    [awareness, welcome, name],
  );

  if (state.phase === 'failed') {
    return (
      <main className="screen-message" role="alert">
        <h1>Cannot join this room</h1>
        <p>{state.error}</p>
      </main>
    );
  }
  if (state.phase === 'joining') {
    return (
      <main className="screen-message" aria-busy="true">
        <p className="muted">Joining the incident room…</p>
        <SyncIndicator />
        {slow && <p role="alert">Still trying. The room&apos;s host may be unreachable from here, or this link may have been revoked: ask for a new one.</p>}
      </main>
    );
  }
  if (!name) {
    return (
      <NamePrompt
        onSave={async (chosen) => {
          storeBrowserName(chosen);
          setBrowserName(chosen);
        }}
      />
    );
  }
  const canWrite = state.welcome.roomRole === 'responder' && state.ended === null;
  return (
    <>
      {state.ended && (
        <p className="room-ended" role="alert">
          {state.ended}
        </p>
      )}
      {state.welcome.roomRole === 'observer' && (
        <p className="room-observer-note" role="note">
          You are watching this incident as an observer: read-only.
        </p>
      )}
      <OpenIncident doc={state.doc} incidentId={ticket.room} author={name} canWrite={canWrite} presence={presence} />
    </>
  );
}
