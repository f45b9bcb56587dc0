// The tab panels. The timeline stays mounted while hidden, so its scroll position, filters
// and 100k-row store survive a trip to another tab. The terminals stay mounted once opened
// (or as soon as the host has shells to re-attach), so shells and scrollback survive too;
// the other views are small and mount only while shown.
// Every view but the timeline is its own chunk, loaded the first time it is shown, so the first
// paint of the timeline waits only for the timeline's code.
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { Incident } from '../../shared/model/types';
import type { TerminalWorkspace } from '../terminals/terminalWorkspace';
import { panelId, tabId } from './IncidentTabs';
import type { IncidentViewId } from './incidentViews';

const ActionsView = lazy(() => import('../actions/ActionsView').then((m) => ({ default: m.ActionsView })));
const ChecklistsView = lazy(() => import('../checklists/ChecklistsView').then((m) => ({ default: m.ChecklistsView })));
const CommsView = lazy(() => import('../comms/CommsView').then((m) => ({ default: m.CommsView })));
const DecisionsView = lazy(() => import('../decisions/DecisionsView').then((m) => ({ default: m.DecisionsView })));
const RolesView = lazy(() => import('../roles/RolesView').then((m) => ({ default: m.RolesView })));
const TerminalsPanel = lazy(() => import('../terminals/TerminalsPanel').then((m) => ({ default: m.TerminalsPanel })));
const IncidentChartView = lazy(() => import('../chart/IncidentChartView').then((m) => ({ default: m.IncidentChartView })));
const PostmortemPane = lazy(() => import('./PostmortemPane').then((m) => ({ default: m.PostmortemPane })));

function Loading() {
  return (
    <p className="muted" role="status">
      Loading…
    </p>
  );
}

function Panel({ view, active, children }: { view: IncidentViewId; active: IncidentViewId; children: ReactNode }) {
  return (
    <div className="incident-panel" role="tabpanel" id={panelId(view)} aria-labelledby={tabId(view)} hidden={view !== active}>
      <Suspense fallback={<Loading />}>{children}</Suspense>
    </div>
  );
}

export function IncidentViewPanels({
  active,
  incident,
  timeline,
  terminals,
}: {
  active: IncidentViewId;
  incident: Incident;
  timeline: ReactNode;
  /** Null when the connection is not local: no terminals at all. */
  terminals: TerminalWorkspace | null;
}) {
  const lazyView = (view: IncidentViewId, node: ReactNode) =>
    active === view ? (
      <Panel view={view} active={active}>
        {node}
      </Panel>
    ) : null;
  return (
    <div className="incident-body">
      <Panel view="timeline" active={active}>
        <main className="timeline-area" aria-label="Timeline area">
          {timeline}
        </main>
      </Panel>
      {terminals && <TerminalsPanelOnceOpened workspace={terminals} active={active} />}
      {lazyView('chart', <IncidentChartView />)}
      {lazyView('decisions', <DecisionsView />)}
      {lazyView('checklists', <ChecklistsView />)}
      {lazyView('actions', <ActionsView />)}
      {lazyView('comms', <CommsView />)}
      {lazyView('roles', <RolesView />)}
      {lazyView('postmortem', <PostmortemPane incident={incident} />)}
    </div>
  );
}

function TerminalsPanelOnceOpened({ workspace, active }: { workspace: TerminalWorkspace; active: IncidentViewId }) {
  const [opened, setOpened] = useState(false);
  const hasTabs = useStore(workspace.store, (s) => s.tabs.length > 0);
  if (!opened && (active === 'terminals' || hasTabs)) setOpened(true);
  if (!opened && active !== 'terminals' && !hasTabs) return null;
  return (
    <Panel view="terminals" active={active}>
      <TerminalsPanel workspace={workspace} shown={active === 'terminals'} />
    </Panel>
  );
}
