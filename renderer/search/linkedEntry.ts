// A link to one entry of an incident: "#/incident/<id>?entry=<entryId>", or to one of its views
// ("?view=postmortem") when what was found has no entry. The route still reads it as the incident
// (route.ts stops at "?"); the timeline selects the entry and scrolls to it, the incident shows the view.
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { routeHash } from '../app/route';
import { isIncidentViewId, type IncidentViewId } from '../incident/incidentViews';

const ENTRY_PARAM = 'entry';
const VIEW_PARAM = 'view';

export function entryLinkHash(incidentId: string, entryId: string | null, view: IncidentViewId | null = null): string {
  const incident = routeHash({ screen: 'incident', incidentId });
  if (entryId) return `${incident}?${ENTRY_PARAM}=${encodeURIComponent(entryId)}`;
  return view ? `${incident}?${VIEW_PARAM}=${view}` : incident;
}

function param(hash: string, name: string): string | null {
  const query = hash.indexOf('?');
  if (query < 0) return null;
  return new URLSearchParams(hash.slice(query + 1)).get(name) || null;
}

/** The entry a hash links to, or null. */
export function linkedEntryId(hash: string): string | null {
  return param(hash, ENTRY_PARAM);
}

/** The incident view a hash links to, or null. */
export function linkedView(hash: string): IncidentViewId | null {
  const view = param(hash, VIEW_PARAM);
  return isIncidentViewId(view) ? view : null;
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

/** Shows the view a link names, once per link. */
export function useLinkedView(show: (view: IncidentViewId) => void): void {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  const done = useRef<string | null>(null);
  const view = linkedView(hash);
  useEffect(() => {
    if (view === null || done.current === hash) return;
    done.current = hash;
    show(view);
  }, [hash, view, show]);
}
