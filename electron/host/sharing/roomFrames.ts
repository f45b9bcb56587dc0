// Decodes one Hocuspocus frame from a room connection completely, so that a malformed, truncated
// or padded frame is recognised before anything acts on it. Hocuspocus' own parser logs and
// resets on some bad input but has crashed or half-applied on others (y-protocols' readSyncStep2
// swallows applyUpdate errors after a partial apply), so room frames are judged here first.
// Frame layout (@hocuspocus/server 3.4.4): varString documentName, varUint MessageType, payload.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { MessageType } from '@hocuspocus/server';
import { messageYjsSyncStep1, messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync';

/** Hocuspocus' own message type names; re-exported so the room tests build frames with them. */
export { MessageType };

/** y-protocols/sync sub-types, by the library's names. */
export const SyncType = { Step1: messageYjsSyncStep1, Step2: messageYjsSyncStep2, Update: messageYjsUpdate } as const;

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: unknown;
}

export type RoomFrame =
  | { kind: 'sync'; docName: string; syncType: number; payload: Uint8Array }
  | { kind: 'awareness'; docName: string; entries: AwarenessEntry[] }
  | { kind: 'control'; docName: string; type: number }
  /** Well-formed, but not something a room client may send. */
  | { kind: 'forbidden'; docName: string; type: number };

/** The frame is not a well-formed Hocuspocus message. */
export class MalformedFrame extends Error {}

/** Message types a room client may send besides sync and awareness. */
const CONTROL_TYPES: ReadonlySet<number> = new Set([MessageType.Auth, MessageType.QueryAwareness, MessageType.CLOSE]);

/**
 * Decodes `data` fully. With `checkUpdates` (the default) a sync update is also decoded struct by
 * struct and applied to a scratch document, which is where garbage that survives the framing shows.
 */
export function inspectFrame(data: Uint8Array, opts: { checkUpdates?: boolean } = {}): RoomFrame {
  try {
    return decodeFrame(data, opts.checkUpdates ?? true);
  } catch (err) {
    if (err instanceof MalformedFrame) throw err;
    throw new MalformedFrame((err as Error)?.message ?? 'undecodable');
  }
}

function decodeFrame(data: Uint8Array, checkUpdates: boolean): RoomFrame {
  const decoder = decoding.createDecoder(data);
  const docName = decoding.readVarString(decoder);
  const type = decoding.readVarUint(decoder);
  let frame: RoomFrame;
  switch (type) {
    case MessageType.Sync:
    case MessageType.SyncReply: {
      const syncType = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (syncType === SyncType.Step1) Y.decodeStateVector(payload);
      else if (syncType === SyncType.Step2 || syncType === SyncType.Update) {
        if (checkUpdates) checkUpdate(payload);
      } else throw new MalformedFrame(`unknown sync type ${syncType}`);
      frame = { kind: 'sync', docName, syncType, payload };
      break;
    }
    case MessageType.Awareness:
      frame = { kind: 'awareness', docName, entries: decodeAwareness(decoding.readVarUint8Array(decoder)) };
      break;
    case MessageType.Auth:
      decoding.readVarUint(decoder);
      decoding.readVarString(decoder);
      frame = { kind: 'control', docName, type };
      break;
    case MessageType.Stateless:
    case MessageType.BroadcastStateless:
      decoding.readVarString(decoder);
      frame = { kind: 'forbidden', docName, type };
      break;
    case MessageType.SyncStatus:
      frame = { kind: 'forbidden', docName, type };
      break;
    default:
      if (!CONTROL_TYPES.has(type)) throw new MalformedFrame(`unknown message type ${type}`);
      frame = { kind: 'control', docName, type };
  }
  if (frame.kind !== 'forbidden' && decoding.hasContent(decoder)) throw new MalformedFrame('trailing bytes');
  return frame;
}

/** Throws unless `update` is a Yjs v1 update that decodes and applies cleanly on its own. */
function checkUpdate(update: Uint8Array): void {
  Y.decodeUpdate(update);
  const scratch = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(scratch, update);
  } finally {
    scratch.destroy();
  }
}

/** y-protocols/awareness encoding: varUint count, then (clientID, clock, JSON state) per client. */
function decodeAwareness(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    entries.push({ clientId, clock, state: JSON.parse(decoding.readVarString(decoder)) as unknown });
  }
  if (decoding.hasContent(decoder)) throw new MalformedFrame('trailing bytes in awareness update');
  return entries;
}

/** An awareness frame carrying exactly `entries` (used to pass on a filtered one). */
export function encodeAwarenessFrame(docName: string, entries: readonly AwarenessEntry[]): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(inner, e.clientId);
    encoding.writeVarUint(inner, e.clock);
    encoding.writeVarString(inner, JSON.stringify(e.state));
  }
  const outer = encoding.createEncoder();
  encoding.writeVarString(outer, docName);
  encoding.writeVarUint(outer, MessageType.Awareness);
  encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
  return encoding.toUint8Array(outer);
}

/** Whether a sync update/step 2 would change `doc` (an empty step 2 still carries the delete set). */
export function updateChangesDoc(doc: Y.Doc, update: Uint8Array): boolean {
  return !Y.snapshotContainsUpdate(Y.snapshot(doc), update);
}
