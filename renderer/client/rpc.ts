// Typed client for the host's /rpc channel, derived from the one HostApi descriptor
// in shared/protocol so that the renderer and the host cannot drift apart.
// Calls made while the socket is down wait in a queue and go out on reconnect;
// calls already sent when the socket drops are rejected (they may not be idempotent).
import {
  HostApi,
  WS_PATHS,
  RpcErrorSchema,
  type EventName,
  type EventPayload,
  type HostApiClient,
  type MethodName,
  type RpcError,
} from '../../shared/protocol/api';
import { toWebSocketUrl } from './endpoint';

/** The subset of the WebSocket API we use; satisfied by the browser's and by `ws` in Node. */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
}
export type WebSocketConstructor = new (url: string) => WebSocketLike;

export type RpcConnectionState = 'connecting' | 'online' | 'offline';

export interface RpcClientOptions {
  /** Defaults to the global WebSocket (browsers); pass `ws` in Node. */
  WebSocket?: WebSocketConstructor;
  /** First reconnect delay; doubles per failure up to maxBackoffMs. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
}

export type RpcClient = HostApiClient & {
  on<E extends EventName>(event: E, cb: (payload: EventPayload<E>) => void): () => void;
  /** Called with every change of the socket's state; returns the unsubscribe. */
  onConnectionChange(cb: (state: RpcConnectionState) => void): () => void;
  connectionState(): RpcConnectionState;
  close(): void;
};

/** A failed call, carrying the host's machine-readable code and the field to blame. */
export class RpcCallError extends Error {
  readonly code: string;
  readonly field: string | undefined;
  constructor(error: RpcError) {
    super(error.message);
    this.name = 'RpcCallError';
    this.code = error.code;
    this.field = error.field;
  }
}

// Reconnect quickly after a blip, but do not hammer a host that is down.
const DEFAULT_INITIAL_BACKOFF_MS = 250;
const DEFAULT_MAX_BACKOFF_MS = 5_000;
const WS_OPEN = 1;
/** Normal closure code, used when the app closes the client on purpose. */
const CLOSE_NORMAL = 1000;

interface Pending {
  method: string;
  frame: string;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  sent: boolean;
}

export function createRpcClient(url: string, token: string, options: RpcClientOptions = {}): RpcClient {
  const Socket = options.WebSocket ?? (globalThis.WebSocket as unknown as WebSocketConstructor | undefined);
  if (!Socket) throw new Error('No WebSocket implementation available; pass options.WebSocket.');
  const initialBackoff = options.initialBackoffMs ?? DEFAULT_INITIAL_BACKOFF_MS;
  const maxBackoff = options.maxBackoffMs ?? DEFAULT_MAX_BACKOFF_MS;
  const endpoint = `${toWebSocketUrl(url)}${WS_PATHS.rpc}?token=${encodeURIComponent(token)}`;

  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<(payload: never) => void>>();
  const stateListeners = new Set<(state: RpcConnectionState) => void>();
  let nextId = 1;
  let socket: WebSocketLike | null = null;
  let state: RpcConnectionState = 'connecting';
  let backoff = initialBackoff;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;

  const setState = (next: RpcConnectionState) => {
    if (next === state) return;
    state = next;
    for (const cb of stateListeners) cb(next);
  };

  const flushQueue = () => {
    for (const call of pending.values()) {
      if (!call.sent && socket?.readyState === WS_OPEN) {
        socket.send(call.frame);
        call.sent = true;
      }
    }
  };

  const handleMessage = (data: unknown) => {
    let frame: { t?: unknown; id?: unknown; ok?: unknown; value?: unknown; error?: unknown; name?: unknown; payload?: unknown };
    try {
      frame = JSON.parse(String(data));
    } catch {
      return; // Not ours to interpret; the host only sends JSON.
    }
    if (frame.t === 'result' && typeof frame.id === 'number') {
      const call = pending.get(frame.id);
      if (!call) return;
      pending.delete(frame.id);
      if (frame.ok === true) {
        const schema = HostApi.methods[call.method as MethodName].result;
        const parsed = schema.safeParse(frame.value);
        if (parsed.success) call.resolve(parsed.data);
        else call.reject(new RpcCallError({ code: 'bad-result', message: `The host sent an unexpected reply to ${call.method}.` }));
      } else {
        const parsed = RpcErrorSchema.safeParse(frame.error);
        call.reject(new RpcCallError(parsed.success ? parsed.data : { code: 'internal', message: 'The host reported an unreadable error.' }));
      }
    } else if (frame.t === 'event' && typeof frame.name === 'string' && frame.name in HostApi.events) {
      const schema = HostApi.events[frame.name as EventName];
      const parsed = schema.safeParse(frame.payload);
      if (!parsed.success) return;
      for (const cb of listeners.get(frame.name) ?? []) cb(parsed.data as never);
    }
  };

  const connect = () => {
    reconnectTimer = null;
    setState('connecting');
    const ws = new Socket(endpoint);
    socket = ws;
    ws.onopen = () => {
      backoff = initialBackoff;
      setState('online');
      flushQueue();
    };
    ws.onmessage = (ev) => handleMessage(ev.data);
    ws.onerror = () => {
      // onclose follows and does the work.
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      for (const [id, call] of pending) {
        if (!call.sent) continue;
        pending.delete(id);
        call.reject(new RpcCallError({ code: 'disconnected', message: 'Lost the connection to the host before it answered; try again.' }));
      }
      if (closed) return;
      setState('offline');
      reconnectTimer = setTimeout(connect, backoff);
      backoff = Math.min(backoff * 2, maxBackoff);
    };
  };

  const call = (method: MethodName, args: unknown): Promise<unknown> => {
    if (closed) return Promise.reject(new RpcCallError({ code: 'closed', message: 'The connection to the host was closed.' }));
    const id = nextId++;
    const frame = JSON.stringify({ t: 'call', id, method, args });
    return new Promise((resolve, reject) => {
      pending.set(id, { method, frame, resolve, reject, sent: false });
      flushQueue();
    });
  };

  const client: Omit<RpcClient, MethodName> = {
    on<E extends EventName>(event: E, cb: (payload: EventPayload<E>) => void) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(cb as (payload: never) => void);
      return () => void set.delete(cb as (payload: never) => void);
    },
    onConnectionChange(cb: (s: RpcConnectionState) => void) {
      stateListeners.add(cb);
      return () => void stateListeners.delete(cb);
    },
    connectionState: () => state,
    close() {
      closed = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      const ws = socket;
      socket = null;
      ws?.close(CLOSE_NORMAL, 'client closed');
      for (const p of pending.values()) p.reject(new RpcCallError({ code: 'closed', message: 'The connection to the host was closed.' }));
      pending.clear();
      setState('offline');
    },
  };

  const methods = Object.fromEntries(
    (Object.keys(HostApi.methods) as MethodName[]).map((method) => [method, (args: unknown) => call(method, args ?? {})]),
  ) as unknown as HostApiClient;

  connect();
  return { ...methods, ...client };
}
