// Top of the UI: no token → how to open the app; otherwise settings first (the
// author's name is needed before anything is written), then Home or an incident.
import { useEffect, useState } from 'react';
import type { HostConnection } from '../client/hostConnection';
import { Home } from '../home/Home';
import { IncidentView } from '../incident/IncidentView';
import { NameDialog } from './NameDialog';
import { NoTokenScreen } from './NoTokenScreen';
import { StaleTokenScreen } from './StaleTokenScreen';
import { checkHostToken } from '../client/tokenCheck';
import { useRoute } from './route';
import { HostContextReact, useHost } from './session';
import { loadSettings, useSettings } from './settingsStore';
import { StoreErrorBanner } from './StoreErrorBanner';
import { useDesktopEvents } from './useDesktopEvents';
import { UnreadableRowsBanner } from './UnreadableRowsBanner';

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
      {route.screen === 'incident' ? <IncidentView key={route.incidentId} incidentId={route.incidentId} /> : <Home />}
      {settings.displayName === '' && <NameDialog />}
    </>
  );
}
