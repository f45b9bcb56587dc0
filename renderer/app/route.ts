// Hash routing: "#/" is Home, "#/incident/<id>" an incident. The token fragment is
// stripped by client/endpoint.ts before the first render, so it never reaches here.
import { useSyncExternalStore } from 'react';

/** Home's views across incidents: "#/" the catalog, "#/metrics", "#/follow-ups"; each may carry a query ("#/metrics?sev=SEV1"). */
export const HOME_VIEWS = ['catalog', 'metrics', 'follow-ups'] as const;
export type HomeView = (typeof HOME_VIEWS)[number];

export type Route = { screen: 'home'; view?: HomeView } | { screen: 'incident'; incidentId: string };

const INCIDENT_PREFIX = '#/incident/';

export function parseRoute(hash: string): Route {
  if (hash.startsWith(INCIDENT_PREFIX)) {
    const incidentId = decodeURIComponent(hash.slice(INCIDENT_PREFIX.length).split(/[/?#]/)[0] ?? '');
    if (incidentId) return { screen: 'incident', incidentId };
  }
  const view = hash.slice(2).split('?')[0];
  if (view === 'metrics' || view === 'follow-ups') return { screen: 'home', view };
  return { screen: 'home' };
}

/** The query a Home view carries after "?" in the hash. */
export function routeQuery(hash: string): URLSearchParams {
  const at = hash.indexOf('?');
  return new URLSearchParams(at >= 0 ? hash.slice(at + 1) : '');
}

export function routeHash(route: Route): string {
  if (route.screen === 'incident') return `${INCIDENT_PREFIX}${encodeURIComponent(route.incidentId)}`;
  return route.view && route.view !== 'catalog' ? `#/${route.view}` : '#/';
}

export function navigate(route: Route): void {
  window.location.hash = routeHash(route);
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
