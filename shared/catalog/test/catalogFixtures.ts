// Hand-made catalog rows with round numbers, so every expected answer can be worked out on paper.
import type { CatalogAction, CatalogIncident } from '../../protocol/catalog';

/** 2026-03-02 (a Monday) 00:00 UTC plus `hours`. */
export function at(hours: number, day = '2026-03-02'): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + hours * 3_600_000).toISOString();
}

export function incident(id: string, patch: Partial<CatalogIncident> = {}): CatalogIncident {
  return {
    id,
    title: `Incident ${id}`,
    severity: 'SEV2',
    status: 'resolved',
    services: [],
    tags: [],
    commander: '',
    timeZone: 'UTC',
    createdAt: at(0),
    impactStartedAt: at(0),
    detectedAt: at(0),
    mitigatedAt: at(1),
    resolvedAt: at(2),
    reconstructed: false,
    actions: [],
    decisions: [],
    ...patch,
  };
}

export function action(id: string, patch: Partial<CatalogAction> = {}): CatalogAction {
  return { id, text: `Follow-up ${id}`, owner: '', priority: 'P2', dueAt: null, status: 'open', reason: null, createdAt: at(0), closedAt: null, ...patch };
}
