// Joined rooms' sync state, kept fresh from the host: read once, then pushed by onRoomStatus
// (the host throttles it), and re-read after the RPC socket comes back.
import { useEffect } from 'react';
import { create } from 'zustand';
import type { RoomReplicaStatus } from '../../shared/protocol/api';
import { useLocalHost } from '../app/session';
import type { RpcClient } from '../client/rpc';

interface RoomStatusState {
  rooms: Record<string, RoomReplicaStatus>;
}

export const useRoomStatus = create<RoomStatusState>()(() => ({ rooms: {} }));

function apply(rooms: readonly RoomReplicaStatus[]): void {
  useRoomStatus.setState({ rooms: Object.fromEntries(rooms.map((r) => [r.incidentId, r])) });
}

async function refresh(rpc: RpcClient): Promise<void> {
  try {
    apply(await rpc.roomStatus({}));
  } catch {
    // The next event or reconnect refreshes it; without it the chip just stays hidden.
  }
}

/** Follows the host's room status while mounted; returns the unsubscribe. */
export function followRoomStatus(rpc: RpcClient): () => void {
  void refresh(rpc);
  const offEvent = rpc.on('onRoomStatus', ({ rooms }) => apply(rooms));
  const offConnection = rpc.onConnectionChange((state) => state === 'online' && void refresh(rpc));
  return () => {
    offEvent();
    offConnection();
  };
}

/** This incident's joined room, or undefined when it is not a joined room (or there is no local host). */
export function useJoinedRoom(incidentId: string): RoomReplicaStatus | undefined {
  const host = useLocalHost();
  useEffect(() => (host ? followRoomStatus(host.rpc) : undefined), [host]);
  return useRoomStatus((s) => s.rooms[incidentId]);
}

/** After joinRoom or leaveRoom, without waiting for the throttled event. */
export function setRoomStatus(incidentId: string, status: RoomReplicaStatus | null): void {
  const rooms = { ...useRoomStatus.getState().rooms };
  if (status) rooms[incidentId] = status;
  else delete rooms[incidentId];
  useRoomStatus.setState({ rooms });
}
