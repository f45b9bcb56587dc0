// A mid-incident state for the handoff briefing tests: a SEV1 in Denver, a night shift's
// worth of entries, and at least one of everything the briefing must mention.
import { newChecklistItem } from '../../model/checklistItemState';
import type { ActionItem, Checklist, ChecklistItem, Decision, CoordinationState } from '../../model/coordinationTypes';
import type { Incident, TimelineEntry } from '../../model/types';
import type { HandoffBriefingInput } from '../handoffBriefing';

const AT = (minute: number): string => new Date(Date.UTC(2026, 10, 21, 20, 0) + minute * 60_000).toISOString();

export const NOW = AT(600);
export const SINCE = AT(240);

export function incident(overrides: Partial<Incident> = {}): Incident {
  return {
    id: '01INCIDENT',
    title: 'Primary database outage',
    severity: 'SEV1',
    status: 'identified',
    createdAt: AT(0),
    detectedAt: AT(0),
    impactStartedAt: AT(0),
    mitigatedAt: null,
    resolvedAt: null,
    timeZone: 'America/Denver',
    summary: '',
    impact: '',
    commander: 'Priya',
    services: [],
    tags: [],
    postmortem: { rootCause: '', wentWell: '', wentWrong: '', gotLucky: '' },
    ...overrides,
  };
}

export function entry(minute: number, text: string, extra: Partial<TimelineEntry> = {}): TimelineEntry {
  return {
    id: `01E${String(minute).padStart(5, '0')}`,
    occurredAt: AT(minute),
    recordedAt: AT(minute),
    author: 'priya',
    kind: 'note',
    text,
    workstream: '',
    key: false,
    retraction: null,
    history: [],
    ...extra,
  };
}

export function decision(id: string, question: string, extra: Partial<Decision> = {}): Decision {
  return {
    id,
    entryId: `e-${id}`,
    question,
    context: '',
    options: [{ id: 'o1', title: 'Wait for the slow restore', pros: '', cons: '' }],
    chosenOptionId: null,
    rationale: '',
    decidedBy: null,
    decidedAt: null,
    reversibility: 'two-way',
    revisitAt: null,
    status: 'proposed',
    replacedBy: null,
    outcome: null,
    createdBy: 'priya',
    createdAt: AT(300),
    history: [],
    ...extra,
  };
}

export function item(id: string, text: string, extra: Partial<ChecklistItem> = {}): ChecklistItem {
  return { ...newChecklistItem(id, { section: 'Restore', text, needsConfirm: false, ownerRole: null }), ...extra };
}

export function checklist(title: string, items: ChecklistItem[]): Checklist {
  return { id: `c-${title}`, title, template: '', createdBy: 'priya', createdAt: AT(10), items };
}

export function action(id: string, text: string, extra: Partial<ActionItem> = {}): ActionItem {
  return {
    id,
    text,
    owner: 'Mo',
    dueAt: null,
    priority: 'P2',
    status: 'open',
    entryIds: [],
    decisionIds: [],
    createdBy: 'priya',
    createdAt: AT(100),
    doneBy: null,
    doneAt: null,
    ...extra,
  };
}

export function coordination(overrides: Partial<CoordinationState> = {}): CoordinationState {
  return {
    decisions: [
      decision('d1', 'Restore from the DR site or wait?', { revisitAt: AT(660) }),
      decision('d2', 'Call the upgrade off', { status: 'decided', chosenOptionId: 'o1', revisitAt: AT(550), reversibility: 'one-way' }),
      decision('d3', 'Old question', { status: 'superseded' }),
    ],
    checklists: [
      checklist('Restore from backup', [
        item('i1', 'Stop writes', { state: 'done' }),
        item('i2', 'Verify the new cluster', { state: 'done', needsConfirm: true }),
        item('i3', 'Clean up the old cluster', { state: 'blocked', reason: 'Waiting for the integrity check' }),
        item('i4', 'Notify finance', { state: 'skipped', reason: 'Not affected' }),
      ]),
    ],
    actions: [
      action('a1', 'Rotate the replication credentials', { priority: 'P1', dueAt: AT(700) }),
      action('a2', 'Write up the rsync flags', { status: 'done' }),
    ],
    statusUpdates: [{ id: 's1', audience: 'customers', template: 'identified', text: 'x', postedBy: 'sam', postedAt: AT(570), entryId: 'e-s1' }],
    cadence: { minutesBySeverity: { SEV1: 30, SEV2: 60, SEV3: 240, SEV4: null }, snoozes: [] },
    roles: [
      { role: 'commander', person: 'Priya', assignedBy: 'priya', assignedAt: AT(0) },
      { role: 'scribe', person: 'Lee', assignedBy: 'priya', assignedAt: AT(1) },
    ],
    handoffs: [],
    ...overrides,
  };
}

export function briefingInput(overrides: Partial<HandoffBriefingInput> = {}): HandoffBriefingInput {
  return {
    incident: incident(),
    entries: [
      entry(30, 'Before the last handoff', { key: true }),
      entry(300, 'db-1 stopped accepting writes', { key: true }),
      entry(320, 'chatter that is not key'),
      entry(330, 'Status changed: investigating → identified', { kind: 'status' }),
      entry(340, 'Retracted key event', { key: true, retraction: { by: 'x', at: AT(341), reason: 'wrong' } }),
    ],
    coordination: coordination(),
    since: SINCE,
    now: NOW,
    zone: 'America/Denver',
    nextUpdateDue: AT(600 + 12),
    role: 'commander',
    from: 'Priya',
    to: 'Sam Okafor',
    ...overrides,
  };
}
