import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENTRY_KINDS } from '../../model/types';
import type { Incident } from '../../model/types';
import { dayKey, zoneAbbrev } from '../../time/format';
import { ARCHIVE_FORMAT, ARCHIVE_VERSION, ArchiveSchema, exportFileName, parseArchive, toArchive } from '../archive';
import { snapshotArb } from './arbitraries';
import { SAMPLE_ARCHIVE_JSON, hostileSnapshot, sampleSnapshot } from './fixtures';

const EXPORTED_AT = '2026-11-23T08:00:00.000Z';

function validArchive(): Record<string, unknown> {
  return JSON.parse(JSON.stringify(toArchive(hostileSnapshot(), EXPORTED_AT))) as Record<string, unknown>;
}

function expectRejected(archive: unknown, field: string | null, message: RegExp): void {
  const result = parseArchive(typeof archive === 'string' ? archive : JSON.stringify(archive));
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.field).toBe(field);
  expect(result.message).toMatch(message);
}

describe('toArchive / parseArchive', () => {
  it('round-trips every field exactly (property)', () => {
    fc.assert(
      fc.property(snapshotArb, (snapshot) => {
        const archive = toArchive(snapshot, EXPORTED_AT);
        const parsed = parseArchive(JSON.stringify(archive));
        expect(parsed).toEqual({ ok: true, snapshot });
        if (parsed.ok) expect(toArchive(parsed.snapshot, EXPORTED_AT)).toEqual(archive);
      }),
      { numRuns: 100 },
    );
  });

  it('writes the envelope and entries in timeline order, sharing nothing with the snapshot', () => {
    const snapshot = hostileSnapshot();
    const reversed = { ...snapshot, entries: [...snapshot.entries].reverse() };
    const archive = toArchive(reversed, EXPORTED_AT);
    expect(archive.format).toBe(ARCHIVE_FORMAT);
    expect(archive.version).toBe(ARCHIVE_VERSION);
    expect(archive.exportedAt).toBe(EXPORTED_AT);
    expect(archive.entries.map((e) => e.id)).toEqual(snapshot.entries.map((e) => e.id));
    expect(archive.entries[1]?.retraction).not.toBe(snapshot.entries[1]?.retraction);
    expect(ArchiveSchema.safeParse(archive).success).toBe(true);
  });

  it('returns entries sorted even when the file lists them out of order', () => {
    const archive = validArchive();
    (archive.entries as unknown[]).reverse();
    const parsed = parseArchive(JSON.stringify(archive));
    expect(parsed.ok && parsed.snapshot.entries.map((e) => e.id)).toEqual(hostileSnapshot().entries.map((e) => e.id));
  });
});

describe('parseArchive rejects a malformed archive, naming the field', () => {
  it('invalid JSON, with the position', () => {
    expectRejected('{"format": "war-room-incident",,}', null, /^Invalid JSON: .*position \d+/);
    expectRejected('{"format": ', null, /^Invalid JSON: .*position 11/);
  });

  it('a foreign format or another version', () => {
    expectRejected({ ...validArchive(), format: 'something-else' }, 'format', /format must be "war-room-incident"/);
    expectRejected({ ...validArchive(), version: 4 }, 'version', /version 4.*reads versions 1, 2 and 3/);
    expectRejected([1, 2], null, /expected a JSON object/);
  });

  it('a bad instant deep in the entries', () => {
    const archive = validArchive();
    (archive.entries as Array<Record<string, unknown>>)[3]!.occurredAt = 'yesterday';
    expectRejected(archive, 'entries[3].occurredAt', /^entries\[3\]\.occurredAt: Invalid ISO datetime$/);
  });

  it('an instant with an offset or an impossible date', () => {
    const archive = validArchive();
    (archive.incident as Record<string, unknown>).detectedAt = '2026-11-21T23:06:00+01:00';
    expectRejected(archive, 'incident.detectedAt', /Invalid ISO datetime/);
    (archive.incident as Record<string, unknown>).detectedAt = '2026-02-30T23:06:00.000Z';
    expectRejected(archive, 'incident.detectedAt', /Invalid ISO datetime/);
  });

  it('duplicate entry ids', () => {
    const archive = validArchive();
    const entries = archive.entries as Array<Record<string, unknown>>;
    entries[5]!.id = entries[2]!.id;
    expectRejected(archive, 'entries[5].id', /Duplicate entry id/);
  });

  it('an unknown IANA zone', () => {
    const archive = validArchive();
    (archive.incident as Record<string, unknown>).timeZone = 'Mars/Olympus_Mons';
    expectRejected(archive, 'incident.timeZone', /IANA time zone/);
  });

  it('unknown fields, wrong kinds and missing fields', () => {
    expectRejected({ ...validArchive(), extra: 1 }, null, /extra/);
    const archive = validArchive();
    (archive.entries as Array<Record<string, unknown>>)[0]!.kind = 'gossip';
    expectRejected(archive, 'entries[0].kind', /entries\[0\]\.kind: /);
    const missing = validArchive();
    delete (missing.incident as Record<string, unknown>).postmortem;
    expectRejected(missing, 'incident.postmortem', /incident\.postmortem: /);
    const history = validArchive();
    (history.entries as Array<Record<string, unknown>>)[0]!.history = [{ by: 'a', at: EXPORTED_AT, field: 'title', previous: 'x' }];
    expectRejected(history, 'entries[0].history[0].field', /history\[0\]\.field/);
  });

  it('accepts a valid archive with a non-canonical instant and stores it canonically', () => {
    const archive = validArchive();
    (archive.incident as Record<string, unknown>).createdAt = '2026-11-21T22:00:00Z';
    const parsed = parseArchive(JSON.stringify(archive));
    expect(parsed.ok && parsed.snapshot.incident.createdAt).toBe('2026-11-21T22:00:00.000Z');
  });
});

