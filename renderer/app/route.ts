// Hash routing: "#/" is Home, "#/incident/<id>" an incident. The token fragment is
// stripped by client/endpoint.ts before the first render, so it never reaches here.
import { useSyncExternalStore } from 'react';

export type Route = { screen: 'home' } | { screen: 'incident'; incidentId: string };

const INCIDENT_PREFIX = '#/incident/';

export function parseRoute(hash: string): Route {
  if (hash.startsWith(INCIDENT_PREFIX)) {
    const incidentId = decodeURIComponent(hash.slice(INCIDENT_PREFIX.length).split(/[/?#]/)[0] ?? '');
    if (incidentId) return { screen: 'incident', incidentId };
  }
  return { screen: 'home' };
}

export function routeHash(route: Route): string {
  return route.screen === 'incident' ? `${INCIDENT_PREFIX}${encodeURIComponent(route.incidentId)}` : '#/';
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
