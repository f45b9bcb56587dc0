import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash, routeQuery } from '../route';
import { MAX_RECENT_INCIDENTS, withRecentIncident } from '../settingsStore';

describe('hash routes', () => {
  it('reads an incident route and falls back to home otherwise', () => {
    expect(parseRoute('#/incident/01JDXYZ')).toEqual({ screen: 'incident', incidentId: '01JDXYZ' });
    expect(parseRoute('#/incident/01JDXYZ/extra')).toEqual({ screen: 'incident', incidentId: '01JDXYZ' });
    expect(parseRoute('#/incident/')).toEqual({ screen: 'home' });
    expect(parseRoute('')).toEqual({ screen: 'home' });
    expect(parseRoute('#/whatever')).toEqual({ screen: 'home' });
  });

  it('round-trips ids through routeHash, including odd characters', () => {
    for (const incidentId of ['01JDXYZ', 'a b/c#d']) {
      expect(parseRoute(routeHash({ screen: 'incident', incidentId }))).toEqual({ screen: 'incident', incidentId });
    }
    expect(parseRoute(routeHash({ screen: 'home' }))).toEqual({ screen: 'home' });
  });

  it("reads Home's views across incidents and the query they carry", () => {
    expect(parseRoute('#/metrics?sev=SEV1')).toEqual({ screen: 'home', view: 'metrics' });
    expect(parseRoute(routeHash({ screen: 'home', view: 'follow-ups' }))).toEqual({ screen: 'home', view: 'follow-ups' });
    expect(parseRoute('#/?q=db')).toEqual({ screen: 'home' });
    expect(routeQuery('#/metrics?sev=SEV1&q=a%20b').get('q')).toBe('a b');
    expect(routeQuery('#/').toString()).toBe('');
  });
});

describe('withRecentIncident', () => {
  it('moves the opened incident to the front without duplicating it', () => {
    expect(withRecentIncident(['A', 'B', 'C'], 'B')).toEqual(['B', 'A', 'C']);
    expect(withRecentIncident([], 'A')).toEqual(['A']);
  });

  it('keeps at most the cap the settings schema allows', () => {
    const many = Array.from({ length: MAX_RECENT_INCIDENTS }, (_, i) => `I${i}`);
    const next = withRecentIncident(many, 'NEW');
    expect(next).toHaveLength(MAX_RECENT_INCIDENTS);
    expect(next[0]).toBe('NEW');
    expect(next).not.toContain(`I${MAX_RECENT_INCIDENTS - 1}`);
  });
});
