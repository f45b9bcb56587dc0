// React contexts for what every screen needs: the host connection (RPC + endpoint)
// and, inside the incident view, the open incident's doc and who is writing.
import { createContext, useContext } from 'react';
import type * as Y from 'yjs';
import type { HostConnection } from '../client/hostConnection';

export interface IncidentContext {
  doc: Y.Doc;
  incidentId: string;
  /** Display name, used as the author of entries. */
  author: string;
  canWrite: boolean;
  /** While the full document syncs behind a first screen: how many entries it holds; else null or absent. */
  syncingEntryCount?: number | null;
}

export const IncidentContextReact = createContext<IncidentContext | null>(null);

export function useIncidentContext(): IncidentContext {
  const context = useContext(IncidentContextReact);
  if (!context) throw new Error('useIncidentContext() must be used inside the incident view.');
  return context;
}

export const HostContextReact = createContext<HostConnection | null>(null);

/** The local host's connection, or null in a shared room (a browser joined over a room token: no RPC). */
export function useLocalHost(): HostConnection | null {
  return useContext(HostContextReact);
}

export function useHost(): HostConnection {
  const host = useContext(HostContextReact);
  if (!host) throw new Error('useHost() must be used inside <App>.');
  return host;
}
