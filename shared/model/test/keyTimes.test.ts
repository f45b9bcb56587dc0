import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createIncident } from '../commands';
import { readEntries, readIncident } from '../doc';
import { isLive, recordKeyTime } from '../keyTimes';
import { nextUpdateDue } from '../cadenceRecords';
import { DEFAULT_CADENCE } from '../cadenceRecords';
import { commandError, contextFor, openIncident } from './fixtures';

// A public postmortem's outage, recorded years later: impact 2008-05-14 00:09 MST, resolved 71 h 15 min on.
const PAST = {
  title: 'Database restore',
  severity: 'SEV1' as const,
  startedAt: '2008-05-14T07:09:00.000Z',
  timeZone: 'America/Phoenix',
  reconstructed: true,
  detectedAt: '2008-05-14T09:40:00.000Z',
  resolvedAt: '2008-05-17T06:24:00.000Z',
};

describe('declaring a past incident', () => {
  it('keeps each key time apart, writes a row for each, and is not live', () => {
    const doc = new Y.Doc();
    createIncident(doc, contextFor('ana'), PAST);
    const incident = readIncident(doc);
    expect(incident).toMatchObject({
      status: 'resolved',
      impactStartedAt: '2008-05-14T07:09:00.000Z',
      detectedAt: '2008-05-14T09:40:00.000Z',
      mitigatedAt: '2008-05-17T06:24:00.000Z',
      resolvedAt: '2008-05-17T06:24:00.000Z',
      reconstructed: true,
    });
    expect(readEntries(doc).map((e) => [e.occurredAt, e.text])).toEqual([
      ['2008-05-14T07:09:00.000Z', 'Impact started: SEV1'],
      ['2008-05-14T09:40:00.000Z', 'Detected'],
      ['2008-05-17T06:24:00.000Z', 'Resolved'],
    ]);
    expect(incident && isLive(incident)).toBe(false);
    expect(incident && nextUpdateDue({ incident, cadence: DEFAULT_CADENCE, updates: [] })).toBeNull();
  });

  it('leaves detection unset when it is not known, and never at the backdated start', () => {
    const doc = new Y.Doc();
    const { detectedAt: _detected, resolvedAt: _resolved, ...open } = PAST;
    createIncident(doc, contextFor('ana'), open);
    const incident = readIncident(doc);
    expect(incident).toMatchObject({ detectedAt: null, status: 'investigating', reconstructed: true });
    expect(incident && isLive(incident)).toBe(false);
    expect(readEntries(doc).some((e) => e.text.startsWith('Incident opened'))).toBe(false);
  });

  it('refuses key times out of order, naming the field', () => {
    const doc = new Y.Doc();
    const error = commandError(() => createIncident(doc, contextFor('ana'), { ...PAST, resolvedAt: '2008-05-13T00:00:00.000Z' }));
    expect(error).toMatchObject({ code: 'invalid', field: 'resolvedAt' });
    expect(readIncident(doc)).toBeNull();
  });
});

describe('recordKeyTime', () => {
  it('backdates mitigation, moves the status on, and writes a timeline row at that time', () => {
    const { doc, ctx } = openIncident();
    recordKeyTime(doc, ctx, 'mitigated', '2026-11-21T23:30:00.000Z');
    expect(readIncident(doc)).toMatchObject({ mitigatedAt: '2026-11-21T23:30:00.000Z', status: 'monitoring' });
    const row = readEntries(doc).find((e) => e.text.startsWith('Mitigated'));
    expect(row).toMatchObject({ occurredAt: '2026-11-21T23:30:00.000Z', kind: 'status', key: true, text: 'Mitigated (status: investigating → monitoring)' });
  });

  it('resolves, stops the live clock, and marks mitigation if none was set', () => {
    const { doc, ctx } = openIncident();
    const before = readIncident(doc);
    expect(before && isLive(before)).toBe(true);
    recordKeyTime(doc, ctx, 'resolved', '2026-11-23T04:44:00.000Z');
    const after = readIncident(doc);
    expect(after).toMatchObject({ status: 'resolved', resolvedAt: '2026-11-23T04:44:00.000Z', mitigatedAt: '2026-11-23T04:44:00.000Z' });
    expect(after && isLive(after)).toBe(false);
  });

  it('refuses a key time before impact started and writes nothing', () => {
    const { doc, ctx } = openIncident();
    const rows = readEntries(doc).length;
    expect(commandError(() => recordKeyTime(doc, ctx, 'resolved', '2026-11-20T00:00:00.000Z'))).toMatchObject({ field: 'at' });
    expect(commandError(() => recordKeyTime(doc, ctx, 'mitigated', 'yesterday'))).toMatchObject({ field: 'at' });
    expect(readEntries(doc)).toHaveLength(rows);
    expect(readIncident(doc)?.status).toBe('investigating');
  });
});
