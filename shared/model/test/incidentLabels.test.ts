import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { metaMap, readIncident } from '../doc';
import { parseLabelText, readLabels, setIncidentLabels } from '../incidentLabels';
import { commandError, openIncident } from './fixtures';

describe('incident labels', () => {
  it('a new incident has no services and no tags', () => {
    const { doc } = openIncident();
    expect(readIncident(doc)).toMatchObject({ services: [], tags: [] });
  });

  it('stores services and tags trimmed, without blanks or repeats that differ only in case', () => {
    const { doc, ctx } = openIncident();
    setIncidentLabels(doc, ctx, 'services', [' billing API ', '', 'Billing api', 'primary DB']);
    setIncidentLabels(doc, ctx, 'tags', ['capacity']);
    expect(readIncident(doc)).toMatchObject({ services: ['billing API', 'primary DB'], tags: ['capacity'] });
  });

  it('writes nothing when the list is unchanged', () => {
    const { doc, ctx } = openIncident();
    setIncidentLabels(doc, ctx, 'tags', ['vendor']);
    let updates = 0;
    doc.on('update', () => (updates += 1));
    setIncidentLabels(doc, ctx, 'tags', ['vendor ', 'VENDOR']);
    expect(updates).toBe(0);
  });

  it('refuses a label that is a sentence, naming the field', () => {
    const { doc, ctx } = openIncident();
    const error = commandError(() => setIncidentLabels(doc, ctx, 'services', ['x'.repeat(61)]));
    expect(error.field).toBe('0');
    expect(error.message).toMatch(/at most 60 characters/);
  });

  it('reads a damaged stored value as no labels', () => {
    const { doc } = openIncident();
    metaMap(doc).set('tags', 'not a list');
    metaMap(doc).set('services', [3, 'api', null]);
    expect(readIncident(doc)).toMatchObject({ services: ['api'], tags: [] });
    expect(readLabels(undefined)).toEqual([]);
  });

  it('reads the comma-separated text the incident view edits', () => {
    expect(parseLabelText('api, billing db,, api ,')).toEqual(['api', 'billing db']);
  });

  it('two replicas editing the same list converge on one value', () => {
    const a = openIncident();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a.doc));
    setIncidentLabels(a.doc, a.ctx, 'services', ['api']);
    setIncidentLabels(b, a.ctx, 'services', ['db']);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a.doc));
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b));
    expect(readIncident(a.doc)?.services).toEqual(readIncident(b)?.services);
  });
});
