// What the host said about itself in hello that the UI words depend on: how many targets
// customer status updates are sent to (none: Comms says to copy the update by hand).
import { create } from 'zustand';

export interface HostFacts {
  statusTargets: number;
}

export const useHostFacts = create<HostFacts>(() => ({ statusTargets: 0 }));
