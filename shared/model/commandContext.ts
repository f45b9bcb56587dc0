// What every command needs, in one place: who is acting and when, the transaction origin,
// and the check that the document holds an incident at all.
import type * as Y from 'yjs';
import { canonicalInstant, nowInstant } from '../time/instant';
import { CommandError } from './commandError';
import { metaMap } from './doc';
import type { Instant } from './types';

/** Origin of transactions made by this replica's own commands (the default). */
export const LOCAL_ORIGIN: unique symbol = Symbol('war-room.local');

export interface CommandContext {
  author: string;
  /** Current time as an Instant; defaults to the clock. Injected by tests and the host. */
  now?: () => string;
  /** Transaction origin; defaults to LOCAL_ORIGIN. */
  origin?: unknown;
  /**
   * The incident this document holds, known from the host's first screen while the replica is still
   * syncing (shared/model/firstScreen.ts): a write that only adds (a new entry) need not wait for
   * the meta to arrive. Every other command still requires the incident in the document.
   */
  syncingIncident?: string;
}

/** The command's time, refused if an injected clock gives something that is not an instant. */
export function commandTime(ctx: CommandContext): Instant {
  const raw = ctx.now ? ctx.now() : nowInstant();
  const instant = canonicalInstant(raw);
  if (instant === null) throw new CommandError('invalid', `The clock gave “${raw}”, which is not an ISO-8601 UTC time.`, 'now');
  return instant;
}

/** Runs a command's writes as one transaction with the context's origin. */
export function runCommand(doc: Y.Doc, ctx: CommandContext, write: () => void): void {
  doc.transact(write, ctx.origin ?? LOCAL_ORIGIN);
}

/** The incident's meta map; refused when the document holds no incident yet. */
export function requireIncident(doc: Y.Doc): Y.Map<unknown> {
  const meta = metaMap(doc);
  if (typeof meta.get('id') !== 'string') throw new CommandError('no-incident', 'This document holds no incident yet.');
  return meta;
}
