// Builds realistic synthetic incidents of any size for the benchmarks:
// three calendar days across a DST change, two workstreams, every entry kind.
import { DateTime } from 'luxon';
import { ENTRY_KINDS, type IncidentSnapshot, type TimelineEntry } from '../shared/model/types';
import { toArchive } from '../shared/export/archive';
import { newId } from '../shared/model/ids';
import { EMPTY_COORDINATION } from '../shared/model/coordination';
import { emptySituation } from '../shared/model/situation';

const START = DateTime.fromISO('2026-10-31T20:00:00', { zone: 'America/Denver' }); // DST ends 2026-11-01
const SPAN_HOURS = 71;
const AUTHORS = ['Priya Raman', 'Sam Okafor', 'Lena Fischer', 'Diego Alvarez'];
const WORKSTREAMS = ['restore-from-backup', 'restore-from-cloud', ''];
const TEXTS = [
  'Replication lag on db-2 at 43 minutes and climbing',
  'Started **rsync** of `/var/lib/mysql` to the standby — watching for deletes',
  'Customer status page updated: investigating elevated error rates',
  'Decided to wait for the slow restore rather than the fast one | see rationale',
  'Binary logs applied up to position 918,223,114',
  'Paging the storage on-call; the 1 Gbps link is saturated',
];

export function makeSnapshot(entryCount: number): IncidentSnapshot {
  const startMs = START.toMillis();
  const stepMs = (SPAN_HOURS * 3_600_000) / Math.max(entryCount, 1);
  const entries: TimelineEntry[] = [];
  for (let i = 0; i < entryCount; i++) {
    const occurred = Math.round(startMs + i * stepMs);
    const iso = new Date(occurred).toISOString();
    entries.push({
      id: newId(occurred),
      occurredAt: iso,
      recordedAt: iso,
      author: AUTHORS[i % AUTHORS.length]!,
      kind: ENTRY_KINDS[i % ENTRY_KINDS.length]!,
      text: `${TEXTS[i % TEXTS.length]} (#${i})`,
      workstream: WORKSTREAMS[i % WORKSTREAMS.length]!,
      key: i % 97 === 0,
      retraction: null,
      history: [],
    });
  }
  const startIso = new Date(startMs).toISOString();
  return {
    incident: {
      id: newId(startMs),
      title: `Primary database outage (${entryCount} entries)`,
      severity: 'SEV1',
      status: 'monitoring',
      createdAt: startIso,
      detectedAt: startIso,
      impactStartedAt: startIso,
      mitigatedAt: null,
      resolvedAt: null,
      timeZone: 'America/Denver',
      summary: 'Synthetic benchmark incident.',
      impact: 'None; generated for benchmarks.',
      commander: AUTHORS[0]!,
      services: [],
      tags: [],
      postmortem: { rootCause: '', wentWell: '', wentWrong: '', gotLucky: '' },
    },
    entries,
    coordination: EMPTY_COORDINATION,
    situation: emptySituation(),
  };
}

export function makeArchiveJson(entryCount: number): string {
  return JSON.stringify(toArchive(makeSnapshot(entryCount)));
}
