// What the share panel shows, kept fresh: the listener, the incident's tokens, and who is
// connected (pushed by the host on every join and leave, so the list is live without polling).
import { useCallback, useEffect, useState } from 'react';
import type { MethodResult, RoomConnection } from '../../shared/protocol/api';
import type { RoomTokenInfo } from '../../shared/protocol/room';
import { useHost } from '../app/session';
import type { RpcClient } from '../client/rpc';

export type ShareStatus = MethodResult<'shareStatus'>;

export interface ShareState {
  status: ShareStatus | null;
  tokens: RoomTokenInfo[];
  connections: RoomConnection[];
  loadError: string | null;
  /** Re-reads everything after this panel changed something. */
  refresh: () => Promise<void>;
}

interface Loaded {
  status: ShareStatus;
  tokens: RoomTokenInfo[];
  connections: RoomConnection[];
}

async function load(rpc: RpcClient, incidentId: string): Promise<Loaded> {
  const [status, tokens, connections] = await Promise.all([rpc.shareStatus({}), rpc.listRoomTokens({ incidentId }), rpc.roomConnections({ incidentId })]);
  return { status, tokens, connections };
}

export function useShareState(incidentId: string): ShareState {
  const { rpc } = useHost();
  const [status, setStatus] = useState<ShareStatus | null>(null);
  const [tokens, setTokens] = useState<RoomTokenInfo[]>([]);
  const [connections, setConnections] = useState<RoomConnection[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);

  const apply = useCallback((loaded: Loaded) => {
    setStatus(loaded.status);
    setTokens(loaded.tokens);
    setConnections(loaded.connections);
    setLoadError(null);
  }, []);

  const refresh = useCallback(async () => {
    try {
      apply(await load(rpc, incidentId));
    } catch (e) {
      setLoadError((e as Error).message);
    }
  }, [rpc, incidentId, apply]);

  useEffect(() => {
    let live = true;
    load(rpc, incidentId).then(
      (loaded) => live && apply(loaded),
      (e: Error) => live && setLoadError(e.message),
    );
    const off = rpc.on('onRoomConnections', (payload) => {
      if (payload.incidentId === incidentId) setConnections(payload.connections);
    });
    return () => {
      live = false;
      off();
    };
  }, [rpc, incidentId, apply]);

  return { status, tokens, connections, loadError, refresh };
}
