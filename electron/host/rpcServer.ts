// The generic RPC server for the /rpc WebSocket: JSON call frames in, result and event frames out.
// It knows nothing about incidents: given the descriptor (shared/protocol/api.ts) and an
// implementation, it validates every frame and argument with the descriptor's zod schemas, so a
// bad frame gets an error reply and never reaches the implementation (or crashes the host).
import type WebSocket from 'ws';
import type { z } from 'zod';
import { CallFrame, type EventFrame, type RpcError, type ResultFrame } from '../../shared/protocol/api';

/** Reply id for frames too broken to carry one (CallFrame ids are non-negative). */
export const UNKNOWN_CALL_ID = -1;

interface Descriptor {
  methods: Record<string, { args: z.ZodType; result: z.ZodType }>;
  events: Record<string, z.ZodType>;
}

type Impl<D extends Descriptor> = { [M in keyof D['methods']]: (args: z.output<D['methods'][M]['args']>) => Promise<unknown> };

export class RpcServer<D extends Descriptor> {
  private readonly sockets = new Set<WebSocket>();

  constructor(
    private readonly descriptor: D,
    private readonly impl: Impl<D>,
    private readonly log: (line: string) => void,
  ) {}

  /** Serve one authenticated /rpc connection until it closes. */
  handle(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', () => this.sockets.delete(ws));
    ws.on('error', (err) => this.log(`rpc socket error: ${err.message}`));
    ws.on('message', (data, isBinary) => {
      void this.onMessage(ws, isBinary ? null : data.toString());
    });
  }

  /** Push an event to every connection. */
  broadcast<E extends keyof D['events'] & string>(name: E, payload: z.output<D['events'][E]>): void {
    const frame: EventFrame = { t: 'event', name: name as EventFrame['name'], payload };
    const text = JSON.stringify(frame);
    for (const ws of this.sockets) if (ws.readyState === ws.OPEN) ws.send(text);
  }

  closeAll(): void {
    for (const ws of this.sockets) ws.close();
  }

  private async onMessage(ws: WebSocket, text: string | null): Promise<void> {
    let raw: unknown;
    try {
      if (text === null) throw new Error('binary frame');
      raw = JSON.parse(text);
    } catch {
      return this.reply(ws, failure(UNKNOWN_CALL_ID, { code: 'bad-frame', message: 'Frames must be JSON text.' }));
    }
    const frame = CallFrame.safeParse(raw);
    if (!frame.success) {
      const id = typeof (raw as { id?: unknown })?.id === 'number' ? (raw as { id: number }).id : UNKNOWN_CALL_ID;
      return this.reply(ws, failure(id, { code: 'bad-frame', message: `Malformed call frame: ${describeIssue(frame.error)}` }));
    }
    const { id, method, args } = frame.data;
    const spec = Object.hasOwn(this.descriptor.methods, method) ? this.descriptor.methods[method] : undefined;
    if (!spec) return this.reply(ws, failure(id, { code: 'unknown-method', message: `There is no method named "${method}".` }));
    const parsed = spec.args.safeParse(args ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue ? issue.path.map(String).join('.') : '';
      return this.reply(ws, failure(id, { code: 'bad-args', message: describeIssue(parsed.error), ...(field ? { field } : {}) }));
    }
    try {
      const fn = this.impl[method as keyof D['methods']];
      const value = await fn(parsed.data as never);
      this.reply(ws, { t: 'result', id, ok: true, value });
    } catch (err) {
      this.reply(ws, failure(id, toRpcError(err)));
      if (toRpcError(err).code === 'internal') this.log(`rpc ${method} failed: ${(err as Error)?.stack ?? String(err)}`);
    }
  }

  private reply(ws: WebSocket, frame: ResultFrame): void {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
  }
}

function failure(id: number, error: RpcError): ResultFrame {
  return { t: 'result', id, ok: false, error };
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const field = issue.path.map(String).join('.');
  return field ? `${field}: ${issue.message}` : issue.message;
}

/** Errors carrying a string `code` (CommandError, StoreError, HostError) keep it; the rest are internal. */
export function toRpcError(err: unknown): RpcError {
  const e = err as { code?: unknown; message?: unknown; field?: unknown } | null;
  const message = typeof e?.message === 'string' && e.message ? e.message : 'The host could not complete the request.';
  if (typeof e?.code === 'string' && !e.code.startsWith('SQLITE') && !e.code.startsWith('ERR_')) {
    return { code: e.code, message, ...(typeof e.field === 'string' ? { field: e.field } : {}) };
  }
  return { code: 'internal', message };
}
