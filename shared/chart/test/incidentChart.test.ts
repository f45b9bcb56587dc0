import { describe, expect, it } from 'vitest';
import type { Incident, TimelineEntry } from '../../model/types';
import { sampleSnapshot } from '../../export/test/fixtures';
import { buildIncidentChart, GENERAL_LANE, statusAfter, type IncidentChartModel } from '../incidentChart';
import { markersInView, MAX_SINGLE_MARKERS } from '../markerBuckets';
import { zoneTicks } from '../zoneTicks';
import { chartDescription, markerSummary } from '../chartText';

const T0 = Date.UTC(2026, 9, 31, 4, 0);
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

const INCIDENT: Pick<Incident, 'title' | 'status' | 'createdAt' | 'detectedAt' | 'impactStartedAt' | 'mitigatedAt' | 'resolvedAt'> = {
  title: 'Database lost',
  status: 'resolved',
  createdAt: at(10),
  detectedAt: at(5),
  impactStartedAt: at(0),
  mitigatedAt: at(600),
  resolvedAt: at(900),
};

let seq = 0;
function entry(minutes: number, patch: Partial<TimelineEntry> = {}): TimelineEntry {
  seq++;
  return {
    id: `E${String(seq).padStart(6, '0')}`,
    occurredAt: at(minutes),
    recordedAt: at(minutes),
    author: 'Priya',
    kind: 'note',
    text: `entry ${seq}`,
    workstream: '',
    key: false,
    retraction: null,
    history: [],
    ...patch,
  };
}

function chart(entries: TimelineEntry[], incident = INCIDENT): IncidentChartModel {
  return buildIncidentChart({ incident, entries, now: at(2000) });
}

describe('incident chart model', () => {
  it('gives one lane per workstream, the whole incident first and the others in the order they started', () => {
    const model = chart([
      entry(1, { kind: 'event', key: true }),
      entry(20, { workstream: 'restore-from-cloud' }),
      entry(30, { workstream: 'restore-from-backup' }),
      entry(400, { workstream: 'restore-from-cloud' }),
    ]);
    expect(model.lanes.map((l) => l.id)).toEqual([GENERAL_LANE, 'restore-from-cloud', 'restore-from-backup']);
    const cloud = model.lanes[1];
    expect([cloud?.activeFrom, cloud?.activeTo]).toEqual([Date.parse(at(20)), Date.parse(at(400))]);
  });

  it('makes distinct markers for decisions, key events and status updates, and none for plain notes or retracted rows', () => {
    const retraction = { by: 'Sam', at: at(50), reason: 'wrong incident' };
    const model = chart([
      entry(1, { kind: 'decision', text: 'Restore from backup' }),
      entry(2, { kind: 'event', key: true }),
      entry(3, { kind: 'comms' }),
      entry(4, { kind: 'note' }),
      entry(5, { kind: 'event', key: true, retraction }),
    ]);
    expect(model.series.map((s) => [s.kind, s.at.length]).sort()).toEqual([
      ['decision', 1],
      ['key', 1],
      ['statusUpdate', 1],
    ]);
    expect(model.markerCount).toBe(3);
  });

  it('reads status phases from the status rows in their several wordings, and ends resolved at the resolution', () => {
    const model = chart([
      entry(0, { kind: 'status', text: 'Incident opened: SEV1, investigating' }),
      entry(60, { kind: 'status', text: 'Status changed from investigating to identified.' }),
      entry(100, { kind: 'status', text: 'Severity unchanged (SEV1).' }),
      entry(600, { kind: 'status', text: 'Mitigated (status: identified → monitoring)' }),
    ]);
    expect(model.phases.map((p) => [p.status, new Date(p.from).toISOString()])).toEqual([
      ['investigating', at(0)],
      ['identified', at(60)],
      ['monitoring', at(600)],
      ['resolved', at(900)],
    ]);
    expect(model.phases.at(-1)?.to).toBe(model.range.to);
    expect(model.range.to).toBeGreaterThan(Date.parse(at(900)));
  });

  it('shades the impact window from impact start to mitigation, or to now while unmitigated', () => {
    expect(chart([]).impact).toEqual({ from: Date.parse(at(0)), to: Date.parse(at(600)) });
    const ongoing = chart([], { ...INCIDENT, status: 'identified', mitigatedAt: null, resolvedAt: null });
    expect(ongoing.impact).toEqual({ from: Date.parse(at(0)), to: Date.parse(at(2000)) });
    expect(ongoing.phases.at(-1)).toEqual({ status: 'investigating', from: Date.parse(at(0)), to: Date.parse(at(2000)) });
  });

  it('numbers decisions in time order across lanes', () => {
    const late = entry(300, { kind: 'decision', workstream: 'a' });
    const early = entry(100, { kind: 'decision', workstream: 'b' });
    const model = chart([early, late]);
    expect(model.decisionNumbers.get(early.id)).toBe(1);
    expect(model.decisionNumbers.get(late.id)).toBe(2);
  });

  it('for the sample incident: two recovery lanes, four phases, every kind of marker', () => {
    const { incident, entries } = sampleSnapshot();
    const model = buildIncidentChart({ incident, entries, now: at(0) });
    expect(model.lanes.map((l) => l.id)).toEqual(['', 'restore-from-backup', 'restore-from-cloud']);
    expect(model.phases.map((p) => p.status)).toEqual(['investigating', 'identified', 'monitoring', 'resolved']);
    expect(new Set(model.series.map((s) => s.kind))).toEqual(new Set(['decision', 'key', 'statusUpdate']));
    const text = chartDescription(model, 'America/Denver');
    expect(text).toContain('Customer impact from 2026-10-30 22:09 MDT to 2026-11-01 03:05 MST');
    expect(text).toContain('5 decisions');
  });

  it('names a status only when a status word is there', () => {
    expect(statusAfter('Status changed: monitoring → resolved')).toBe('resolved');
    expect(statusAfter('Severity changed: SEV2 → SEV1')).toBeNull();
  });
});

