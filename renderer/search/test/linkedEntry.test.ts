import { describe, expect, it } from 'vitest';
import { parseRoute } from '../../app/route';
import { entryLinkHash, linkedEntryId } from '../linkedEntry';

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
});