describe('exportFileName', () => {
  const incident = (patch: Partial<Incident>): Incident => ({ ...hostileSnapshot().incident, ...patch });

  it('dates the file in the incident zone and slugs the title', () => {
    const db = incident({ title: 'DB outage', impactStartedAt: '2026-11-22T05:30:00.000Z', timeZone: 'America/Denver' });
    expect(exportFileName(db, 'md')).toBe('2026-11-21-db-outage-postmortem.md');
    expect(exportFileName(db, 'json')).toBe('2026-11-21-db-outage-incident.json');
  });

  it('keeps names file-system safe and short', () => {
    const name = exportFileName(incident({ title: `Café / ../../etc: ${'x'.repeat(200)}` }), 'md');
    expect(name).toMatch(/^\d{4}-\d{2}-\d{2}-cafe-etc-x+-postmortem\.md$/);
    expect(name.length).toBeLessThan(100);
    expect(exportFileName(incident({ title: '🔥🔥' }), 'json')).toMatch(/-incident-incident\.json$/);
  });
});

describe('assets/sample-incident.json', () => {
  const sample = sampleSnapshot();
  const zone = sample.incident.timeZone;

  it('is a valid archive of a resolved incident with every section written', () => {
    expect(parseArchive(SAMPLE_ARCHIVE_JSON).ok).toBe(true);
    const { incident } = sample;
    expect(incident.status).toBe('resolved');
    for (const text of [incident.summary, incident.impact, ...Object.values(incident.postmortem)]) expect(text.trim()).not.toBe('');
  });

  it('spans three or more calendar days across a DST change, in two workstreams, with every kind', () => {
    const entries = sample.entries;
    expect(entries.length).toBeGreaterThanOrEqual(60);
    expect(new Set(entries.map((e) => dayKey(e.occurredAt, zone))).size).toBeGreaterThanOrEqual(3);
    expect(new Set(entries.map((e) => zoneAbbrev(e.occurredAt, zone))).size).toBeGreaterThanOrEqual(2);
    expect(new Set(entries.map((e) => e.workstream).filter(Boolean)).size).toBeGreaterThanOrEqual(2);
    expect(new Set(entries.map((e) => e.kind))).toEqual(new Set(ENTRY_KINDS));
    expect(entries.filter((e) => e.key).length).toBeGreaterThanOrEqual(5);
    expect(entries.some((e) => e.retraction)).toBe(true);
    expect(entries.some((e) => e.history.length > 0)).toBe(true);
    // Excerpts pinned from a terminal are fenced; commands imported from a shell history are one code span each.
    expect(entries.filter((e) => e.kind === 'terminal' && !e.provenance).every((e) => e.text.includes('```'))).toBe(true);
    expect(entries.filter((e) => e.provenance).length).toBeGreaterThanOrEqual(10);
  });
});
