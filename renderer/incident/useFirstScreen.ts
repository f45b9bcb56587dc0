// Asks the host for the incident's first screen (shared/model/firstScreen.ts) beside the sync, so
// the newest rows paint before a large document has crossed the socket.
import { useEffect, useState } from 'react';
import type { FirstScreen } from '../../shared/model/firstScreen';
import type { RpcClient } from '../client/rpc';

/** The first screen once it arrived; null before, or when the host has none (the full sync shows the incident then). */
export function useFirstScreen(rpc: RpcClient, incidentId: string): FirstScreen | null {
  const [state, setState] = useState<{ key: string; screen: FirstScreen | null }>({ key: incidentId, screen: null });
  useEffect(() => {
    let live = true;
    rpc.firstScreen({ id: incidentId }).then(
      (screen) => live && setState({ key: incidentId, screen }),
      () => {
        // Only a faster start is lost: the full sync still opens the incident.
      },
    );
    return () => {
      live = false;
    };
  }, [rpc, incidentId]);
  return state.key === incidentId ? state.screen : null;
}
