// Runs the commands of the shared registry (shared/protocol/commands.ts), whether they come from
// the desktop menu or from the UI. The screen that owns a command registers its handler while it
// is shown; a Home command asked for elsewhere opens Home first and runs once Home registers it.
import { useEffect, useRef } from 'react';
import { APP_COMMANDS, type AppCommandId } from '../../shared/protocol/commands';
import { navigate } from './route';

const handlers = new Map<AppCommandId, () => void>();
let pending: AppCommandId | null = null;

/** True when a handler ran (or will, once Home is shown). */
export function runAppCommand(id: AppCommandId): boolean {
  const handler = handlers.get(id);
  if (handler) {
    handler();
    return true;
  }
  if (APP_COMMANDS[id].screen !== 'home') return false;
  pending = id;
  navigate({ screen: 'home' });
  return true;
}

/** Registers the handler while the calling component is mounted; the latest render's handler runs. */
export function useAppCommand(id: AppCommandId, handler: () => void): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    const run = () => latest.current();
    handlers.set(id, run);
    if (pending === id) {
      pending = null;
      run();
    }
    return () => {
      if (handlers.get(id) === run) handlers.delete(id);
    };
  }, [id]);
}
