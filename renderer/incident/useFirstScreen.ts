// Asks the host for the incident's first screen (shared/model/firstScreen.ts) beside the sync, so
// the newest rows paint before a large document has crossed the socket. The same answer says what
// the host's document holds, which decides whether this browser's stored copy of the incident can
// be used again (renderer/client/incidentReplica.ts); that copy is applied only once the first
// screen has painted, so it never delays the first rows.
import { useEffect, useState } from 'react';
import type { FirstScreen } from '../../shared/model/firstScreen';
import type { RpcClient } from '../client/rpc';
import type { ReplicaPlan } from '../client/incidentConnection';

export interface FirstScreenRequest {
  /** The first screen; null when the host has none or the call failed (the full sync opens the incident then). */
  screen: Promise<FirstScreen | null>;
  /** What opening from this browser's stored copy needs. */
  replica: ReplicaPlan;
  /** Says the first screen is on the page (an effect after it rendered). */
  shown(): void;
}

/**
 * The longest the stored copy waits for the first screen to show. It always shows when the host
 * sent one; this only keeps a view that never rendered it from holding the sync back for good.
 */
const FIRST_SCREEN_SHOWN_MS = 3_000;

/** Resolves after the browser has painted the frame now being prepared. */
function afterNextPaint(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function') return Promise.resolve();
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** Starts the first-screen call for one incident; build it once per incident (useMemo). */
export function requestFirstScreen(rpc: RpcClient, incidentId: string): FirstScreenRequest {
  const screen = rpc.firstScreen({ id: incidentId }).catch(() => null);
  let shown!: () => void;
  const onPage = new Promise<void>((resolve) => {
    shown = resolve;
    setTimeout(resolve, FIRST_SCREEN_SHOWN_MS);
  });
  return {
    screen,
    replica: {
      hostKey: rpc.hello({}).then((hello) => hello.dataDir),
      hostVector: screen.then((s) => (s?.stateVector ? new Map(s.stateVector) : null)),
      painted: () => onPage.then(afterNextPaint),
    },
    shown,
  };
}

/** The first screen once it arrived; null before, or when the host has none (the full sync shows the incident then). */
export function useFirstScreen(request: FirstScreenRequest, incidentId: string): FirstScreen | null {
  const [state, setState] = useState<{ key: string; screen: FirstScreen | null }>({ key: incidentId, screen: null });
  useEffect(() => {
    let live = true;
    void request.screen.then((screen) => live && setState({ key: incidentId, screen }));
    return () => {
      live = false;
    };
  }, [request, incidentId]);
  return state.key === incidentId ? state.screen : null;
}
