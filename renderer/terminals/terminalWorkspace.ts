// The terminals of one open incident: the tab list (a small zustand store the panel renders)
// and a controller per tab. It outlives tab switches, re-attaches the host's running shells
// after a reload, and when the incident closes it ends every shell it knows.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CommandRecord, TerminalInfo } from '../../shared/terminal/protocol';
import type { HostEndpoint } from '../client/endpoint';
import type { RpcClient } from '../client/rpc';
import { dropOnto, moveBy, neighbourAfterClose, nextTerminalName } from './tabOrder';
import { TerminalController, type ControllerEvents } from './terminalController';
import { withCommand } from './terminalEntries';
import type { TerminalTarget } from './terminalSocket';

export type TerminalStatus = 'starting' | 'running' | 'reconnecting' | 'disconnected' | 'exited' | 'failed';

export interface TerminalTab {
  /** Stable across reconnects; the host's session id once known. */
  key: string;
  name: string;
  status: TerminalStatus;
  exitCode: number | null;
  signal: number | null;
  /** The host's reason when the shell could not start (or a frame was refused). */
  error: string | null;
  history: CommandRecord[];
  logCommands: boolean;
  commandCapture: boolean;
  hasSelection: boolean;
  /** The host's id of the shell, once it has started (a new tab's key is local until then). */
  sessionId?: string;
}

export interface WorkspaceState {
  tabs: TerminalTab[];
  activeKey: string | null;
  /** Set by a Ctrl+Shift+F in a terminal; the panel focuses the find field and clears it. */
  findRequest: number;
}

export interface WorkspaceOptions {
  endpoint: HostEndpoint;
  rpc: RpcClient;
  incidentId: string;
  allowClipboardWrite: () => boolean;
}

let localKeys = 0;

export class TerminalWorkspace {
  readonly store: StoreApi<WorkspaceState> = createStore<WorkspaceState>()(() => ({ tabs: [], activeKey: null, findRequest: 0 }));
  private readonly controllers = new Map<string, TerminalController>();
  private disposed = false;

  constructor(private readonly opts: WorkspaceOptions) {}

  /** Re-attaches the shells the host still runs for this incident (after a reload). */
  async reattach(): Promise<void> {
    const running = await this.opts.rpc.listTerminals({ incidentId: this.opts.incidentId });
    for (const info of running) {
      if (this.disposed || this.controllers.has(info.id) || info.exit !== null) continue;
      this.add(info.id, info.name, { session: info.id });
    }
  }

  /** Opens a new shell; returns its tab key. */
  open(author: string): string {
    const name = nextTerminalName(this.store.getState().tabs.map((t) => t.name));
    localKeys += 1;
    const key = `new-${localKeys}`;
    this.add(key, name, { incident: this.opts.incidentId, name, author });
    return key;
  }

  controller(key: string): TerminalController | undefined {
    return this.controllers.get(key);
  }

  select(key: string): void {
    this.store.setState({ activeKey: key });
  }

  rename(key: string, name: string): void {
    const trimmed = name.trim();
    if (trimmed === '') return;
    this.patch(key, { name: trimmed });
    this.controllers.get(key)?.rename(trimmed);
  }

  setLogCommands(key: string, on: boolean): void {
    this.patch(key, { logCommands: on });
    this.controllers.get(key)?.logCommands(on);
  }

  move(key: string, delta: number): void {
    this.reorder(moveBy(this.keys(), key, delta));
  }

  drop(dragged: string, target: string): void {
    this.reorder(dropOnto(this.keys(), dragged, target));
  }

  /**
   * The command running in a tab's foreground (`sleep`), asked of the host before closing it;
   * null at the prompt, for a shell that is not running, or when the host cannot tell.
   */
  async runningCommand(key: string): Promise<string | null> {
    const tab = this.store.getState().tabs.find((t) => t.key === key);
    if (!tab?.sessionId || tab.status !== 'running') return null;
    try {
      return (await this.opts.rpc.terminalRunningCommand({ incidentId: this.opts.incidentId, terminalId: tab.sessionId })).command;
    } catch {
      return null;
    }
  }

  /** Ends the shell and removes its tab. */
  close(key: string): void {
    const { activeKey } = this.store.getState();
    const next = activeKey === key ? neighbourAfterClose(this.keys(), key) : activeKey;
    this.controllers.get(key)?.close();
    this.controllers.delete(key);
    this.store.setState((s) => ({ tabs: s.tabs.filter((t) => t.key !== key), activeKey: next }));
  }

  /** Incident closed: end every shell. */
  closeAll(): void {
    this.disposed = true;
    for (const controller of this.controllers.values()) controller.close();
    this.controllers.clear();
  }

  private keys(): string[] {
    return this.store.getState().tabs.map((t) => t.key);
  }

  private reorder(order: string[]): void {
    this.store.setState((s) => ({ tabs: order.map((k) => s.tabs.find((t) => t.key === k)!).filter(Boolean) }));
  }

  private patch(key: string, patch: Partial<TerminalTab>): void {
    this.store.setState((s) => ({ tabs: s.tabs.map((t) => (t.key === key ? { ...t, ...patch } : t)) }));
  }

  private update(key: string, fn: (tab: TerminalTab) => Partial<TerminalTab>): void {
    this.store.setState((s) => ({ tabs: s.tabs.map((t) => (t.key === key ? { ...t, ...fn(t) } : t)) }));
  }

  private add(key: string, name: string, target: TerminalTarget): void {
    const tab: TerminalTab = {
      key,
      name,
      status: 'starting',
      exitCode: null,
      signal: null,
      error: null,
      history: [],
      logCommands: false,
      commandCapture: false,
      hasSelection: false,
    };
    this.store.setState((s) => ({ tabs: [...s.tabs, tab], activeKey: key }));
    const fromInfo = (info: TerminalInfo): Partial<TerminalTab> => ({
      sessionId: info.id,
      name: info.name,
      logCommands: info.logCommands,
      commandCapture: info.commandCapture,
      ...(info.exit ? { status: 'exited' as const, exitCode: info.exit.exitCode, signal: info.exit.signal } : {}),
    });
    const events: ControllerEvents = {
      onReady: (info, history) => this.patch(key, { status: 'running', error: null, history, ...fromInfo(info) }),
      onInfo: (info) => this.patch(key, fromInfo(info)),
      onCommand: (command) => this.update(key, (t) => ({ history: withCommand(t.history, command) })),
      onExit: (exitCode, signal) => this.patch(key, { status: 'exited', exitCode, signal }),
      onError: (message, fatal) => this.patch(key, fatal ? { status: 'failed', error: message } : { error: message }),
      onConnection: (state) =>
        this.update(key, (t) => {
          if (state === 'reconnecting' && t.status === 'running') return { status: 'reconnecting' };
          if (state === 'closed' && (t.status === 'running' || t.status === 'reconnecting' || t.status === 'starting')) return { status: 'disconnected', error: t.error ?? 'The connection to the host closed.' };
          return {};
        }),
      onSelection: (has) => this.patch(key, { hasSelection: has }),
      onShortcut: (action) => {
        if (action === 'find') this.store.setState((s) => ({ findRequest: s.findRequest + 1 }));
        else this.move(key, action === 'moveLeft' ? -1 : 1);
      },
    };
    this.controllers.set(
      key,
      new TerminalController({ endpoint: this.opts.endpoint, target, name, allowClipboardWrite: this.opts.allowClipboardWrite(), events }),
    );
  }
}
