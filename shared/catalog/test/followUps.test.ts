import { describe, expect, it } from 'vitest';
import { DEFAULT_FOLLOW_UP_POLICY } from '../followUpPolicy';
import { followUpRows, followUpsCsv, followUpsJson, followUpsMarkdown } from '../followUps';
import { reminderDay, shouldRemind } from '../overdueReminder';
import { action, at, incident } from './catalogFixtures';

const NOW = at(24 * 40);
const rows = followUpRows(
  [
    incident('i1', {
      title: 'Primary database lost',
      services: ['primary DB'],
      tags: ['data-loss'],
      actions: [
        action('late', { text: 'Page on replication lag', owner: 'Marcus', priority: 'P1' }), // due day 28 by policy: overdue
        action('dated', { text: 'Restore drill | quarterly', priority: 'P2', dueAt: at(24 * 60) }),
        action('closed', { status: 'not-doing', reason: 'replaced' }),
      ],
    }),
    incident('i2', { title: 'Search slow', actions: [action('p3', { text: 'Tune the cache', priority: 'P3' })] }),
  ],
  DEFAULT_FOLLOW_UP_POLICY,
  NOW,
);

describe('follow-ups across incidents', () => {
  it('puts overdue first, then by due date, undated last', () => {
    expect(rows.map((r) => [r.action.id, r.overdue, r.dueByPolicy])).toEqual([
      ['late', true, true],
      ['closed', false, true],
      ['dated', false, false],
      ['p3', false, false],
    ]);
  });

  it('exports the open ones as a Markdown checklist, escaped', () => {
    expect(followUpsMarkdown(rows)).toBe(
      [
        '# Open follow-ups',
        '',
        '- [ ] Page on replication lag — Marcus, P1, due 2026-03-30 by policy (overdue) · Primary database lost',
        '- [ ] Restore drill \\| quarterly — no owner, P2, due 2026-05-01 · Primary database lost',
        '- [ ] Tune the cache — no owner, P3, no due date · Search slow',
        '',
      ].join('\n'),
    );
  });

  it('exports the open ones as CSV and as JSON for a tracker script', () => {
    const csv = followUpsCsv(rows).split('\r\n');
    expect(csv[0]).toBe('incident id,incident,action id,follow-up,owner,priority,due,due by policy,overdue,created');
    expect(csv[1]).toBe('i1,Primary database lost,late,Page on replication lag,Marcus,P1,2026-03-30,yes,yes,2026-03-02');
    expect(csv).toHaveLength(5);
    const json = JSON.parse(followUpsJson(rows)) as Array<Record<string, unknown>>;
    expect(json).toHaveLength(3);
    expect(json[0]).toEqual({
      title: 'Page on replication lag',
      body: 'Follow-up from the incident “Primary database lost”.',
      assignee: 'Marcus',
      priority: 'P1',
      dueDate: '2026-03-30',
      dueDateFromPolicy: true,
      labels: ['primary DB', 'data-loss', 'incident-follow-up'],
      source: { incidentId: 'i1', incidentTitle: 'Primary database lost', actionItemId: 'late', severity: 'SEV2' },
    });
  });
});

describe('overdue reminder, once a day', () => {
  it('reminds when something is overdue and no reminder was given today', () => {
    expect(shouldRemind(2, null, '2026-03-10T08:00:00.000Z', 'UTC')).toBe(true);
    expect(shouldRemind(2, '2026-03-10', '2026-03-10T23:59:00.000Z', 'UTC')).toBe(false);
    expect(shouldRemind(2, '2026-03-10', '2026-03-11T00:00:00.000Z', 'UTC')).toBe(true);
    expect(shouldRemind(0, null, '2026-03-10T08:00:00.000Z', 'UTC')).toBe(false);
  });

  it('counts days in the viewer’s zone', () => {
    // 03:00 UTC on the 11th is still the 10th in Denver: already reminded that day.
    expect(reminderDay('2026-03-11T03:00:00.000Z', 'America/Denver')).toBe('2026-03-10');
    expect(shouldRemind(1, '2026-03-10', '2026-03-11T03:00:00.000Z', 'America/Denver')).toBe(false);
  });
});
