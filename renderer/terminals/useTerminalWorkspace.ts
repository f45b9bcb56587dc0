// Hooks that tie terminals to the incident view's lifetime.
// - useHostIsLocal: terminals are offered only on a local connection (hello.local); a browser
//   that joined a shared room is never shown them.
// - useTerminalWorkspace: one workspace per open incident. Leaving the incident (the view
//   unmounts) ends its shells; a reload does not unmount anything, so the sockets just drop
//   and the host keeps the shells for its grace period, to be re-attached on the next load.
// - The workspace module (and xterm with it) is its own chunk, loaded only where terminals can be.
import { useEffect, useMemo, useState } from 'react';
import { useLocalHost } from '../app/session';
import { useSettings } from '../app/settingsStore';
import type { TerminalWorkspace } from './terminalWorkspace';

type WorkspaceModule = typeof import('./terminalWorkspace');
let workspaceModule: Promise<WorkspaceModule> | null = null;
const loadWorkspaceModule = () => (workspaceModule ??= import('./terminalWorkspace'));

export function useHostIsLocal(): boolean {
  // A page in a shared room has no local host at all (no RPC): never local.
  const rpc = useLocalHost()?.rpc ?? null;
  const [local, setLocal] = useState(false);
  useEffect(() => {
    if (!rpc) return;
    let live = true;
    rpc.hello({}).then(
      (hello) => live && setLocal(hello.local),
      () => {}, // Unreachable host: no terminals until the next mount.
    );
    return () => {
      live = false;
    };
  }, [rpc]);
  return local;
}

interface Held {
  workspace: TerminalWorkspace;
  holders: number;
  reattached: boolean;
}
// StrictMode mounts, unmounts and remounts at once; the workspace must survive that blink, so
// it is shared by incident and closed only when nobody took it back within the same turn.
const held = new Map<string, Held>();

function workspaceFor(incidentId: string, create: () => TerminalWorkspace): Held {
  let entry = held.get(incidentId);
  if (!entry) {
    // Building a workspace has no side effects (no socket until a view attaches), so doing it
    // during render is safe; re-attaching waits for the effect.
    entry = { workspace: create(), holders: 0, reattached: false };
    held.set(incidentId, entry);
  }
  return entry;
}

function hold(entry: Held): void {
  entry.holders += 1;
  if (entry.reattached) return;
  entry.reattached = true;
  entry.workspace.reattach().catch(() => {
    // Nothing to re-attach while the host is unreachable; new terminals still work once it is back.
  });
}

function release(incidentId: string, entry: Held): void {
  entry.holders -= 1;
  setTimeout(() => {
    if (entry.holders > 0 || held.get(incidentId) !== entry) return;
    held.delete(incidentId);
    entry.workspace.closeAll();
  }, 0);
}

export function useTerminalWorkspace(incidentId: string, enabled: boolean): TerminalWorkspace | null {
  const host = useLocalHost();
  const [loaded, setLoaded] = useState<WorkspaceModule | null>(null);
  const wanted = enabled && host !== null;
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    loadWorkspaceModule().then(
      (module) => live && setLoaded(module),
      () => {}, // A chunk that cannot load leaves terminals unavailable; the rest of the incident works.
    );
    return () => {
      live = false;
    };
  }, [wanted]);
  const entry = useMemo(
    () =>
      enabled && host && loaded
        ? workspaceFor(
            incidentId,
            () =>
              new loaded.TerminalWorkspace({
                endpoint: host.endpoint,
                rpc: host.rpc,
                incidentId,
                allowClipboardWrite: () => useSettings.getState().settings?.terminal.allowClipboardWrite ?? false,
              }),
          )
        : null,
    [host, incidentId, enabled, loaded],
  );
  useEffect(() => {
    if (!entry) return;
    hold(entry);
    return () => release(incidentId, entry);
  }, [entry, incidentId]);
  return entry?.workspace ?? null;
}
