// "Saved" is the host's word that a change is on disk, never a client-side counter. After it has
// handled a sync message from a connection, the host sends that connection the state vector it has
// persisted for the document (client id → clock: every change of that client below the clock is in
// the store), as a Hocuspocus stateless message. A client compares it with the changes it made
// itself (unsavedChanges.ts): a change is saved once the vector covers it, whatever happened to the
// connection in between. Only what grew since the last message on the same connection is sent, so
// a continuous writer gets a few bytes per update; a new connection starts again from nothing.
import { z } from 'zod';
import { parseStatelessMessage } from './statelessMessage';

export const SAVED_VECTOR_TYPE = 'saved-vector';

/** Yjs client ids are unsigned 32-bit; clocks count structs and never go down. */
const ClientIdSchema = z.number().int().min(0).max(0xffff_ffff);
const ClockSchema = z.number().int().min(0);

export const SavedVectorSchema = z.object({
  type: z.literal(SAVED_VECTOR_TYPE),
  /** [client id, clock] pairs: the persisted state for those clients (higher than last said). */
  clocks: z.array(z.tuple([ClientIdSchema, ClockSchema])),
});
export type SavedVector = z.infer<typeof SavedVectorSchema>;

/** The persisted clocks in a stateless payload; null for anything else (a welcome, junk). */
export function parseSavedVector(payload: string): Map<number, number> | null {
  const message = parseStatelessMessage(SavedVectorSchema, payload);
  return message ? new Map(message.clocks) : null;
}

/**
 * One connection's view of what it has been told (host side): next() returns the message that
 * brings the client up to `persisted`, or null when it already knows all of it.
 */
export class SavedVectorFeed {
  private readonly told = new Map<number, number>();

  next(persisted: ReadonlyMap<number, number>): string | null {
    const clocks: Array<[number, number]> = [];
    for (const [client, clock] of persisted) {
      if ((this.told.get(client) ?? 0) >= clock) continue;
      this.told.set(client, clock);
      clocks.push([client, clock]);
    }
    if (clocks.length === 0) return null;
    const message: SavedVector = { type: SAVED_VECTOR_TYPE, clocks };
    return JSON.stringify(message);
  }
}
