// A link to one entry of an incident: "#/incident/<id>?entry=<entryId>". The route still reads
// it as the incident (route.ts stops at "?"); the timeline selects the entry and scrolls to it.
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { routeHash } from '../app/route';

const ENTRY_PARAM = 'entry';

export function entryLinkHash(incidentId: string, entryId: string | null): string {
  const incident = routeHash({ screen: 'incident', incidentId });
  return entryId ? `${incident}?${ENTRY_PARAM}=${encodeURIComponent(entryId)}` : incident;
}

/** The entry a hash links to, or null. */
export function linkedEntryId(hash: string): string | null {
  const query = hash.indexOf('?');
  if (query < 0) return null;
  return new URLSearchParams(hash.slice(query + 1)).get(ENTRY_PARAM) || null;
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

/**
 * Reveals the linked entry once the timeline holds it: once per link, so entries arriving later
 * never pull the reader back to it.
 */
export function useRevealLinkedEntry(has: (id: string) => boolean, revision: number, reveal: (id: string) => void): void {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  const done = useRef<string | null>(null);
  const entryId = linkedEntryId(hash);
  useEffect(() => {
    if (entryId === null || done.current === hash || !has(entryId)) return;
    done.current = hash;
    reveal(entryId);
  }, [hash, entryId, revision, has, reveal]);
}
