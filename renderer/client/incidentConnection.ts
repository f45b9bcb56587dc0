// One incident's live Y.Doc, synced with the host through Hocuspocus.
// The provider is created inside a React effect and destroyed on unmount: building it
// in useMemo would leave a second socket behind under StrictMode (Outline's lesson).
// The doc counts as ready only after the first 'synced', so nobody renders or writes
// against an empty replica. "Saved" is the host's per-change confirmation that a change is on disk
// (shared/protocol/unsavedChanges.ts), never the provider's count of acknowledgements.
import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { HocuspocusProvider, type HocuspocusProviderConfiguration } from '@hocuspocus/provider';
import { WS_PATHS, incidentDocName } from '../../shared/protocol/api';
import { watchSaves } from '../../shared/protocol/unsavedChanges';
import { skipUpdateEvents } from '../../shared/protocol/quietSync';
import { toWebSocketUrl, type HostEndpoint } from './endpoint';
import { useSyncState, type SyncState } from './syncState';

export interface IncidentConnection {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** Resolves after the first full sync with the host; rejects if the host refuses us. */
  synced: Promise<void>;
  destroy(): void;
}

export interface IncidentConnectionOptions {
  /** A WebSocket constructor for Node (tests); browsers use the global one. */
  WebSocketPolyfill?: unknown;
}

const PROVIDER_STATUS_TO_CONNECTION: Record<string, SyncState['connection']> = {
  connecting: 'connecting',
  connected: 'online',
  disconnected: 'offline',
};

export function openIncidentConnection(
  endpoint: HostEndpoint,
  incidentId: string,
  options: IncidentConnectionOptions = {},
): IncidentConnection {
  const doc = new Y.Doc();
  const token = endpoint.token;
  const config = {
    url: `${toWebSocketUrl(endpoint.hostUrl)}${WS_PATHS.sync}?token=${encodeURIComponent(token)}`,
    name: incidentDocName(incidentId),
    document: doc,
    token,
    // Passed through to the socket the provider creates for itself.
    ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {}),
  } as HocuspocusProviderConfiguration;

  useSyncState.setState({ connection: 'connecting', unsynced: 0 });
  const provider = new HocuspocusProvider(config);

  provider.on('status', ({ status }: { status: string }) => {
    useSyncState.setState({ connection: PROVIDER_STATUS_TO_CONNECTION[status] ?? 'offline' });
  });
  const unsaved = watchSaves(provider);
  unsaved.onChange((count) => useSyncState.setState({ unsynced: count }));

  // The initial sync is the whole document: nothing here needs it re-encoded as an 'update'
  // (the provider drops its own), and at 100k entries that encoding is ~21 MB on the main thread.
  const loud = skipUpdateEvents(doc, (transaction) => transaction.origin === provider);

  const synced = new Promise<void>((resolve, reject) => {
    const onSynced = ({ state }: { state: boolean }) => {
      if (!state) return;
      provider.off('synced', onSynced);
      loud();
      resolve();
    };
    provider.on('synced', onSynced);
    provider.on('authenticationFailed', ({ reason }: { reason: string }) => {
      reject(new Error(`The host refused to open this incident: ${reason}`));
    });
  });
  // Callers that never await `synced` must not see an unhandled rejection.
  synced.catch(() => {});

  return {
    doc,
    provider,
    synced,
    destroy() {
      loud();
      unsaved.dispose();
      provider.destroy();
      doc.destroy();
      useSyncState.setState({ connection: 'offline', unsynced: 0 });
    },
  };
}

export type IncidentConnectionState =
  | { phase: 'loading'; doc: null; error: null }
  /** Connected, the full document still arriving: the doc may be shown over a first screen (shared/model/firstScreen.ts). */
  | { phase: 'syncing'; doc: Y.Doc; error: null; awareness: Awareness | null }
  | { phase: 'ready'; doc: Y.Doc; error: null; awareness: Awareness | null }
  | { phase: 'failed'; doc: null; error: string };

const LOADING: IncidentConnectionState = { phase: 'loading', doc: null, error: null };

/** Opens the incident for the lifetime of the calling component. */
export function useIncidentConnection(endpoint: HostEndpoint, incidentId: string): IncidentConnectionState {
  const [state, setState] = useState<{ key: string; value: IncidentConnectionState }>({ key: incidentId, value: LOADING });

  useEffect(() => {
    const connection = openIncidentConnection(endpoint, incidentId);
    let live = true;
    // Connected and not yet synced: the doc may be shown over a first screen from now on.
    const onStatus = ({ status }: { status: string }) => {
      if (status !== 'connected') return;
      connection.provider.off('status', onStatus);
      if (live && !connection.provider.isSynced) setState({ key: incidentId, value: { phase: 'syncing', doc: connection.doc, error: null, awareness: connection.provider.awareness } });
    };
    connection.provider.on('status', onStatus);
    connection.synced.then(
      () => live && setState({ key: incidentId, value: { phase: 'ready', doc: connection.doc, error: null, awareness: connection.provider.awareness } }),
      (error: Error) => live && setState({ key: incidentId, value: { phase: 'failed', doc: null, error: error.message } }),
    );
    return () => {
      live = false;
      connection.destroy();
    };
  }, [endpoint, incidentId]);

  // A state left over from the previous incident id must not leak into the new one.
  return state.key === incidentId ? state.value : LOADING;
}
