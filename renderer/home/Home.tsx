// Home: declare an incident, reopen one, join someone else's room, or import an archive.
import { useEffect, useState } from 'react';
import { useHost } from '../app/session';
import { useSettings } from '../app/settingsStore';
import { SettingsDialog } from '../incident/SettingsDialog';
import { useAppCommand } from '../app/appCommands';
import { JoinRoomDialog } from '../replica/JoinRoomDialog';
import { closeJoinDialog, openJoinDialog, useJoinRequest } from '../replica/joinRequest';
import { CreateIncidentForm } from './CreateIncidentForm';
import { ImportArchive } from './ImportArchive';
import { IncidentTable } from './IncidentTable';
import { followIncidents, useIncidents } from './incidentsStore';
import { SearchBox } from '../search/SearchBox';
import './home.css';

export function Home() {
  const { rpc } = useHost();
  const { incidents, error } = useIncidents();
  const recent = useSettings((s) => s.settings?.recentIncidents ?? []);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const join = useJoinRequest();
  useAppCommand('room.join', () => openJoinDialog());

  useEffect(() => followIncidents(rpc), [rpc]);
  useEffect(() => {
    document.title = 'War Room';
  }, []);

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
      <main className="home-main">
        <CreateIncidentForm />
        <section className="card incident-list" aria-labelledby="incident-list-heading">
          <h2 id="incident-list-heading">Incidents</h2>
          {error && (
            <p className="field-error" role="alert">
              Could not load the incident list: {error}
            </p>
          )}
          {incidents === null ? !error && <p className="muted">Loading…</p> : <IncidentTable incidents={incidents} recentIds={recent} />}
        </section>
      </main>
      {settingsOpen && <SettingsDialog onClose={() => setSettingsOpen(false)} />}
      {join.open && <JoinRoomDialog key={join.link ?? ''} initialLink={join.link} onClose={closeJoinDialog} />}
    </div>
  );
}
