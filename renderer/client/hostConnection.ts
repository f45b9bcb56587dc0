// The app-wide link to the host: one RPC client for the window's lifetime (it
// reconnects on its own), plus the store status it reports, which drives the
// app-wide "Can't save" banner whether or not an incident is open.
import type { StoreStatus } from '../../shared/protocol/api';
import type { HostEndpoint } from './endpoint';
import { createRpcClient, type RpcClient, type RpcClientOptions } from './rpc';
import { useSyncState } from './syncState';
import { useUnreadableRows } from './unreadableRows';
import { useHostFacts } from './hostFacts';

export interface HostConnection {
  endpoint: HostEndpoint;
  rpc: RpcClient;
  close(): void;
}

export function applyStoreStatus(status: StoreStatus): void {
  useSyncState.setState({ storeError: status.ok ? null : { file: status.file, reason: status.reason } });
  useUnreadableRows.setState({ rows: status.ok ? (status.unreadableRows ?? []) : [] });
}

export function connectHost(endpoint: HostEndpoint, options: RpcClientOptions = {}): HostConnection {
  const rpc = createRpcClient(endpoint.hostUrl, endpoint.token, options);
  const offStatus = rpc.on('onStoreStatus', applyStoreStatus);
  // Ask again after every reconnect: the host may have restarted with a broken store.
  const offConnection = rpc.onConnectionChange((state) => {
    if (state !== 'online') return;
    rpc.hello({}).then(
      (hello) => {
        applyStoreStatus(hello.store);
        useHostFacts.setState({ statusTargets: hello.statusTargets });
      },
      () => {}, // A failed hello is retried on the next reconnect.
    );
  });
  return {
    endpoint,
    rpc,
    close() {
      offStatus();
      offConnection();
      rpc.close();
    },
  };
}
