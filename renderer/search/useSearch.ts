// Asks the host's index as the person types: one request per pause in typing, and an answer
// that arrives after a newer question is dropped.
import { useEffect, useRef, useState } from 'react';
import type { SearchHit } from '../../shared/protocol/search';
import type { RpcClient } from '../client/rpc';

/** A pause this long in typing sends the query; shorter would ask for every keystroke. */
export const SEARCH_TYPING_PAUSE_MS = 150;

export interface SearchState {
  /** The query the hits answer; null before any. */
  answered: string | null;
  hits: SearchHit[];
  error: string | null;
}

const EMPTY: SearchState = { answered: null, hits: [], error: null };

export function useSearch(rpc: RpcClient, query: string): SearchState {
  const [state, setState] = useState<SearchState>(EMPTY);
  const asked = useRef(0);
  useEffect(() => {
    const text = query.trim();
    const ticket = ++asked.current;
    if (text === '') return;
    const timer = setTimeout(() => {
      rpc.search({ query: text }).then(
        ({ hits }) => ticket === asked.current && setState({ answered: text, hits, error: null }),
        (err: unknown) => ticket === asked.current && setState({ answered: text, hits: [], error: (err as Error).message }),
      );
    }, SEARCH_TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [rpc, query]);
  // An emptied box shows nothing, whatever the last answer was.
  return query.trim() === '' ? EMPTY : state;
}
