// A once-a-second clock for elapsed times and wall clocks. Only the small components
// that read it re-render on each tick (useSyncExternalStore), never whole views.
import { useSyncExternalStore } from 'react';

const TICK_MS = 1_000;

let nowMs = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    nowMs = Date.now();
    timer = setInterval(() => {
      nowMs = Date.now();
      for (const l of listeners) l();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/** Current time as an ISO instant, updated every second. */
export function useNowInstant(): string {
  const ms = useSyncExternalStore(subscribe, () => nowMs);
  return new Date(ms).toISOString();
}
