// The briefing as the Roles view builds it: from a real doc, covering what came after the
// role's last handoff, with the roles as they will stand once it is recorded.
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addEntry } from '../../model/commands';
import { assignRole, handOff } from '../../model/roles';
import { contextFor, openIncident } from '../../model/test/fixtures';
import { handoffBriefingFor } from '../briefingFromDoc';

describe('handoffBriefingFor', () => {
  it('covers everything since the last handoff of the role', () => {
    const { doc, ctx } = openIncident();
    assignRole(doc, ctx, 'commander', 'Priya');
    addEntry(doc, contextFor('priya', '2026-11-21T21:00:00.000Z'), { text: 'db-1 stopped accepting writes', key: true });
    const first = handoffBriefingFor(doc, { role: 'commander', to: 'Sam', now: '2026-11-22T02:00:00.000Z', zone: 'America/Denver' });
    expect(first).toContain('Priya hands commander to Sam at 2026-11-21 19:00 MST.');
    expect(first).toContain('covers the whole incident so far');
    expect(first).toContain('db-1 stopped accepting writes');
    handOff(doc, contextFor('priya', '2026-11-22T02:00:00.000Z'), { role: 'commander', to: 'Sam', briefing: first ?? '' });
    addEntry(doc, contextFor('sam', '2026-11-22T03:00:00.000Z'), { text: 'Restore started from the DR copy', key: true });
    const second = handoffBriefingFor(doc, { role: 'commander', to: 'Priya', now: '2026-11-22T09:00:00.000Z', zone: 'UTC' });
    expect(second).toContain('Sam hands commander to Priya');
    expect(second).toContain('since the last handoff, at 2026-11-22 02:00 UTC');
    expect(second).toContain('Restore started from the DR copy');
    expect(second).not.toContain('db-1 stopped accepting writes');
    // SEV2 cadence: 60 minutes after the incident start (no update posted), long overdue.
    expect(second).toContain('**Overdue**');
  });

  it('is null while the doc holds no incident', () => {
    expect(handoffBriefingFor(new Y.Doc(), { role: 'commander', to: 'Sam', now: '2026-11-22T02:00:00.000Z', zone: 'UTC' })).toBeNull();
  });
});
