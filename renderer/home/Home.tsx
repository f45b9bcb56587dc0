// Home: declare an incident, find any incident in this host's store (the catalog), see the metrics and
// the action items across incidents, join someone else's room, or import an archive.
import { lazy, Suspense, useEffect, useState } from 'react';
import { DEFAULT_FOLLOW_UP_POLICY } from '../../shared/catalog/followUpPolicy';
import { useHost } from '../app/session';
import { useSettings } from '../app/settingsStore';
import { SettingsDialog } from '../incident/SettingsDialog';
import { useAppCommand } from '../app/appCommands';
import { useRoute, type HomeView } from '../app/route';
import { JoinRoomDialog } from '../replica/JoinRoomDialog';
import { closeJoinDialog, openJoinDialog, useJoinRequest } from '../replica/joinRequest';
import { CatalogView } from '../catalog/CatalogView';
import { followCatalog, useCatalog } from '../catalog/catalogStore';
import { useCatalogQuery } from '../catalog/catalogUrl';
import { HomeViewTabs } from '../catalog/HomeViews';
import { useMinuteInstant } from '../catalog/minuteClock';
import { FollowUpsView } from '../followups/FollowUpsView';
import { OverdueOnHome } from '../followups/OverdueOnHome';
import { CreateIncidentForm } from './CreateIncidentForm';
import { ImportArchive } from './ImportArchive';
import { SearchBox } from '../search/SearchBox';
import './home.css';
import '../catalog/catalog.css';

// The charts pull in ECharts: loaded only when the Metrics view is opened, never in the first chunk.
const MetricsView = lazy(() => import('../metrics/MetricsView'));

export function Home() {
  const { rpc } = useHost();
  const route = useRoute();
  const view: HomeView = route.screen === 'home' ? (route.view ?? 'catalog') : 'catalog';
  const { incidents, error } = useCatalog();
  const [query, update] = useCatalogQuery(view);
  const policy = useSettings((s) => s.settings?.followUpPolicy ?? DEFAULT_FOLLOW_UP_POLICY);
  const now = useMinuteInstant();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const join = useJoinRequest();
  useAppCommand('room.join', () => openJoinDialog());

  useEffect(() => followCatalog(rpc), [rpc]);
  useEffect(() => {
    document.title = 'War Room';
  }, []);

  const body =
    incidents === null ? (
      !error && <p className="muted">Loading…</p>
    ) : view === 'metrics' ? (
      <Suspense fallback={<p className="muted">Loading charts…</p>}>
        <MetricsView incidents={incidents} query={query} update={update} now={now} policy={policy} />
      </Suspense>
    ) : view === 'follow-ups' ? (
      <FollowUpsView incidents={incidents} query={query} update={update} now={now} policy={policy} />
    ) : (
      <CatalogView incidents={incidents} query={query} update={update} now={now} policy={policy} />
    );

  return (
    <div className="home">
      <header className="app-bar">
        <h1 className="brand">War Room</h1>
        <SearchBox />
        <div className="row">
          <button type="button" onClick={() => openJoinDialog()}>
            Join a room
          </button>
          <ImportArchive />
          <button type="button" onClick={() => setSettingsOpen(true)}>
            Settings
          </button>
        </div>
      </header>
      <main className={`home-main home-${view}`}>
        {view === 'catalog' && <CreateIncidentForm />}
        <section className="card home-across" aria-labelledby="home-across-heading">
          <HomeViewTabs view={view} query={query} />
          <h2 id="home-across-heading" className="visually-hidden">
            {view === 'metrics' ? 'Metrics' : view === 'follow-ups' ? 'Action items' : 'Incidents'}
          </h2>
          {error && (
            <p className="field-error" role="alert">
              Could not load the incidents: {error}
            </p>
          )}
          {incidents && view === 'catalog' && <OverdueOnHome incidents={incidents} policy={policy} now={now} />}
          {body}
        </section>
      </main>
      {settingsOpen && <SettingsDialog onClose={() => setSettingsOpen(false)} />}
      {join.open && <JoinRoomDialog key={join.link ?? ''} initialLink={join.link} onClose={closeJoinDialog} />}
    </div>
  );
}
