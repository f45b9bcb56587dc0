// One open incident: header on top, the revisit banner, a tab per view (timeline by
// default, terminals on a local connection, decisions, checklists, actions, comms, roles, postmortem), and the two draft
// dialogs mounted once. The doc is shown only once synced with the host.
// OpenIncident is shared with room mode (renderer/app/RoomApp.tsx): there is no local host
// (no RPC: no export, settings, recent list or terminals), and the host decides canWrite.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { useIncidentConnection } from '../client/incidentConnection';
import type { FirstScreen } from '../../shared/model/firstScreen';
import { seedFirstScreen } from '../timeline/firstScreenSeed';
import { requestFirstScreen, useFirstScreen } from './useFirstScreen';
import { useIncidentStore } from '../state/useIncidentStore';
import { replicasAvailable } from '../client/incidentReplica';
import { routeHash } from '../app/route';
import { IncidentContextReact, useHost, useIncidentContext, useLocalHost, type IncidentContext } from '../app/session';
import { updateSettings, useSettings, withRecentIncident } from '../app/settingsStore';
import { useQuickAddShortcut } from '../app/shortcuts';
import { desktopBridge } from '../client/desktop';
import { DesktopAttentionReport } from './DesktopAttentionReport';
import { useIncidentCommands } from './useIncidentCommands';
import { TimelinePanel, focusQuickAdd } from '../timeline/TimelinePanel';
import { useIncidentMeta } from '../timeline/incidentMetaStore';
import { SettingsDialog } from './SettingsDialog';
import { IncidentHeader } from './IncidentHeader';
import { exportAndSave } from './exportIncident';
import { IncidentViewPanels } from './IncidentViewPanels';
import { IncidentTabs } from './IncidentTabs';
import { DEFAULT_VIEW, isIncidentViewId, OPEN_VIEW_EVENT, visibleViews, type IncidentViewId } from './incidentViews';
import { useHostIsLocal, useTerminalWorkspace } from '../terminals/useTerminalWorkspace';
import { RevisitBanner } from '../decisions/RevisitBanner';
import { NowPanel } from '../now/NowPanel';
import { PresenceStrip } from '../presence/PresenceStrip';
import { DecisionDraftDialog } from '../decisions/DecisionDraftDialog';
import { ActionDraftDialog } from '../actions/ActionDraftDialog';
import { canWriteJoined } from '../replica/roomStatusLabel';
import { useJoinedRoom } from '../replica/roomStatusStore';
import { PresenceContextReact, usePresenceField, useStampUser, type PresenceSession } from '../presence/presenceContext';
import { useLinkedView } from '../search/linkedEntry';
import './incident.css';

/** Long enough to read "Downloaded …" after glancing back from another window. */
const EXPORT_MESSAGE_MS = 8_000;

export function IncidentView({ incidentId }: { incidentId: string }) {
  const host = useHost();
  const opening = useMemo(() => requestFirstScreen(host.rpc, incidentId), [host.rpc, incidentId]);
  const connection = useIncidentConnection(host.endpoint, incidentId, replicasAvailable() ? opening.replica : undefined);
  const firstScreen = useFirstScreen(opening, incidentId);
  const firstScreenShown = connection.phase === 'syncing' && firstScreen !== null;
  useEffect(() => {
    if (firstScreenShown) opening.shown();
  }, [firstScreenShown, opening]);
  const author = useSettings((s) => s.settings?.displayName ?? '');

  useRememberRecent(incidentId);

  if (connection.phase === 'failed') {
    return (
      <main className="screen-message" role="alert">
        <h1>Cannot open this incident</h1>
        <p>{connection.error}</p>
        <a href={routeHash({ screen: 'home' })}>Back to all incidents</a>
      </main>
    );
  }
  // While the full document syncs, its first screen (when the host has one) stands in for it.
  if (connection.phase === 'loading' || (connection.phase === 'syncing' && !firstScreen)) {
    return (
      <main className="screen-message" aria-busy="true">
        <p className="muted">Opening incident…</p>
      </main>
    );
  }
  return (
    <LocalIncident
      doc={connection.doc}
      awareness={connection.awareness}
      incidentId={incidentId}
      author={author}
      firstScreen={connection.phase === 'syncing' ? firstScreen : null}
    />
  );
}

/**
 * The local UI is its host's owner: read-write, and a responder in the room's presence, except in
 * a room this host joined as an observer (renderer/replica): read-only, as the host enforces too.
 */
function LocalIncident({
  doc,
  awareness,
  incidentId,
  author: displayName,
  firstScreen,
}: {
  doc: Y.Doc;
  awareness: PresenceSession['awareness'] | null;
  incidentId: string;
  author: string;
  firstScreen: FirstScreen | null;
}) {
  const joined = useJoinedRoom(incidentId);
  const canWrite = canWriteJoined(joined);
  // A room whose token was issued to a person stores writes only under that person's name.
  const author = joined?.grantedName ?? displayName;
  const roomRole = canWrite ? 'responder' : 'observer';
  const presence = useMemo<PresenceSession | null>(
    () => (awareness && author ? { awareness, user: { name: author, roomRole } } : null),
    [awareness, author, roomRole],
  );
  return <OpenIncident doc={doc} incidentId={incidentId} author={author} canWrite={canWrite} presence={presence} firstScreen={firstScreen} />;
}

