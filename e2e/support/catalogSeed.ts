// A store with several past incidents for the views across incidents: the sample incident plus
// variants of it (other titles, severities, services, key times and follow-ups), imported with the
// real `warroom import` into a data dir that `warroom serve` then opens.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

type Archive = { incident: Record<string, unknown>; entries: unknown[]; response: Record<string, unknown> };

const sample = (): Archive => JSON.parse(readFileSync(path.resolve('assets/sample-incident.json'), 'utf8')) as Archive;

interface Variant {
  title: string;
  severity: string;
  status: string;
  services: string[];
  tags: string[];
  commander: string;
  impactStartedAt: string;
  detectedAt: string | null;
  mitigatedAt: string | null;
  resolvedAt: string | null;
}

export const SEEDED: Variant[] = [
  { title: 'Checkout 500s after the payments deploy', severity: 'SEV2', status: 'resolved', services: ['checkout API'], tags: ['deploy'], commander: 'Tom Okafor', impactStartedAt: '2026-11-10T10:00:00.000Z', detectedAt: '2026-11-10T10:20:00.000Z', mitigatedAt: '2026-11-10T11:00:00.000Z', resolvedAt: '2026-11-10T12:30:00.000Z' },
  { title: 'Search latency over 5 seconds', severity: 'SEV3', status: 'resolved', services: ['search'], tags: ['capacity'], commander: 'Ana Lima', impactStartedAt: '2026-11-20T08:00:00.000Z', detectedAt: null, mitigatedAt: '2026-11-20T09:00:00.000Z', resolvedAt: '2026-11-20T10:00:00.000Z' },
  { title: 'DNS provider outage', severity: 'SEV1', status: 'resolved', services: ['edge'], tags: ['vendor'], commander: 'Priya Raman', impactStartedAt: '2026-09-15T02:00:00.000Z', detectedAt: '2026-09-15T02:05:00.000Z', mitigatedAt: '2026-09-15T04:00:00.000Z', resolvedAt: '2026-09-15T06:00:00.000Z' },
];

/** A data dir holding the sample incident (with labels) and the variants; returns its path. */
export function seedCatalog(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'warroom-e2e-catalog-'));
  const files = path.join(dir, 'archives');
  execFileSync('mkdir', ['-p', files]);
  const first = sample();
  first.incident.services = ['primary DB', 'checkout API'];
  first.incident.tags = ['data-loss'];
  const archives = [first];
  for (const v of SEEDED) {
    const a = sample();
    a.incident = { ...a.incident, ...v };
    a.entries = [];
    a.response = { ...a.response, decisions: [], checklists: [], actions: [], statusUpdates: [], handoffs: [] };
    archives.push(a);
  }
  archives.forEach((a, i) => {
    const file = path.join(files, `${i}.json`);
    writeFileSync(file, JSON.stringify(a));
    execFileSync(process.execPath, [path.resolve('bin/warroom.mjs'), 'import', file, '--data-dir', path.join(dir, 'data')]);
  });
  return path.join(dir, 'data');
}
