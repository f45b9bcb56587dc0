import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { metaMap, postmortemMap, readIncident } from '../doc';

describe('the stored incident', () => {
  it('reads damaged meta values as the fields’ safe values, never failing', () => {
    const doc = new Y.Doc();
    const meta = metaMap(doc);
    for (const [key, value] of Object.entries({
      id: 'inc-1',
      title: 42,
      severity: 'SEV9',
      status: 'panicking',
      createdAt: '2026-11-21T23:50:00.000Z',
      detectedAt: '',
      impactStartedAt: 7,
      timeZone: '',
      services: ['billing API', 3, ' billing api ', ''],
      tags: 'capacity',
      reconstructed: 'yes',
    })) {
      meta.set(key, value);
    }
    postmortemMap(doc).set('rootCause', 'A full disk');
    (postmortemMap(doc) as Y.Map<unknown>).set('wentWell', ['not', 'text']);
    const incident = readIncident(doc);
    expect(incident).toEqual({
      id: 'inc-1',
      title: '',
      severity: 'SEV4',
      status: 'investigating',
      createdAt: '2026-11-21T23:50:00.000Z',
      detectedAt: null,
      impactStartedAt: null,
      mitigatedAt: null,
      resolvedAt: null,
      timeZone: 'UTC',
      summary: '',
      impact: '',
      commander: '',
      services: ['billing API'],
      tags: [],
      postmortem: { rootCause: 'A full disk', wentWell: '', wentWrong: '', gotLucky: '' },
    });
    expect(incident).not.toHaveProperty('reconstructed');
  });

  it('marks a reconstructed incident only when the stored flag is true', () => {
    const doc = new Y.Doc();
    metaMap(doc).set('id', 'inc-2');
    metaMap(doc).set('reconstructed', true);
    expect(readIncident(doc)).toMatchObject({ id: 'inc-2', reconstructed: true, severity: 'SEV4', timeZone: 'UTC' });
  });

  it('is not there until the meta has an id', () => {
    const doc = new Y.Doc();
    metaMap(doc).set('title', 'No id yet');
    expect(readIncident(doc)).toBeNull();
  });
});
