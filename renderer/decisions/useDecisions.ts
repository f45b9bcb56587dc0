// The decision log as React reads it: one small store per document, fed by observing only
// the two decision Y types and re-reading them (a log holds tens of decisions, not 100k).
import { useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { decisionEventsArray, decisionsMap, readDecisions } from '../../shared/model/decisions';
import type { Decision } from '../../shared/model/coordinationTypes';

interface DecisionSource {
  get(): Decision[];
  subscribe(listener: () => void): () => void;
}

const sources = new WeakMap<Y.Doc, DecisionSource>();

function sourceFor(doc: Y.Doc): DecisionSource {
  const existing = sources.get(doc);
  if (existing) return existing;
  let snapshot = readDecisions(doc);
  const listeners = new Set<() => void>();
  const refresh = () => {
    snapshot = readDecisions(doc);
    for (const listener of listeners) listener();
  };
  const map = decisionsMap(doc);
  const log = decisionEventsArray(doc);
  const source: DecisionSource = {
    get: () => snapshot,
    subscribe(listener) {
      if (listeners.size === 0) {
        // Catch up on anything written while nobody was listening.
        snapshot = readDecisions(doc);
        map.observe(refresh);
        log.observe(refresh);
      }
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          map.unobserve(refresh);
          log.unobserve(refresh);
        }
      };
    },
  };
  sources.set(doc, source);
  return source;
}

/** Every decision, oldest first; re-renders when any decision changes. */
export function useDecisions(doc: Y.Doc): Decision[] {
  const source = sourceFor(doc);
  return useSyncExternalStore(source.subscribe, source.get);
}
