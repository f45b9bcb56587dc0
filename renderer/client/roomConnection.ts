// A browser's connection to a shared room: the incident's doc over the room listener's /sync on
// this page's own origin, opened with the room token (the listener has no /rpc: nothing else is
// reachable). On top of the plain incident connection it
//  - waits for the host's welcome (shared/protocol/roomWelcome.ts): the identity presence must
//    carry, and the role that decides whether this page may write;
//  - follows the browser's own online/offline events: a network change can leave a socket
//    half-open for a long time, and the user should see "offline" as soon as the browser knows;
//  - stops on a final close (revoked token, refused change) and says why.
import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { addDisposableListener, DisposableStore, listen, toDisposable } from '../../shared/lifecycle/disposable';
import { parseRoomWelcome, type RoomWelcome } from '../../shared/protocol/roomWelcome';
import { openIncidentConnection, type IncidentConnection, type IncidentConnectionOptions } from './incidentConnection';
import { roomCloseMessage } from './roomClose';
import { useSyncState } from './syncState';

export interface RoomTicketLike {
  room: string;
  token: string;
}

export interface RoomConnection {
  connection: IncidentConnection;
  /** Synced and welcomed: the doc is complete and we know who we are. */
  ready: Promise<RoomWelcome>;
  /** Resolves with a message when the host closes the room for good. */
  ended: Promise<string>;
  destroy(): void;
}

export function openRoomConnection(origin: string, ticket: RoomTicketLike, options: IncidentConnectionOptions = {}): RoomConnection {
  const connection = openIncidentConnection({ hostUrl: origin, token: ticket.token }, ticket.room, options);
  const { provider } = connection;
  // The room's listeners on the provider and the browser, then the connection itself: freed together by destroy().
  const lifetime = new DisposableStore();
  const welcome = new Promise<RoomWelcome>((resolve) => {
    lifetime.add(
      listen(provider, 'stateless', ({ payload }: { payload: string }) => {
        const parsed = parseRoomWelcome(payload);
        if (parsed) resolve(parsed);
      }),
    );
  });
  const ready = Promise.all([connection.synced, welcome]).then(([, w]) => w);
  ready.catch(() => {});
  const ended = new Promise<string>((resolve) => {
    lifetime.add(
      listen(provider, 'close', ({ event }: { event: { code: number; reason: string } }) => {
        const message = roomCloseMessage(event.code, String(event.reason ?? ''));
        if (message === null) return;
        // The provider has already scheduled a reconnect for this close, and its connect() re-arms
        // itself; so a final close replaces connect on this connection's socket with nothing.
        const socket = provider.configuration.websocketProvider;
        socket.connect = async () => {};
        socket.disconnect();
        resolve(message);
      }),
    );
  });

  if (typeof window !== 'undefined') {
    lifetime.add(addDisposableListener(window, 'offline', () => provider.disconnect()));
    lifetime.add(addDisposableListener(window, 'online', () => void provider.connect()));
  }
  lifetime.add(toDisposable(() => connection.destroy()));
  return { connection, ready, ended, destroy: () => lifetime.dispose() };
}

export type RoomConnectionState =
  | { phase: 'joining' }
  | { phase: 'ready'; doc: Y.Doc; awareness: Awareness; welcome: RoomWelcome; ended: string | null }
  | { phase: 'failed'; error: string };

/** Joins the room for the lifetime of the calling component (created in an effect, never in render). */
export function useRoomConnection(ticket: RoomTicketLike): RoomConnectionState {
  const [state, setState] = useState<RoomConnectionState>({ phase: 'joining' });
  useEffect(() => {
    const room = openRoomConnection(window.location.origin, ticket);
    let live = true;
    let ended: string | null = null;
    room.ready.then(
      (welcome) => {
        const awareness = room.connection.provider.awareness;
        if (!live || !awareness) return;
        setState({ phase: 'ready', doc: room.connection.doc, awareness, welcome, ended });
      },
      (error: Error) => live && setState({ phase: 'failed', error: error.message }),
    );
    void room.ended.then((message) => {
      if (!live) return;
      ended = message;
      useSyncState.setState({ connection: 'offline' });
      setState((s) => (s.phase === 'ready' ? { ...s, ended: message } : { phase: 'failed', error: message }));
    });
    return () => {
      live = false;
      room.destroy();
    };
  }, [ticket]);
  return state;
}
