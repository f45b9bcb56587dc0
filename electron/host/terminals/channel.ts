// One /term socket (already through the upgrade gate): validate the query, open or re-attach a
// session, then route the renderer's frames to it. Every frame is validated with zod; a bad one
// gets a non-fatal error frame and is otherwise ignored, so no input can crash the host.
import type WebSocket from 'ws';
import type { z } from 'zod';
import { DisposableStore, listen } from '../../../shared/lifecycle/disposable';
import { ClientFrame, TerminalOpenQuery, type HostTerminalFrame } from '../../../shared/terminal/protocol';
import type { TerminalSession } from './session';

/** Policy violation: the query was malformed. */
export const BAD_QUERY_CLOSE_CODE = 1008;
/** The session asked to re-attach to no longer exists. */
export const SESSION_GONE_CLOSE_CODE = 4404;
/** The shell could not be started; the error frame says why. */
export const CANNOT_START_CLOSE_CODE = 4500;

export type OpenRequest = { incident: string; cols: number; rows: number; name: string; author: string };
export type OpenResult = { ok: true; session: TerminalSession } | { ok: false; message: string };

export interface SessionRegistry {
  find(sessionId: string): TerminalSession | undefined;
  open(request: OpenRequest): OpenResult;
}

function sendFrame(ws: WebSocket, frame: HostTerminalFrame): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
}

function refuse(ws: WebSocket, message: string, code: number): void {
  sendFrame(ws, { t: 'error', message, fatal: true });
  ws.close(code, message.slice(0, 100));
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const field = issue.path.map(String).join('.');
  return field ? `${field}: ${issue.message}` : issue.message;
}

function parseFrame(data: WebSocket.RawData, isBinary: boolean): { ok: true; frame: ClientFrame } | { ok: false; message: string } {
  if (isBinary) return { ok: false, message: 'Terminal frames must be JSON text.' };
  let raw: unknown;
  try {
    raw = JSON.parse(data.toString());
  } catch {
    return { ok: false, message: 'Terminal frames must be JSON text.' };
  }
  const frame = ClientFrame.safeParse(raw);
  return frame.success ? { ok: true, frame: frame.data } : { ok: false, message: `Refused terminal frame: ${describeIssue(frame.error)}` };
}

function dispatch(session: TerminalSession, frame: ClientFrame): void {
  switch (frame.t) {
    case 'input':
      return session.input(frame.data);
    case 'resize':
      return session.resize(frame.cols, frame.rows);
    case 'ack':
      return session.ack(frame.chars);
    case 'rename':
      return session.rename(frame.name);
    case 'logCommands':
      return session.setLogCommands(frame.on);
    case 'close':
      return void session.end();
  }
}

export function serveTerminalSocket(ws: WebSocket, query: URLSearchParams, registry: SessionRegistry, log: (line: string) => void): void {
  const fields = Object.fromEntries([...query].filter(([key]) => key !== 'token'));
  const parsed = TerminalOpenQuery.safeParse(fields);
  if (!parsed.success) return refuse(ws, `Bad terminal request: ${describeIssue(parsed.error)}`, BAD_QUERY_CLOSE_CODE);
  const q = parsed.data;

  let session: TerminalSession;
  if ('session' in q) {
    const found = registry.find(q.session);
    if (!found) return refuse(ws, 'This terminal has ended.', SESSION_GONE_CLOSE_CODE);
    session = found;
  } else {
    const opened = registry.open({ incident: q.incident, cols: q.cols, rows: q.rows, name: q.name, author: q.author });
    if (!opened.ok) {
      log(`terminal not started: ${opened.message}`);
      return refuse(ws, opened.message, CANNOT_START_CLOSE_CODE);
    }
    session = opened.session;
  }

  // The connection's listeners live as long as the socket: freed when it closes.
  const connection = new DisposableStore();
  connection.add(
    listen(ws, 'message', (data: WebSocket.RawData, isBinary: boolean) => {
      const result = parseFrame(data, isBinary);
      if (!result.ok) return sendFrame(ws, { t: 'error', message: result.message, fatal: false });
      try {
        dispatch(session, result.frame);
      } catch (err) {
        // e.g. resizing a pty whose process just died: report it, keep the host up.
        sendFrame(ws, { t: 'error', message: (err as Error).message, fatal: false });
      }
    }),
  );
  connection.add(
    listen(ws, 'close', () => {
      connection.dispose();
      session.detach(ws);
    }),
  );
  session.attach(ws);
  if ('session' in q && (q.cols !== session.cols || q.rows !== session.rows)) session.resize(q.cols, q.rows);
}
