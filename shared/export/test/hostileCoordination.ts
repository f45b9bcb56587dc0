// Response work whose every user string is hostile, in reader order, so the
// postmortem's new sections are checked for escaping and markdownlint like the timeline.
import type { ActionItem, Checklist, Decision, CoordinationState } from '../../model/coordinationTypes';

/** Cycles through the hostile texts so each record gets a different hazard. */
function pick(texts: readonly string[], index: number): string {
  return texts[index % texts.length] ?? '';
}

export function hostileCoordination(texts: readonly string[], at: (minute: number) => string): CoordinationState {
  const decisions: Decision[] = [0, 1, 2].map((n) => ({
    id: `01HOSTILE-D${n}`,
    entryId: `01HOSTILE${String(n).padStart(3, '0')}`,
    question: pick(texts, n + 3),
    context: pick(texts, n + 5),
    options: [
      { id: 'a', title: pick(texts, n), pros: pick(texts, n + 1), cons: pick(texts, n + 2) },
      { id: 'b', title: pick(texts, n + 7), pros: '', cons: pick(texts, n + 8) },
    ],
    chosenOptionId: n === 2 ? null : 'a',
    rationale: pick(texts, n + 9),
    decidedBy: n === 2 ? null : pick(texts, n + 10),
    decidedAt: n === 2 ? null : at(n * 30 + 5),
    reversibility: n % 2 === 0 ? 'one-way' : 'two-way',
    revisitAt: n === 1 ? at(200) : null,
    status: n === 0 ? 'superseded' : n === 1 ? 'decided' : 'proposed',
    replacedBy: n === 0 ? '01HOSTILE-D1' : null,
    outcome: n === 0 ? { verdict: 'wrong', why: pick(texts, 11), by: pick(texts, 12), at: at(500) } : null,
    createdBy: pick(texts, n + 13),
    createdAt: at(n * 30),
    history: [{ by: pick(texts, n), at: at(n * 30 + 5), change: pick(texts, n + 4) }],
  }));
  const checklists: Checklist[] = [0, 1].map((n) => ({
    id: `01HOSTILE-C${n}`,
    title: pick(texts, n + 4),
    template: n === 0 ? pick(texts, 2) : '',
    createdBy: pick(texts, n + 6),
    createdAt: at(n * 45),
    items: texts.slice(0, 6).map((text, i) => ({
      id: `item-${i}`,
      section: pick(texts, i + n + 3),
      text,
      needsConfirm: i % 3 === 0,
      ownerRole: i % 2 === 0 ? pick(texts, i + 1) : null,
      assignee: i % 4 === 0 ? pick(texts, i + 5) : null,
      state: (['done', 'skipped', 'blocked', 'todo', 'in-progress', 'done'] as const)[i] ?? 'todo',
      reason: i === 1 || i === 2 ? pick(texts, i + 8) : null,
      doneBy: i === 0 || i === 5 ? pick(texts, i + 9) : null,
      confirmedBy: i === 0 ? pick(texts, i + 10) : null,
      history: [{ by: pick(texts, i), at: at(i * 10), action: 'state', state: 'in-progress' }],
    })),
  }));
  const actions: ActionItem[] = texts.slice(0, 5).map((text, n) => ({
    id: `01HOSTILE-A${n}`,
    text,
    owner: pick(texts, n + 6),
    dueAt: n % 2 === 0 ? at(1000 + n) : null,
    priority: (['P1', 'P2', 'P3'] as const)[n % 3] ?? 'P2',
    status: n === 4 ? 'done' : 'open',
    entryIds: [`01HOSTILE${String(n).padStart(3, '0')}`],
    decisionIds: n === 0 ? ['01HOSTILE-D1'] : [],
    createdBy: pick(texts, n + 1),
    createdAt: at(n * 20),
    doneBy: n === 4 ? pick(texts, 2) : null,
    doneAt: n === 4 ? at(600) : null,
  }));
  return {
    decisions,
    checklists,
    actions,
    statusUpdates: texts.slice(0, 4).map((text, n) => ({
      id: `01HOSTILE-S${n}`,
      audience: n % 2 === 0 ? 'customers' : 'internal',
      template: 'investigating',
      text,
      postedBy: pick(texts, n + 5),
      postedAt: at(n * 35),
      entryId: `01HOSTILE${String(n).padStart(3, '0')}`,
    })),
    cadence: {
      minutesBySeverity: { SEV1: 30, SEV2: 45, SEV3: 240, SEV4: null },
      snoozes: [{ by: pick(texts, 1), at: at(100), until: at(130), reason: pick(texts, 4) }],
    },
    roles: [
      { role: 'commander', person: pick(texts, 0), assignedBy: pick(texts, 1), assignedAt: at(1) },
      { role: pick(texts, 4), person: pick(texts, 5), assignedBy: pick(texts, 2), assignedAt: at(2) },
      { role: 'commander', person: pick(texts, 6), assignedBy: pick(texts, 0), assignedAt: at(300) },
    ],
    handoffs: [{ id: '01HOSTILE-H0', role: 'commander', from: pick(texts, 0), to: pick(texts, 6), at: at(300), briefing: pick(texts, 10) }],
  };
}
