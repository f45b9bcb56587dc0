// The rules behind the desktop's notifications, badge and keep-awake, on a real incident document.
import { describe, expect, it } from 'vitest';
import { setStatus } from '../../../shared/model/commands';
import { proposeDecision } from '../../../shared/model/decisionCommands';
import { readDecisions } from '../../../shared/model/decisions';
import { readIncident } from '../../../shared/model/doc';
import { readCadence, readStatusUpdates, nextUpdateDue } from '../../../shared/model/statusUpdates';
import { openIncident } from '../../../shared/model/test/fixtures';
import { desktopAttention } from '../desktopAttention';

function attentionAt(doc: ReturnType<typeof openIncident>['doc'], now: string, unsynced = 0) {
  return desktopAttention({ incident: readIncident(doc)!, decisions: readDecisions(doc), updates: readStatusUpdates(doc), cadence: readCadence(doc), now, unsynced });
}

describe('desktop attention', () => {
  it('reminds of an overdue status update and a due revisit, once each by a stable key, and counts them', () => {
    const { doc, ctx } = openIncident();
    proposeDecision(doc, ctx, { question: 'Fail over to the replica?', revisitAt: '2026-11-21T20:30:00.000Z' });
    const updateDue = nextUpdateDue({ incident: readIncident(doc)!, cadence: readCadence(doc), updates: readStatusUpdates(doc) })!;
    const before = attentionAt(doc, '2026-11-21T20:01:00.000Z');
    expect(before).toMatchObject({ overdue: 0, reminders: [] });
    const later = new Date(Math.max(Date.parse(updateDue), Date.parse('2026-11-21T20:30:00.000Z')) + 60_000).toISOString();
    const after = attentionAt(doc, later, 2);
    expect(after.overdue).toBe(2);
    expect(after.unsavedChanges).toBe(2);
    expect(after.reminders.map((r) => r.title).sort()).toEqual(['Revisit decision', 'Status update due']);
    expect(after.reminders.find((r) => r.title === 'Revisit decision')!.body).toContain('Fail over to the replica?');
    expect(attentionAt(doc, later).reminders.map((r) => r.key)).toEqual(after.reminders.map((r) => r.key));
  });

  it('stops reminding once the incident is resolved', () => {
    const { doc, ctx } = openIncident();
    proposeDecision(doc, ctx, { question: 'Fail over?', revisitAt: '2026-11-21T20:30:00.000Z' });
    setStatus(doc, ctx, 'resolved');
    expect(attentionAt(doc, '2026-11-22T09:00:00.000Z')).toEqual({ overdue: 0, reminders: [], unsavedChanges: 0 });
  });
});
