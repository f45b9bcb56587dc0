// The current minute, for views across incidents: durations "so far" and overdue follow-ups move
// by the minute, and re-rendering a long catalog every second would only cost.
import { useSyncExternalStore } from 'react';

/** Checked this often, so the minute turns at most this late. */
const CHECK_MS = 5_000;
const MINUTE_CHARS = 16; // "2026-03-02T10:15"

const currentMinute = () => `${new Date().toISOString().slice(0, MINUTE_CHARS)}:00.000Z`;

function subscribe(onChange: () => void): () => void {
  const timer = setInterval(onChange, CHECK_MS);
  return () => clearInterval(timer);
}

/** "2026-03-02T10:15:00.000Z": re-renders only when the minute changes. */
export function useMinuteInstant(): string {
  return useSyncExternalStore(subscribe, currentMinute);
}
