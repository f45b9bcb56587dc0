// Every incident's catalog row, fetched from the host and refreshed whenever it says the incident list
// changed or the connection comes back. The catalog, the metrics and the follow-ups all read it.
import { create } from 'zustand';
import type { CatalogIncident } from '../../shared/protocol/catalog';
import type { RpcClient } from '../client/rpc';

interface CatalogState {
  incidents: CatalogIncident[] | null;
  error: string | null;
}

export const useCatalog = create<CatalogState>()(() => ({ incidents: null, error: null }));

async function refreshCatalog(rpc: RpcClient): Promise<void> {
  try {
    useCatalog.setState({ incidents: await rpc.listCatalog({}), error: null });
  } catch (error) {
    useCatalog.setState({ error: (error as Error).message });
  }
}

/** Keeps the catalog fresh while a view across incidents is shown; returns the unsubscribe. */
export function followCatalog(rpc: RpcClient): () => void {
  void refreshCatalog(rpc);
  const offChanged = rpc.on('onIncidentsChanged', () => void refreshCatalog(rpc));
  const offConnection = rpc.onConnectionChange((state) => state === 'online' && void refreshCatalog(rpc));
  return () => {
    offChanged();
    offConnection();
  };
}
