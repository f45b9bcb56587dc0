import { describe, expect, it } from 'vitest';
import { parseRoute } from '../../app/route';
import { entryLinkHash, linkedEntryId, linkedView } from '../linkedEntry';

describe('links to an entry', () => {
  it('still route to the incident, and carry the entry', () => {
    const hash = entryLinkHash('01KABCDEFGHJKMNPQRSTVWXYZ0', '01KENTRY/odd?id');
    expect(parseRoute(hash)).toEqual({ screen: 'incident', incidentId: '01KABCDEFGHJKMNPQRSTVWXYZ0' });
    expect(linkedEntryId(hash)).toBe('01KENTRY/odd?id');
  });

  it('a hit without an entry opens the incident itself', () => {
    const hash = entryLinkHash('01KABCDEFGHJKMNPQRSTVWXYZ0', null);
    expect(hash).toBe('#/incident/01KABCDEFGHJKMNPQRSTVWXYZ0');
    expect(linkedEntryId(hash)).toBeNull();
    expect(linkedEntryId('#/incident/01KABCDEFGHJKMNPQRSTVWXYZ0?entry=')).toBeNull();
  });

  it('without an entry, may name the view that holds the hit; an unknown view is none', () => {
    const hash = entryLinkHash('01KABCDEFGHJKMNPQRSTVWXYZ0', null, 'postmortem');
    expect(parseRoute(hash)).toEqual({ screen: 'incident', incidentId: '01KABCDEFGHJKMNPQRSTVWXYZ0' });
    expect(linkedView(hash)).toBe('postmortem');
    expect(linkedEntryId(hash)).toBeNull();
    expect(linkedView('#/incident/01KABCDEFGHJKMNPQRSTVWXYZ0?view=settings')).toBeNull();
    // An entry wins: the timeline is where it is.
    expect(linkedView(entryLinkHash('01KABCDEFGHJKMNPQRSTVWXYZ0', '01KENTRY', 'decisions'))).toBeNull();
  });
});
