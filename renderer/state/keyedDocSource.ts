// The producer side of the renderer's keyed reads, with no React and no DOM (so it can run
// wherever the Y.Doc lives, a Web Worker included, and post its patches as plain data): keyed
// records from a Y.Map, each folded with its events from an optional append-only log, emitted
// as patches `{ upserted, removed }` once per transaction that changed either, however many
// records it touched (a map and its log written together are one patch).
//
// There is no echo guard (tldraw's `transaction.local`): this side only reads, and local commands
// must show up exactly like remote ones.
import type * as Y from 'yjs';
import { DisposableStore, listen, toDisposable, type Disposable } from '../../shared/lifecycle/disposable';
import { KeyedLogIndex, logChange, type GroupLog } from './keyedLogIndex';

export interface KeyedPatch<R> {
  /** Records that are new or were re-read, by id. A consumer may find some equal to what it holds. */
  upserted: Map<string, R>;
  /** Ids that have no record any more (gone from the map, or no longer a record). */
  removed: string[];
}

export interface KeyedLog<E> {
  array: Y.Array<unknown>;
  /** The model's own grouping of the log by record id (groupEditsByEntry, groupEventsByAction, …). */
  group: GroupLog<E>;
}

export interface KeyedSpec<S, E, R> {
  map: Y.Map<S>;
  log?: KeyedLog<E>;
  /** One record from its stored value and its events, or undefined when the value is no record. */
  fold(id: string, stored: S | undefined, events: readonly E[]): R | undefined;
}

export interface KeyedDocSource<R> extends Disposable {
  /** Every record now, as one patch: what a consumer starting from nothing applies first. */
  readAll(): KeyedPatch<R>;
  /** Called once per transaction that changed the map or the log, with the records it changed. */
  onPatch(listener: (patch: KeyedPatch<R>) => void): Disposable;
}

export function keyedDocSource<S, E, R>(doc: Y.Doc, spec: KeyedSpec<S, E, R>): KeyedDocSource<R> {
  const { map, log, fold } = spec;
  const index = log ? new KeyedLogIndex<E>(log.array, log.group) : null;
  const eventsOf = (id: string): readonly E[] => index?.eventsOf(id) ?? [];
  const listeners = new Set<(patch: KeyedPatch<R>) => void>();
  const lifetime = new DisposableStore();

  // The observers only collect ids (Yjs computes an event's keys and delta inside the observer);
  // the records are folded once per transaction, after every observer ran.
  const pending = new Set<string>();
  const onMap = (event: Y.YMapEvent<S>) => {
    for (const id of event.keysChanged) pending.add(id);
  };
  map.observe(onMap);
  lifetime.add(toDisposable(() => map.unobserve(onMap)));
  if (log && index) {
    const onLog = (event: Y.YArrayEvent<unknown>) => {
      for (const id of index.apply(logChange(event, log.array.length))) pending.add(id);
    };
    log.array.observe(onLog);
    lifetime.add(toDisposable(() => log.array.unobserve(onLog)));
  }
  lifetime.add(
    listen(doc, 'afterTransaction', () => {
      if (pending.size === 0) return;
      const patch: KeyedPatch<R> = { upserted: new Map(), removed: [] };
      for (const id of pending) {
        const record = fold(id, map.get(id), eventsOf(id));
        if (record === undefined) patch.removed.push(id);
        else patch.upserted.set(id, record);
      }
      pending.clear();
      for (const listener of [...listeners]) listener(patch);
    }),
  );

  return {
    readAll() {
      const patch: KeyedPatch<R> = { upserted: new Map(), removed: [] };
      map.forEach((stored, id) => {
        const record = fold(id, stored, eventsOf(id));
        if (record !== undefined) patch.upserted.set(id, record);
      });
      return patch;
    },
    onPatch(listener) {
      listeners.add(listener);
      return toDisposable(() => listeners.delete(listener));
    },
    dispose() {
      listeners.clear();
      pending.clear();
      lifetime.dispose();
    },
  };
}