function useRememberRecent(incidentId: string) {
  const { rpc } = useHost();
  useEffect(() => {
    const recent = useSettings.getState().settings?.recentIncidents ?? [];
    if (recent[0] === incidentId) return;
    updateSettings(rpc, { recentIncidents: withRecentIncident(recent, incidentId) }).catch(() => {
      // Losing the recent list is harmless; the incident stays listed on Home.
    });
  }, [rpc, incidentId]);
}

export interface OpenIncidentProps {
  doc: Y.Doc;
  incidentId: string;
  author: string;
  canWrite: boolean;
  /** This page's presence; null until its name is known. */
  presence: PresenceSession | null;
  /** Shown until the full document has synced (shared/model/firstScreen.ts); null once it has, or without one. */
  firstScreen?: FirstScreen | null;
}

export function OpenIncident({ doc, incidentId, author, canWrite, presence, firstScreen = null }: OpenIncidentProps) {
  // The incident's store lives as long as this view: created here, disposed when it closes.
  useIncidentStore(doc);
  // Seeded during render, before any view reads the stores; once per document.
  if (firstScreen) seedFirstScreen(doc, firstScreen);
  const context = useMemo<IncidentContext>(
    () => ({ doc, incidentId, author, canWrite, syncingEntryCount: firstScreen?.entryCount ?? null }),
    [doc, incidentId, author, canWrite, firstScreen],
  );
  useStampUser(presence);
  return (
    <IncidentContextReact.Provider value={context}>
      <PresenceContextReact.Provider value={presence}>
        <IncidentLayout />
      </PresenceContextReact.Provider>
    </IncidentContextReact.Provider>
  );
}

function IncidentLayout() {
  const host = useLocalHost();
  const { incidentId } = useIncidentContext();
  const incident = useIncidentMeta();
  const [view, setView] = useState<IncidentViewId>(DEFAULT_VIEW);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [exportMessage, setExportMessage] = useState<string | null>(null);
  const quickAdd = useCallback(() => {
    // The quick-add bar lives on the timeline; bring it forward first, focus once it is shown.
    setView('timeline');
    requestAnimationFrame(() => focusQuickAdd());
  }, []);
  useQuickAddShortcut(quickAdd);
  const exportAs = async (rpc: NonNullable<typeof host>['rpc'], format: 'md' | 'json') => {
    setExportMessage('Exporting…');
    try {
      // The archive carries everything; the postmortem the incident's own view of it.
      setExportMessage(await exportAndSave(rpc, { incidentId, format, all: format === 'json' }));
    } catch (error) {
      setExportMessage((error as Error).message);
    }
  };
  useIncidentCommands({ quickAdd, exportAs: host ? (format) => void exportAs(host.rpc, format) : null });
  const bridge = desktopBridge();
  useOpenViewEvent(setView);
  // A search hit without an entry links to the view holding it ("?view=postmortem").
  useLinkedView(setView);
  usePresenceField('view', view);
  const local = useHostIsLocal();
  const terminals = useTerminalWorkspace(incidentId, local);

  useEffect(() => {
    if (!exportMessage || exportMessage === 'Exporting…') return;
    const timer = setTimeout(() => setExportMessage(null), EXPORT_MESSAGE_MS);
    return () => clearTimeout(timer);
  }, [exportMessage]);

  useEffect(() => {
    document.title = incident ? `${incident.severity} ${incident.title} — War Room` : 'War Room';
  }, [incident]);

  if (!incident) {
    return (
      <main className="screen-message" role="alert">
        <h1>No incident with id {incidentId}</h1>
        <p>It may have been created on another machine and not imported here.</p>
        <a href={routeHash({ screen: 'home' })}>Back to all incidents</a>
      </main>
    );
  }

  return (
    <div className="incident-view">
      <IncidentHeader
        incident={incident}
        exportMessage={exportMessage}
        onOpenSettings={host ? () => setSettingsOpen(true) : undefined}
        room={!host}
      />
      <RevisitBanner />
      {/* Who is here sits in the tab row's free space, so the header keeps to one row. */}
      <div className="incident-tabs-row">
        <IncidentTabs active={view} onSelect={setView} views={visibleViews(local)} />
        <PresenceStrip incidentCommander={incident.commander} />
      </div>
      <IncidentViewPanels active={view} incident={incident} timeline={
          <div className="timeline-with-now">
            <TimelinePanel />
            <NowPanel incident={incident} />
          </div>
        } terminals={terminals} />
      <DecisionDraftDialog />
      <ActionDraftDialog />
      {bridge && host && <DesktopAttentionReport bridge={bridge} />}
      {settingsOpen && <SettingsDialog onClose={() => setSettingsOpen(false)} />}
    </div>
  );
}

/** Switches the view when any component dispatches 'warroom:open-view' with a tab id. */
function useOpenViewEvent(setView: (view: IncidentViewId) => void) {
  useEffect(() => {
    const onOpen = (event: Event) => {
      const detail = (event as CustomEvent<unknown>).detail;
      if (isIncidentViewId(detail)) setView(detail);
    };
    window.addEventListener(OPEN_VIEW_EVENT, onOpen);
    return () => window.removeEventListener(OPEN_VIEW_EVENT, onOpen);
  }, [setView]);
}
