import * as Y from 'yjs';
import { CommandError } from '../commandError';
import { createIncident, type CommandContext } from '../commands';

/** A clock that starts at `start` and moves one second per reading, so every write has its own time. */
export function steppingClock(start: string, stepMs = 1000): () => string {
  let ms = Date.parse(start);
  return () => {
    const at = new Date(ms).toISOString();
    ms += stepMs;
    return at;
  };
}

export function contextFor(author: string, start = '2026-11-21T20:00:00.000Z'): CommandContext {
  return { author, now: steppingClock(start) };
}

/** A fresh document holding one Denver incident that started at 13:00 MST. */
export function openIncident(ctx: CommandContext = contextFor('ana')): { doc: Y.Doc; id: string; ctx: CommandContext } {
  const doc = new Y.Doc();
  const id = createIncident(doc, ctx, {
    title: 'Primary database outage',
    severity: 'SEV2',
    startedAt: '2026-11-21T20:00:00.000Z',
    timeZone: 'America/Denver',
  });
  return { doc, id, ctx };
}

/** The CommandError a command throws; fails the test if it throws nothing or something else. */
export function commandError(run: () => unknown): CommandError {
  try {
    run();
  } catch (error) {
    if (error instanceof CommandError) return error;
    throw error;
  }
  throw new Error('expected a CommandError');
}

/** A second replica holding everything `doc` has. */
export function replicaOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** Syncs two replicas both ways, as a reconnect would. */
export function exchange(a: Y.Doc, b: Y.Doc): void {
  const fromA = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const fromB = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, fromA);
  Y.applyUpdate(a, fromB);
}

