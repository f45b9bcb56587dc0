import { describe, expect, it } from 'vitest';
import { composeStatusUpdate } from '../statusTemplates';
import { AUDIENCES } from '../coordinationTypes';
import { STATUSES, type Incident } from '../types';

const incident: Incident = {
  id: 'inc',
  title: 'Primary database outage',
  severity: 'SEV1',
  status: 'identified',
  createdAt: '2026-11-21T20:05:00.000Z',
  detectedAt: '2026-11-21T20:02:00.000Z',
  impactStartedAt: '2026-11-21T20:00:00.000Z',
  mitigatedAt: null,
  resolvedAt: null,
  timeZone: 'America/Denver',
  summary: 'Replication broke after the upgrade.',
  impact: 'checkout and login',
  commander: 'ana',
  services: [],
  tags: [],
  postmortem: { rootCause: '', wentWell: '', wentWrong: '', gotLucky: '' },
};
const NOW = '2026-11-21T22:05:30.000Z';

describe('composeStatusUpdate', () => {
  it.each(STATUSES.flatMap((template) => AUDIENCES.map((audience) => [template, audience] as const)))('%s for %s names the incident and its start in the incident zone', (template, audience) => {
    const text = composeStatusUpdate(incident, template, audience, NOW);
    expect(text).toContain('Primary database outage');
    expect(text).toContain('checkout and login');
    expect(text).toContain('2026-11-21 13:00 MST');
    expect(text.trim()).toBe(text);
  });

  it('writes internal updates with severity, summary, commander and elapsed time', () => {
    expect(composeStatusUpdate(incident, 'investigating', 'internal', NOW)).toBe(
      [
        '[SEV1] Primary database outage: investigating',
        'Started 2026-11-21 13:00 MST (2 hours 5 minutes ago).',
        'Impact: checkout and login',
        'Summary: Replication broke after the upgrade.',
        'Commander: ana',
        'Next: find the cause; join the war room if you can help.',
      ].join('\n'),
    );
  });

  it('keeps customer updates free of internal labels and names', () => {
    for (const template of STATUSES) {
      const text = composeStatusUpdate(incident, template, 'customers', NOW);
      expect(text).not.toContain('SEV1');
      expect(text).not.toContain('ana');
      expect(text).not.toContain('Replication');
    }
    expect(composeStatusUpdate(incident, 'identified', 'customers', NOW)).toBe(
      [
        'Identified: Primary database outage',
        '',
        'We have identified the cause of the issue affecting checkout and login and are working on a fix.',
        'The issue began at 2026-11-21 13:00 MST (2 hours 5 minutes ago).',
      ].join('\n'),
    );
  });

  it('states the total duration once resolved, counted to the resolution time', () => {
    const resolved = { ...incident, status: 'resolved' as const, resolvedAt: '2026-11-22T10:16:00.000Z' };
    const customers = composeStatusUpdate(resolved, 'resolved', 'customers', '2026-11-23T00:00:00.000Z');
    expect(customers).toContain('It lasted 14 hours 16 minutes, from 2026-11-21 13:00 MST to 2026-11-22 03:16 MST.');
    const internal = composeStatusUpdate(resolved, 'resolved', 'internal', '2026-11-23T00:00:00.000Z');
    expect(internal).toContain('resolved 2026-11-22 03:16 MST (14 hours 16 minutes)');
  });

  it('falls back gracefully when impact, summary and commander are empty', () => {
    const bare = { ...incident, impact: '', summary: ' ', commander: '' };
    expect(composeStatusUpdate(bare, 'investigating', 'customers', NOW)).toContain('affecting some of our services');
    const internal = composeStatusUpdate(bare, 'investigating', 'internal', NOW);
    expect(internal).toContain('Impact: not yet assessed');
    expect(internal).toContain('Summary: No summary written yet.');
    expect(internal).not.toContain('Commander');
  });

  it('counts from detection, then creation, when impact start is unknown', () => {
    const detected = { ...incident, impactStartedAt: null };
    expect(composeStatusUpdate(detected, 'investigating', 'internal', NOW)).toContain('13:02 MST');
    const created = { ...incident, impactStartedAt: null, detectedAt: null };
    expect(composeStatusUpdate(created, 'investigating', 'internal', NOW)).toContain('13:05 MST');
  });
});
