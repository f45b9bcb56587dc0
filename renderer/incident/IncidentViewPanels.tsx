// The tab panels. The timeline stays mounted while hidden, so its scroll position, filters
// and 100k-row store survive a trip to another tab; the other views are small and mount
// only while shown.
import type { ReactNode } from 'react';
import type { Incident } from '../../shared/model/types';
import { ActionsView } from '../actions/ActionsView';
import { ChecklistsView } from '../checklists/ChecklistsView';
import { CommsView } from '../comms/CommsView';
import { DecisionsView } from '../decisions/DecisionsView';
import { RolesView } from '../roles/RolesView';
import { panelId, tabId } from './IncidentTabs';
import type { IncidentViewId } from './incidentViews';
import { PostmortemPane } from './PostmortemPane';

function Panel({ view, active, children }: { view: IncidentViewId; active: IncidentViewId; children: ReactNode }) {
  return (
    <div className="incident-panel" role="tabpanel" id={panelId(view)} aria-labelledby={tabId(view)} hidden={view !== active}>
      {children}
    </div>
  );
}

export function IncidentViewPanels({ active, incident, timeline }: { active: IncidentViewId; incident: Incident; timeline: ReactNode }) {
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
      {lazyView('decisions', <DecisionsView />)}
      {lazyView('checklists', <ChecklistsView />)}
      {lazyView('actions', <ActionsView />)}
      {lazyView('comms', <CommsView />)}
      {lazyView('roles', <RolesView />)}
      {lazyView('postmortem', <PostmortemPane incident={incident} />)}
    </div>
  );
}
