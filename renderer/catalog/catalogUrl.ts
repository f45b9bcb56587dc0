// The catalog's filters and sort live in the URL ("#/?sev=SEV1&service=api"), so a filtered view is
// shared by copying the address. Typing replaces the address rather than pushing history, so Back
// leaves the catalog instead of undoing one keystroke at a time.
import { useMemo, useSyncExternalStore } from 'react';
import { catalogQueryParams, parseCatalogQuery, type CatalogQuery } from '../../shared/catalog/catalogQuery';
import { routeHash, routeQuery, type HomeView } from '../app/route';

const QUERY_CHANGED = 'warroom:catalog-query';

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  window.addEventListener(QUERY_CHANGED, onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
    window.removeEventListener(QUERY_CHANGED, onChange);
  };
};

/** The address of a Home view with a query: what the view tabs link to, so switching keeps the filters. */
export function viewHref(view: HomeView, query: CatalogQuery): string {
  const params = catalogQueryParams(query).toString();
  return `${routeHash({ screen: 'home', view })}${params ? `?${params}` : ''}`;
}

export function useCatalogQuery(view: HomeView): [CatalogQuery, (patch: Partial<CatalogQuery>) => void] {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  const query = useMemo(() => parseCatalogQuery(routeQuery(hash)), [hash]);
  const update = (patch: Partial<CatalogQuery>) => {
    const next = viewHref(view, { ...parseCatalogQuery(routeQuery(window.location.hash)), ...patch });
    window.history.replaceState(window.history.state, '', next);
    window.dispatchEvent(new Event(QUERY_CHANGED));
  };
  return [query, update];
}
