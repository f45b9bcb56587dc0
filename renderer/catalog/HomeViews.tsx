// Home's views across incidents, as tabs that are links: the catalog, the metrics and the action
// items. Each link carries the current filters, so switching view keeps the same incidents.
import { HOME_VIEWS, type HomeView } from '../app/route';
import type { CatalogQuery } from '../../shared/catalog/catalogQuery';
import { viewHref } from './catalogUrl';

export const HOME_VIEW_LABELS: Record<HomeView, string> = { catalog: 'Incidents', metrics: 'Metrics', 'follow-ups': 'Action items' };

export function HomeViewTabs({ view, query }: { view: HomeView; query: CatalogQuery }) {
  return (
    <nav className="home-views" aria-label="Views across incidents">
      {HOME_VIEWS.map((v) => (
        <a key={v} href={viewHref(v, query)} aria-current={v === view ? 'page' : undefined} className="home-view-tab">
          {HOME_VIEW_LABELS[v]}
        </a>
      ))}
    </nav>
  );
}
