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
import { parseSavedVector } from '../../shared/protocol/savedVector';
import { DisposableStore, listen } from '../../shared/lifecycle/disposable';
import { IncidentReplica, discardReplica, hostHoldsReplica, raiseClocks, replicaName, storedConfirmation, type ClockVector } from './incidentReplica';
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
  /** Keep a replica of the incident in this browser and open from it next time (incidentReplica.ts). */
  replica?: ReplicaPlan;
}

/** What opening from a stored replica needs from the host, asked beside the sync. */
export interface ReplicaPlan {
  /** Names the host (its data dir), so one host's copy is never applied to another's incident. */
  hostKey: Promise<string>;
  /** The state vector of the host's document (from its first screen); null when it did not say. */
  hostVector: Promise<ClockVector | null>;
  /** Resolves once the first screen has painted: the stored copy is applied only after it. */
  painted(): Promise<void>;
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
    // With a replica, the socket opens only once the stored copy is in the document (openWithReplica).
    ...(options.replica ? { autoConnect: false } : {}),
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
  // The same holds for the stored replica (neither the provider nor the replica sends it back).
  // After a restore the sync is only the difference, and the replica must hear it to store it.
  const quietOrigins = new Set<unknown>([provider]);
  const quietSync = skipUpdateEvents(doc, (transaction) => quietOrigins.has(transaction.origin));

  const synced = new Promise<void>((resolve, reject) => {
    const onSynced = ({ state }: { state: boolean }) => {
      if (!state) return;
      provider.off('synced', onSynced);
      quietSync.dispose();
      resolve();
    };
    provider.on('synced', onSynced);
    provider.on('authenticationFailed', ({ reason }: { reason: string }) => {
      reject(new Error(`The host refused to open this incident: ${reason}`));
    });
  });
  // Callers that never await `synced` must not see an unhandled rejection.
  synced.catch(() => {});

  const owned = new DisposableStore();
  if (options.replica) {
    let connecting = false;
    const connect = () => {
      if (connecting || owned.isDisposed) return;
      connecting = true;
      void provider.connect();
    };
    // The copy in this browser is only a faster start: without it the incident opens by a full sync.
    openWithReplica({ doc, provider, synced, unsaved, quietOrigins, connect, owned }, options.replica, incidentId).catch(connect);
  }

  return {
    doc,
    provider,
    synced,
    destroy() {
      owned.dispose();
      quietSync.dispose();
      unsaved.dispose();
      provider.destroy();
      doc.destroy();
      useSyncState.setState({ connection: 'offline', unsynced: 0 });
    },
  };
}

interface ReplicaTarget {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  synced: Promise<void>;
  unsaved: ReturnType<typeof watchSaves>;
  quietOrigins: Set<unknown>;
  /** Opens the socket (once). */
  connect(): void;
  /** Freed when the incident is left: closes the replica's IndexedDB handle. */
  owned: DisposableStore;
}

/**
 * Restores the stored replica when the host's document descends from it (after the first screen
 * painted), then connects; otherwise connects at once, deletes the old copy, and stores the synced
 * document as the new one. Either way the replica then stores every update and each confirmation.
 */
async function openWithReplica(target: ReplicaTarget, plan: ReplicaPlan, incidentId: string): Promise<void> {
  const { doc, provider, unsaved, quietOrigins, owned } = target;
  const name = replicaName(await plan.hostKey, incidentId);
  const confirmed = await storedConfirmation(name);
  const restore = confirmed !== null && hostHoldsReplica(confirmed, await plan.hostVector);
  if (owned.isDisposed) return;

  // What the host says is on its disk, from the first message on: the copy remembers it.
  const heard = new Map<number, number>();
  let replica: IncidentReplica | null = null;
  owned.add(
    listen(provider, 'stateless', ({ payload }: { payload: string }) => {
      const clocks = parseSavedVector(payload);
      if (!clocks) return;
      raiseClocks(heard, clocks);
      void replica?.confirm(clocks);
    }),
  );
  const attach = () => {
    replica = owned.add(new IncidentReplica(name, doc));
    quietOrigins.add(replica.origin);
    return replica;
  };

  if (restore) {
    await plan.painted();
    if (owned.isDisposed) return;
    // The difference the host sends is what the copy lacks: it must hear it to store it.
    quietOrigins.delete(provider);
    const restored = attach();
    await restored.loaded();
    if (owned.isDisposed) return;
    // The copy's own changes the host never confirmed stay unsaved until it does.
    unsaved.confirm(confirmed);
    unsaved.connectionLost();
    void restored.confirm(confirmed);
    target.connect();
    return;
  }

  target.connect();
  // Deleting waits for other tabs to let go of the old copy, so it never holds up the sync.
  await Promise.all([discardReplica(name), target.synced]);
  if (owned.isDisposed) return;
  // Stores the whole synced document once (y-indexeddb writes the state it attaches to).
  const fresh = attach();
  await fresh.loaded();
  await fresh.confirm(heard);
}

export type IncidentConnectionState =
  | { phase: 'loading'; doc: null; error: null }
  /** Connected, the full document still arriving: the doc may be shown over a first screen (shared/model/firstScreen.ts). */
  | { phase: 'syncing'; doc: Y.Doc; error: null; awareness: Awareness | null }
  | { phase: 'ready'; doc: Y.Doc; error: null; awareness: Awareness | null }
  | { phase: 'failed'; doc: null; error: string };

const LOADING: IncidentConnectionState = { phase: 'loading', doc: null, error: null };

/** Opens the incident for the lifetime of the calling component. */
export function useIncidentConnection(endpoint: HostEndpoint, incidentId: string, replica?: ReplicaPlan): IncidentConnectionState {
  const [state, setState] = useState<{ key: string; value: IncidentConnectionState }>({ key: incidentId, value: LOADING });

  useEffect(() => {
    const connection = openIncidentConnection(endpoint, incidentId, replica ? { replica } : {});
    let live = true;
    // With a replica the socket opens after the first screen has painted, over the doc not yet synced.
    const showSyncing = () => {
      if (live && !connection.provider.isSynced) setState({ key: incidentId, value: { phase: 'syncing', doc: connection.doc, error: null, awareness: connection.provider.awareness } });
    };
    void replica?.hostVector.then(showSyncing, () => {});
    // Connected and not yet synced: the doc may be shown over a first screen from now on.
    const onStatus = ({ status }: { status: string }) => {
      if (status !== 'connected') return;
      connection.provider.off('status', onStatus);
      showSyncing();
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
  }, [endpoint, incidentId, replica]);

  // A state left over from the previous incident id must not leak into the new one.
  return state.key === incidentId ? state.value : LOADING;
}
