// fast-check generators of whole incident snapshots (used by the archive and import tests).
import fc from 'fast-check';
import { compareEntries } from '../../model/order';
import { SITUATION_FIELDS, type Situation } from '../../model/situation';
import { ENTRY_KINDS, SEVERITIES, STATUSES } from '../../model/types';
import type { EntryEdit, Incident, IncidentSnapshot, Instant, TimelineEntry } from '../../model/types';
import { coordinationArb } from './coordinationArbitraries';

const FIRST_MS = Date.UTC(2020, 0, 1);
const LAST_MS = Date.UTC(2030, 0, 1);
const ZONES = ['UTC', 'America/Denver', 'Australia/Sydney', 'Asia/Kolkata', 'Europe/London', 'Pacific/Chatham'];

export const instantArb: fc.Arbitrary<Instant> = fc.integer({ min: FIRST_MS, max: LAST_MS }).map((ms) => new Date(ms).toISOString());
const textArb = fc.string({ maxLength: 40 });

const editArb: fc.Arbitrary<EntryEdit> = fc.oneof(
  fc.record({ by: textArb, at: instantArb, field: fc.constantFrom('text' as const, 'workstream' as const, 'kind' as const), previous: textArb }),
  fc.record({ by: textArb, at: instantArb, field: fc.constant('occurredAt' as const), previous: instantArb }),
  fc.record({ by: textArb, at: instantArb, field: fc.constant('key' as const), previous: fc.boolean() }),
);

const entryArb = (id: string): fc.Arbitrary<TimelineEntry> =>
  fc.record({
    id: fc.constant(id),
    occurredAt: instantArb,
    recordedAt: instantArb,
    author: textArb,
    kind: fc.constantFrom(...ENTRY_KINDS),
    text: fc.string({ maxLength: 200 }),
    workstream: textArb,
    key: fc.boolean(),
    retraction: fc.option(fc.record({ by: textArb, at: instantArb, reason: textArb }), { nil: null }),
    history: fc.array(editArb, { maxLength: 3 }),
  });

const incidentArb: fc.Arbitrary<Incident> = fc.record({
  id: fc.string({ minLength: 1, maxLength: 26 }),
  title: textArb,
  severity: fc.constantFrom(...SEVERITIES),
  status: fc.constantFrom(...STATUSES),
  createdAt: instantArb,
  detectedAt: fc.option(instantArb, { nil: null }),
  impactStartedAt: fc.option(instantArb, { nil: null }),
  mitigatedAt: fc.option(instantArb, { nil: null }),
  resolvedAt: fc.option(instantArb, { nil: null }),
  timeZone: fc.constantFrom(...ZONES),
  summary: fc.string({ maxLength: 200 }),
  impact: fc.string({ maxLength: 200 }),
  commander: textArb,
  // Labels as the reader gives them back: trimmed, no blanks, no repeats.
  services: fc.constantFrom([], ['api'], ['primary DB', 'api']),
  tags: fc.constantFrom([], ['capacity'], ['vendor', 'data-loss']),
  postmortem: fc.record({ rootCause: textArb, wentWell: textArb, wentWrong: textArb, gotLucky: textArb }),
});

/** A lead (or none), hypotheses ruled out and changes to the summary, impact and hypothesis, in list order as the reader gives them. */
export const situationArb: fc.Arbitrary<Situation> = fc.record({
  hypothesis: fc.oneof(fc.constant(''), textArb),
  ruledOut: fc.array(fc.record({ text: textArb, reason: textArb, by: textArb, at: instantArb }), { maxLength: 3 }),
  edits: fc.array(fc.record({ field: fc.constantFrom(...SITUATION_FIELDS), previous: textArb, value: textArb, by: textArb, at: instantArb }), { maxLength: 4 }),
});

/** A snapshot with unique entry ids, entries in timeline order and coordination in reader order (as readers produce them). */
export const snapshotArb: fc.Arbitrary<IncidentSnapshot> = fc
  .uniqueArray(fc.string({ minLength: 1, maxLength: 26 }), { maxLength: 12 })
  .chain((ids) => fc.record({ incident: incidentArb, entries: fc.tuple(...ids.map(entryArb)), coordination: coordinationArb, situation: situationArb }))
  .map(({ incident, entries, coordination, situation }) => ({ incident, entries: [...entries].sort(compareEntries), coordination, situation }));
