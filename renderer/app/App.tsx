// Top of the UI: no token → how to open the app; otherwise settings first (the
// author's name is needed before anything is written), then Home or an incident.
import { lazy, Suspense, useEffect, useState } from 'react';
import type { HostConnection } from '../client/hostConnection';
import { NameDialog } from './NameDialog';
import { NoTokenScreen } from './NoTokenScreen';
import { StaleTokenScreen } from './StaleTokenScreen';
import { checkHostToken } from '../client/tokenCheck';
import { useRoute } from './route';
import { HostContextReact, useHost } from './session';
import { loadSettings, useSettings } from './settingsStore';
import { StoreErrorBanner } from './StoreErrorBanner';
import { useDesktopEvents } from './useDesktopEvents';
import { useAlertNotifications } from './useAlertNotifications';
import { UnreadableRowsBanner } from './UnreadableRowsBanner';

// Each screen is its own chunk: a cold load straight onto an incident does not wait for the
// incident list's code, nor the list for the incident's (timeline, sync, tabs).
const loadScreen = {
  home: () => import('../home/Home'),
  incident: () => import('../incident/IncidentView'),
};
const Home = lazy(() => loadScreen.home().then((m) => ({ default: m.Home })));
const IncidentView = lazy(() => loadScreen.incident().then((m) => ({ default: m.IncidentView })));

/** Shown while a screen's chunk loads (a few ms from the local host). */
function ScreenLoading() {
  return (
    <main className="screen-message" aria-busy="true">
      <p className="muted">Loading…</p>
    </main>
  );
}

export function App({ host }: { host: HostConnection | null }) {
  if (!host) return <NoTokenScreen />;
  return (
    <HostContextReact.Provider value={host}>
      <StoreErrorBanner />
      <UnreadableRowsBanner />
      <Shell />
    </HostContextReact.Provider>
  );
}

function Shell() {
  const { rpc, endpoint } = useHost();
  const { settings, loadError } = useSettings();
  const route = useRoute();
  const [tokenRefused, setTokenRefused] = useState(false);
  useDesktopEvents(rpc);
  useAlertNotifications(rpc);

  // A socket refused for its token looks like any lost connection; ask the host which it is,
  // at start and whenever the connection drops (the host may have restarted with a new token).
  useEffect(() => {
    let live = true;
    const check = () =>
      void checkHostToken(endpoint).then((verdict) => {
        if (live && verdict !== 'unreachable') setTokenRefused(verdict === 'refused');
      });
    if (rpc.connectionState() !== 'online') check();
    const off = rpc.onConnectionChange((state) => {
      if (state === 'offline') check();
    });
    return () => {
      live = false;
      off();
    };
  }, [rpc, endpoint]);

  // Fetch the screen's chunk while the settings are still on their way, not after; then the other
  // screen's, so leaving an incident never waits on a chunk (while it did, the incident view stayed
  // mounted behind the loading screen, and with it the incident's terminals).
  useEffect(() => {
    void loadScreen[route.screen]().then(() => Promise.all(Object.values(loadScreen).map((load) => load())));
  }, [route.screen]);

  useEffect(() => {
    void loadSettings(rpc);
    // If the host was unreachable at start, try again as soon as it answers.
    return rpc.onConnectionChange((state) => {
      if (state === 'online' && !useSettings.getState().settings) void loadSettings(rpc);
    });
  }, [rpc]);

  if (tokenRefused) return <StaleTokenScreen />;
  if (!settings) {
    return (
      <main className="screen-message" aria-busy={!loadError}>
        {loadError ? (
          <p role="alert">Cannot reach the War Room host: {loadError} Retrying…</p>
        ) : (
          <p className="muted">Connecting to the War Room host…</p>
        )}
      </main>
    );
  }

  return (
    <>
      <Suspense fallback={<ScreenLoading />}>
        {route.screen === 'incident' ? <IncidentView key={route.incidentId} incidentId={route.incidentId} /> : <Home />}
      </Suspense>
      {settings.displayName === '' && <NameDialog />}
    </>
  );
}
