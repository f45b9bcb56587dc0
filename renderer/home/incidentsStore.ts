// The incident list on Home, refreshed whenever the host says it changed.
import { create } from 'zustand';
import type { IncidentSummary } from '../../shared/model/types';
import type { RpcClient } from '../client/rpc';

interface IncidentsState {
  incidents: IncidentSummary[] | null;
  error: string | null;
}

export const useIncidents = create<IncidentsState>()(() => ({ incidents: null, error: null }));

export async function refreshIncidents(rpc: RpcClient): Promise<void> {
  try {
    useIncidents.setState({ incidents: await rpc.listIncidents({}), error: null });
  } catch (error) {
    useIncidents.setState({ error: (error as Error).message });
  }
}

/** Keeps the list fresh while Home is shown; returns the unsubscribe. */
export function followIncidents(rpc: RpcClient): () => void {
  void refreshIncidents(rpc);
  const offChanged = rpc.on('onIncidentsChanged', () => void refreshIncidents(rpc));
  const offConnection = rpc.onConnectionChange((state) => state === 'online' && void refreshIncidents(rpc));
  return () => {
    offChanged();
    offConnection();
  };
}
