// One terminal's WebSocket to the host's /term path. Output goes straight to the sink (xterm)
// and is acknowledged from its write callback; JSON frames become typed events. A socket that
// drops while the shell still runs is re-attached with `session=`, and the host's replay of
// recent output repaints the screen. DOM-free (the WebSocket is injectable) so it is tested
// against a real `ws` server.
import { WS_PATHS } from '../../shared/protocol/api';
import type { ClientFrame, CommandRecord, TerminalInfo } from '../../shared/terminal/protocol';
import type { HostEndpoint } from '../client/endpoint';
import { toWebSocketUrl } from '../client/endpoint';
import type { WebSocketConstructor, WebSocketLike } from '../client/rpc';
import { AckCounter, decodeHostMessage, reconnectDelay, terminalUrl } from './terminalStream';

/** Where output goes: an xterm Terminal satisfies it. */
export interface TerminalSink {
  write(data: string, parsed: () => void): void;
  /** Clears the screen before a re-attach repaints it from the host's replay. */
  reset(): void;
}

export type TerminalConnection = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface TerminalSocketEvents {
  onReady?(info: TerminalInfo, history: CommandRecord[]): void;
  onInfo?(info: TerminalInfo): void;
  onCommand?(command: CommandRecord): void;
  onExit?(exitCode: number | null, signal: number | null): void;
  onError?(message: string, fatal: boolean): void;
  onConnection?(state: TerminalConnection): void;
}

export type TerminalTarget = { session: string } | { incident: string; name: string; author: string };

export interface TerminalSocketOptions {
  endpoint: HostEndpoint;
  target: TerminalTarget;
  /** The terminal's size when (re)connecting. */
  size(): { cols: number; rows: number };
  sink: TerminalSink;
  events: TerminalSocketEvents;
  WebSocket?: WebSocketConstructor;
}

const WS_CONNECTING = 0;
const WS_OPEN = 1;
const CLOSE_NORMAL = 1000;

export class TerminalSocket {
  private ws: WebSocketLike | null = null;
  private readonly acks = new AckCounter();
  private readonly queue: string[] = [];
  private sessionId: string | null;
  private closedByUs = false;
  private exited = false;
  private fatal = false;
  private attempts = 0;
  private connects = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly opts: TerminalSocketOptions) {
    this.sessionId = 'session' in opts.target ? opts.target.session : null;
    this.connect();
  }

  get session(): string | null {
    return this.sessionId;
  }

  input(data: string): void {
    if (!this.exited) this.send({ t: 'input', data });
  }

  resize(cols: number, rows: number): void {
    this.send({ t: 'resize', cols, rows });
  }

  rename(name: string): void {
    this.send({ t: 'rename', name });
  }

  logCommands(on: boolean): void {
    this.send({ t: 'logCommands', on });
  }

  /** Ends the shell (and its process group) and the socket. */
  close(): void {
    if (this.closedByUs) return;
    if (this.ws?.readyState === WS_OPEN) this.ws.send(JSON.stringify({ t: 'close' } satisfies ClientFrame));
    else if (this.ws !== null) this.queue.push(JSON.stringify({ t: 'close' } satisfies ClientFrame));
    this.closedByUs = true;
    this.clearRetry();
    // A socket still connecting sends the queued close as soon as it opens, then closes.
    if (this.ws?.readyState === WS_OPEN) this.ws.close(CLOSE_NORMAL);
    if (this.ws === null) this.opts.events.onConnection?.('closed');
  }

  /** Drops the socket but leaves the shell running on the host (it waits to be re-attached). */
  detach(): void {
    this.closedByUs = true;
    this.clearRetry();
    this.ws?.close(CLOSE_NORMAL);
  }

  private send(frame: ClientFrame): void {
    if (this.closedByUs) return;
    const text = JSON.stringify(frame);
    if (this.ws?.readyState === WS_OPEN) this.ws.send(text);
    // Keystrokes typed while the socket is opening (just after a reload) go out when it opens;
    // keystrokes typed while it is down are dropped, not replayed into the shell much later.
    else if (frame.t !== 'input' || this.ws?.readyState === WS_CONNECTING) this.queue.push(text);
  }

  private connect(): void {
    const Socket = this.opts.WebSocket ?? (globalThis.WebSocket as unknown as WebSocketConstructor);
    const { hostUrl, token } = this.opts.endpoint;
    const size = this.opts.size();
    const target: TerminalTarget = this.sessionId !== null ? { session: this.sessionId } : this.opts.target;
    const url = terminalUrl(toWebSocketUrl(hostUrl), WS_PATHS.term, { token, ...size, ...target });
    this.opts.events.onConnection?.(this.connects === 0 ? 'connecting' : 'reconnecting');
    this.connects += 1;
    this.acks.reset();
    const ws = new Socket(url);
    this.ws = ws;
    ws.onopen = () => {
      for (const text of this.queue.splice(0)) ws.send(text);
      if (this.closedByUs) ws.close(CLOSE_NORMAL);
    };
    ws.onmessage = (event) => this.receive(event.data);
    ws.onerror = () => {}; // onclose follows and decides
    ws.onclose = () => this.closed(ws);
  }

  private receive(message: unknown): void {
    const decoded = decodeHostMessage(message);
    if (decoded.kind === 'output') {
      const { data } = decoded;
      this.acks.wrote();
      this.opts.sink.write(data, () => {
        const due = this.acks.parsed(data.length);
        if (due > 0 && this.ws?.readyState === WS_OPEN) this.ws.send(JSON.stringify({ t: 'ack', chars: due } satisfies ClientFrame));
      });
      return;
    }
    if (decoded.kind === 'invalid') {
      this.opts.events.onError?.(decoded.reason, false);
      return;
    }
    const { frame } = decoded;
    const events = this.opts.events;
    switch (frame.t) {
      case 'ready':
        this.sessionId = frame.info.id;
        this.attempts = 0;
        this.exited = frame.info.exit !== null;
        // A re-attach repaints from the host's replay; a fresh page's terminal is already empty.
        if (this.connects > 1) this.opts.sink.reset();
        // The replay is not counted by the host's flow control, so it is not acknowledged.
        if (frame.replay !== '') this.opts.sink.write(frame.replay, () => {});
        events.onConnection?.('open');
        events.onReady?.(frame.info, frame.history);
        return;
      case 'info':
        events.onInfo?.(frame.info);
        return;
      case 'command':
        events.onCommand?.(frame.command);
        return;
      case 'exit':
        this.exited = true;
        events.onExit?.(frame.exitCode, frame.signal);
        return;
      case 'error':
        if (frame.fatal) this.fatal = true;
        events.onError?.(frame.message, frame.fatal);
        return;
    }
  }

  private closed(ws: WebSocketLike): void {
    if (this.ws !== ws) return;
    this.ws = null;
    const delay = reconnectDelay({
      closedByUs: this.closedByUs,
      exited: this.exited,
      fatal: this.fatal,
      sessionId: this.sessionId,
      attempts: this.attempts,
    });
    if (delay === null) {
      this.opts.events.onConnection?.('closed');
      return;
    }
    this.attempts += 1;
    this.opts.events.onConnection?.('reconnecting');
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect();
    }, delay);
  }

  private clearRetry(): void {
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }
}
