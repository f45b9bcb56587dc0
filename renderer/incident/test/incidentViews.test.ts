import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, INCIDENT_VIEWS, isIncidentViewId, tabAfterKey, VIEW_LABELS, visibleViews } from '../incidentViews';

describe('incident views', () => {
  it('has the eight tabs in order, the timeline first and default', () => {
    expect(INCIDENT_VIEWS.map((v) => VIEW_LABELS[v])).toEqual(['Timeline', 'Chart', 'Terminals', 'Decisions', 'Checklists', 'Actions', 'Comms', 'Roles', 'Postmortem']);
    expect(DEFAULT_VIEW).toBe('timeline');
  });

  it('accepts only known tab ids from the open-view event', () => {
    expect(isIncidentViewId('roles')).toBe(true);
    expect(isIncidentViewId('Roles')).toBe(false);
    expect(isIncidentViewId(undefined)).toBe(false);
    expect(isIncidentViewId({ view: 'roles' })).toBe(false);
  });

  it('moves through the tabs with arrows (wrapping), Home and End, and ignores other keys', () => {
    expect(tabAfterKey('timeline', 'ArrowRight')).toBe('chart');
    expect(tabAfterKey('timeline', 'ArrowLeft')).toBe('postmortem');
    expect(tabAfterKey('postmortem', 'ArrowRight')).toBe('timeline');
    expect(tabAfterKey('roles', 'Home')).toBe('timeline');
    expect(tabAfterKey('decisions', 'End')).toBe('postmortem');
    expect(tabAfterKey('roles', 'Enter')).toBeNull();
  });

  it('offers Terminals only on a local connection, and arrows skip what is not shown', () => {
    expect(visibleViews(true)).toContain('terminals');
    expect(visibleViews(false)).not.toContain('terminals');
    expect(tabAfterKey('timeline', 'ArrowRight', visibleViews(false))).toBe('chart');
  });
});
