// Small builders for timeline tests: a real Y.Doc holding a Denver incident.
import fc from 'fast-check';
import * as Y from 'yjs';
import { addEntry, createIncident, editEntry, retractEntry, type CommandContext } from '../../../shared/model/commands';
import { readEntries } from '../../../shared/model/doc';
import { importSnapshot } from '../../../shared/model/importSnapshot';
import { EMPTY_COORDINATION } from '../../../shared/model/coordination';
import { emptySituation } from '../../../shared/model/situation';
import type { Incident, TimelineEntry } from '../../../shared/model/types';

export const START = '2026-11-21T20:00:00.000Z';
const MINUTE_MS = 60_000;

/** A clock that moves one second per reading, so every write has its own recordedAt. */
export function steppingClock(start: string = START, stepMs = 1000): () => string {
  let ms = Date.parse(start);
  return () => {
    const at = new Date(ms).toISOString();
    ms += stepMs;
    return at;
  };
}

export function ctxFor(author: string, clock: () => string = steppingClock()): CommandContext {
  return { author, now: clock };
}

export function openIncidentDoc(ctx: CommandContext = ctxFor('ana')): Y.Doc {
  const doc = new Y.Doc();
  createIncident(doc, ctx, { title: 'Primary database outage', severity: 'SEV2', startedAt: START, timeZone: 'America/Denver' });
  return doc;
}

export function incidentFixture(): Incident {
  return {
    id: 'big',
    title: 'Long outage',
    severity: 'SEV1',
    status: 'investigating',
    createdAt: START,
    detectedAt: START,
    impactStartedAt: START,
    mitigatedAt: null,
    resolvedAt: null,
    timeZone: 'America/Denver',
    summary: '',
    impact: '',
    commander: 'ana',
    services: [],
    tags: [],
    postmortem: { rootCause: '', wentWell: '', wentWrong: '', gotLucky: '' },
  };
}

/** `count` entries one minute apart, ids sortable by index. */
export function generatedEntries(count: number): TimelineEntry[] {
  const base = Date.parse(START);
  return Array.from({ length: count }, (_, i) => {
    const at = new Date(base + i * MINUTE_MS).toISOString();
    return {
      id: `E${String(i).padStart(8, '0')}`,
      occurredAt: at,
      recordedAt: at,
      author: i % 3 === 0 ? 'ana' : 'bo',
      kind: i % 10 === 0 ? 'decision' : 'note',
      text: `step ${i} on the replica`,
      workstream: i % 2 === 0 ? 'turtle' : 'hare',
      key: i % 50 === 0,
      retraction: null,
      history: [],
    };
  });
}

export function bigIncidentDoc(count: number): Y.Doc {
  const doc = new Y.Doc();
  importSnapshot(doc, { incident: incidentFixture(), entries: generatedEntries(count), coordination: EMPTY_COORDINATION, situation: emptySituation() });
  return doc;
}

/** One random write for property tests: add, or edit text/time/key of, or retract, a live entry. */
export function applyRandomOp(doc: Y.Doc, ctx: ReturnType<typeof ctxFor>, { action, minute, pick }: { action: string; minute: number; pick: number }) {
  const at = new Date(Date.parse('2026-11-21T20:00:00.000Z') + minute * 60_000).toISOString();
  const live = readEntries(doc).filter((e) => e.retraction === null);
  const target = live[pick % Math.max(live.length, 1)];
  if (action === 'add' || !target) addEntry(doc, ctx, { occurredAt: at, text: `note ${pick}` });
  else if (action === 'text') editEntry(doc, ctx, target.id, { text: `${target.text}!` });
  else if (action === 'time') editEntry(doc, ctx, target.id, { occurredAt: at });
  else if (action === 'key') editEntry(doc, ctx, target.id, { key: !target.key });
  else retractEntry(doc, ctx, target.id, 'duplicate');
}

/** A random write on one of two replicas, for applyRandomOp. */
export const replicaWrite = fc.record({
  replica: fc.integer({ min: 0, max: 1 }),
  action: fc.constantFrom('add', 'text', 'time', 'retract', 'key'),
  minute: fc.integer({ min: 0, max: 5 }),
  pick: fc.nat(),
});
