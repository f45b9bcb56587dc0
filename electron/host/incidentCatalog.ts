// The catalog rows of every incident in the store (declared here, imported, joined replicas), derived
// from the stored documents. A row is kept in memory with the document version it was read at and read
// again only when the document has moved on, so listing the catalog loads only what changed since.
// Nothing here is stored: a restart rebuilds the same rows from the documents.
import { catalogFromDoc } from '../../shared/catalog/catalogFromDoc';
import { incidentStart } from '../../shared/model/incidentStart';
import type { CatalogIncident } from '../../shared/protocol/catalog';
import { incidentIdFromDocName } from '../../shared/protocol/api';
import type { IncidentStore } from './store';

interface CachedRow {
  version: number;
  row: CatalogIncident | null;
}

export class IncidentCatalog {
  private readonly rows = new Map<string, CachedRow>();

  constructor(private readonly store: IncidentStore) {}

  /** Every incident's row, newest impact first. */
  list(): CatalogIncident[] {
    const versions = this.store.docVersions();
    for (const name of this.rows.keys()) if (!versions.has(name)) this.rows.delete(name);
    const out: CatalogIncident[] = [];
    for (const [name, version] of versions) {
      if (incidentIdFromDocName(name) === null) continue;
      let cached = this.rows.get(name);
      if (cached?.version !== version) {
        cached = { version, row: this.read(name) };
        this.rows.set(name, cached);
      }
      if (cached.row) out.push(cached.row);
    }
    return out.sort((a, b) => incidentStart(b).localeCompare(incidentStart(a)) || a.id.localeCompare(b.id));
  }

  private read(name: string): CatalogIncident | null {
    const doc = this.store.loadDoc(name);
    try {
      return doc ? catalogFromDoc(doc) : null;
    } finally {
      doc?.destroy();
    }
  }
}
