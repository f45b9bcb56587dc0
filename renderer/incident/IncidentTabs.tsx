// The view switcher under the header: a WAI-ARIA tablist with roving focus (arrows, Home,
// End move and activate; Tab leaves the list). Panels are rendered by IncidentView.
import { useRef, type KeyboardEvent } from 'react';
import { INCIDENT_VIEWS, tabAfterKey, VIEW_LABELS, type IncidentViewId } from './incidentViews';

export function tabId(view: IncidentViewId): string {
  return `incident-tab-${view}`;
}

export function panelId(view: IncidentViewId): string {
  return `incident-panel-${view}`;
}

export function IncidentTabs({
  active,
  onSelect,
  views = INCIDENT_VIEWS,
}: {
  active: IncidentViewId;
  onSelect: (view: IncidentViewId) => void;
  /** The tabs to offer (terminals only on a local connection); all by default. */
  views?: readonly IncidentViewId[];
}) {
  const list = useRef<HTMLDivElement>(null);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const next = tabAfterKey(active, event.key, views);
    if (next === null) return;
    event.preventDefault();
    onSelect(next);
    list.current?.querySelector<HTMLButtonElement>(`#${tabId(next)}`)?.focus();
  };

  return (
    <div ref={list} className="incident-tabs" role="tablist" aria-label="Incident views" onKeyDown={onKeyDown}>
      {views.map((view) => (
        <button
          key={view}
          id={tabId(view)}
          type="button"
          role="tab"
          className="incident-tab"
          aria-selected={view === active}
          aria-controls={panelId(view)}
          tabIndex={view === active ? 0 : -1}
          onClick={() => onSelect(view)}
        >
          {VIEW_LABELS[view]}
        </button>
      ))}
    </div>
  );
}
