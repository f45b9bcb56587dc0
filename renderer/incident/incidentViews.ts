// The incident view's tabs, and how any component asks for one: a window CustomEvent
// ('warroom:open-view', detail = tab id), so a banner or a quick-add hook can switch the
// view without knowing who renders it.
export const INCIDENT_VIEWS = ['timeline', 'chart', 'terminals', 'decisions', 'checklists', 'actions', 'comms', 'roles', 'postmortem'] as const;
export type IncidentViewId = (typeof INCIDENT_VIEWS)[number];

export const DEFAULT_VIEW: IncidentViewId = 'timeline';

export const VIEW_LABELS: Record<IncidentViewId, string> = {
  timeline: 'Timeline',
  chart: 'Chart',
  terminals: 'Terminals',
  decisions: 'Decisions',
  checklists: 'Checklists',
  actions: 'Actions',
  comms: 'Comms',
  roles: 'Roles',
  postmortem: 'Postmortem',
};

export const OPEN_VIEW_EVENT = 'warroom:open-view';

const viewIds: ReadonlySet<string> = new Set(INCIDENT_VIEWS);

export function isIncidentViewId(value: unknown): value is IncidentViewId {
  return typeof value === 'string' && viewIds.has(value);
}

/** Asks the open incident view to show `view`. */
export function openIncidentView(view: IncidentViewId): void {
  window.dispatchEvent(new CustomEvent(OPEN_VIEW_EVENT, { detail: view }));
}

/** Views offered only on a local host connection (hello.local); a shared-room guest never sees them. */
export const LOCAL_ONLY_VIEWS: ReadonlySet<IncidentViewId> = new Set(['terminals']);

/** The tabs to show: every view when local, without the local-only ones otherwise. */
export function visibleViews(local: boolean): readonly IncidentViewId[] {
  return local ? INCIDENT_VIEWS : INCIDENT_VIEWS.filter((view) => !LOCAL_ONLY_VIEWS.has(view));
}

/** The tab a key press moves to in a horizontal tablist (WAI-ARIA tabs pattern), or null for other keys. */
export function tabAfterKey(current: IncidentViewId, key: string, views: readonly IncidentViewId[] = INCIDENT_VIEWS): IncidentViewId | null {
  const index = Math.max(0, views.indexOf(current));
  const last = views.length - 1;
  const next: Record<string, number> = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last };
  const target = next[key];
  return target === undefined ? null : (views[target] ?? null);
}