describe('markers in view', () => {
  let denseModel: IncidentChartModel | null = null;
  const dense = (): IncidentChartModel => {
    if (denseModel) return denseModel;
    const entries: TimelineEntry[] = [];
    for (let i = 0; i < 100_000; i++) entries.push(entry(i * 0.04, { kind: 'event', key: true, workstream: i % 2 ? 'a' : 'b' }));
    denseModel = chart(entries, { ...INCIDENT, resolvedAt: null, status: 'monitoring' });
    return denseModel;
  };

  it('draws every marker while few are in view', () => {
    const model = chart([entry(1, { kind: 'comms' }), entry(2, { kind: 'comms' }), entry(500, { kind: 'decision' })]);
    const markers = markersInView(model, model.range.from, model.range.to);
    expect(markers.map((m) => m.count)).toEqual([1, 1, 1]);
    expect(markersInView(model, Date.parse(at(0)), Date.parse(at(10))).map((m) => m.kind)).toEqual(['statusUpdate', 'statusUpdate']);
  });

  it('counts dense markers into buckets whose counts add up to every marker in view, and splits them when zoomed in', () => {
    const model = dense();
    const all = markersInView(model, model.range.from, model.range.to, 100);
    expect(all.length).toBeLessThanOrEqual(2 * 101);
    expect(all.reduce((sum, m) => sum + m.count, 0)).toBe(100_000);
    expect(all.every((m) => m.from <= m.at && m.at <= m.to)).toBe(true);

    const from = Date.parse(at(1000));
    const zoomed = markersInView(model, from, from + 5 * 60_000, 100);
    expect(zoomed.length).toBeLessThanOrEqual(MAX_SINGLE_MARKERS);
    expect(zoomed.every((m) => m.count === 1)).toBe(true);
    expect(zoomed.every((m) => m.at >= from && m.at <= from + 5 * 60_000)).toBe(true);
  });

  it('says what a bucket holds', () => {
    const model = dense();
    const bucket = markersInView(model, model.range.from, model.range.to, 10)[0];
    expect(bucket && markerSummary(bucket, 'UTC')).toMatch(/^\d+ key events, 2026-10-31 04:00 UTC to 2026-10-31 /);
  });
});

describe('ticks in the display zone', () => {
  it('puts day labels on the midnights of the display zone across a daylight-saving change', () => {
    const from = Date.parse('2026-10-31T04:09:00Z');
    const to = Date.parse('2026-11-03T03:00:00Z');
    const ticks = zoneTicks(from, to, 'America/Denver', 12);
    const days = ticks.filter((t) => t.dayStart);
    expect(days.map((t) => [t.label, new Date(t.at).toISOString()])).toEqual([
      ['Sat 31 Oct', '2026-10-31T06:00:00.000Z'],
      ['Sun 1 Nov', '2026-11-01T06:00:00.000Z'],
      ['Mon 2 Nov', '2026-11-02T07:00:00.000Z'],
    ]);
    expect(ticks.length).toBeLessThanOrEqual(12);
    // Six-hour steps on the wall clock, the same on both sides of the change.
    expect(new Set(ticks.filter((t) => !t.dayStart).map((t) => t.label))).toEqual(new Set(['06:00', '12:00', '18:00']));
  });

  it('steps down to quarter hours when zoomed in, on whole minutes of the zone', () => {
    const from = Date.parse('2026-11-01T10:00:00Z');
    const ticks = zoneTicks(from, from + 2 * 3_600_000, 'Asia/Kolkata', 10);
    expect(ticks.map((t) => t.label).slice(0, 3)).toEqual(['15:30', '15:45', '16:00']);
  });
});
