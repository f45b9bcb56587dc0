// fast-check generators of coordination in the shape readers produce: every
// list in reader order, ids unique, links resolvable, done actions with who and when. So
// the same values serve the archive round trip and the importSnapshot round trip.
import fc from 'fast-check';
import {
  ACTION_PRIORITIES,
  AUDIENCES,
  CHECKLIST_ITEM_STATES,
  DECISION_STATUSES,
  OUTCOME_VERDICTS,
  REVERSIBILITIES,
} from '../../model/coordinationTypes';
import type {
  ActionItem,
  Checklist,
  ChecklistItem,
  ChecklistItemEvent,
  Decision,
  Handoff,
  CoordinationState,
  RoleAssignment,
  StatusCadence,
  StatusUpdate,
} from '../../model/coordinationTypes';
import type { Instant } from '../../model/types';

const FIRST_MS = Date.UTC(2020, 0, 1);
const LAST_MS = Date.UTC(2030, 0, 1);
/** Small collections keep the property runs quick; the shapes, not the sizes, are under test. */
const MAX_RECORDS = 3;

const instantArb: fc.Arbitrary<Instant> = fc.integer({ min: FIRST_MS, max: LAST_MS }).map((ms) => new Date(ms).toISOString());
const textArb = fc.string({ maxLength: 30 });
const nameArb = fc.string({ minLength: 1, maxLength: 12 });
/** Readers read an empty optional name as null, so generated optional names are never empty. */
const optionalNameArb = fc.option(nameArb, { nil: null });
const idsArb = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 10 }), { maxLength: MAX_RECORDS });

function byTimeThenId<T extends { id: string }>(time: (value: T) => Instant): (a: T, b: T) => number {
  return (a, b) => (time(a) < time(b) ? -1 : time(a) > time(b) ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const decisionArb = (id: string, others: readonly string[]): fc.Arbitrary<Decision> =>
  fc
    .uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { maxLength: 3 })
    .chain((optionIds) =>
      fc.record({
        id: fc.constant(id),
        entryId: textArb,
        question: textArb,
        context: textArb,
        options: fc.tuple(...optionIds.map((optionId) => fc.record({ id: fc.constant(optionId), title: textArb, pros: textArb, cons: textArb }))),
        chosenOptionId: optionIds.length > 0 ? fc.option(fc.constantFrom(...optionIds), { nil: null }) : fc.constant(null),
        rationale: textArb,
        decidedBy: optionalNameArb,
        decidedAt: fc.option(instantArb, { nil: null }),
        reversibility: fc.constantFrom(...REVERSIBILITIES),
        revisitAt: fc.option(instantArb, { nil: null }),
        status: fc.constantFrom(...DECISION_STATUSES),
        replacedBy: others.length > 0 ? fc.option(fc.constantFrom(...others), { nil: null }) : fc.constant(null),
        outcome: fc.option(fc.record({ verdict: fc.constantFrom(...OUTCOME_VERDICTS), why: textArb, by: textArb, at: instantArb }), { nil: null }),
        createdBy: textArb,
        createdAt: instantArb,
        history: fc.array(fc.record({ by: textArb, at: instantArb, change: textArb }), { maxLength: 2 }),
      }),
    );

const itemEventArb: fc.Arbitrary<ChecklistItemEvent> = fc.oneof(
  fc.record({ by: textArb, at: instantArb, action: fc.constant('state' as const), state: fc.constantFrom(...CHECKLIST_ITEM_STATES), reason: nameArb }, { requiredKeys: ['by', 'at', 'action', 'state'] }),
  fc.record({ by: textArb, at: instantArb, action: fc.constant('assign' as const), assignee: textArb }),
  fc.record({ by: textArb, at: instantArb, action: fc.constant('confirm' as const) }),
);

const itemArb = (id: string): fc.Arbitrary<ChecklistItem> =>
  fc.record({
    id: fc.constant(id),
    section: textArb,
    text: textArb,
    needsConfirm: fc.boolean(),
    ownerRole: optionalNameArb,
    assignee: optionalNameArb,
    state: fc.constantFrom(...CHECKLIST_ITEM_STATES),
    reason: optionalNameArb,
    doneBy: optionalNameArb,
    confirmedBy: optionalNameArb,
    history: fc.array(itemEventArb, { maxLength: 2 }),
  });

const checklistArb = (id: string): fc.Arbitrary<Checklist> =>
  idsArb.chain((itemIds) =>
    fc.record({ id: fc.constant(id), title: textArb, template: textArb, createdBy: textArb, createdAt: instantArb, items: fc.tuple(...itemIds.map(itemArb)) }),
  );

const actionArb = (id: string): fc.Arbitrary<ActionItem> =>
  fc
    .record({
      id: fc.constant(id),
      text: textArb,
      owner: textArb,
      dueAt: fc.option(instantArb, { nil: null }),
      priority: fc.constantFrom(...ACTION_PRIORITIES),
      entryIds: fc.uniqueArray(nameArb, { maxLength: 2 }),
      decisionIds: fc.uniqueArray(nameArb, { maxLength: 2 }),
      createdBy: textArb,
      createdAt: instantArb,
      done: fc.option(fc.record({ by: nameArb, at: instantArb }), { nil: null }),
    })
    .map(({ done, ...action }) => ({ ...action, status: done ? 'done' : 'open', doneBy: done?.by ?? null, doneAt: done?.at ?? null }));

const statusUpdateArb = (id: string): fc.Arbitrary<StatusUpdate> =>
  fc.record({ id: fc.constant(id), audience: fc.constantFrom(...AUDIENCES), template: textArb, text: textArb, postedBy: textArb, postedAt: instantArb, entryId: textArb });

const minutesArb = fc.option(fc.integer({ min: 1, max: 7 * 24 * 60 }), { nil: null });
const cadenceArb: fc.Arbitrary<StatusCadence> = fc.record({
  minutesBySeverity: fc.record({ SEV1: minutesArb, SEV2: minutesArb, SEV3: minutesArb, SEV4: minutesArb }),
  snoozes: fc.array(fc.record({ by: textArb, at: instantArb, until: instantArb, reason: textArb }), { maxLength: 2 }),
});

const roleArb: fc.Arbitrary<RoleAssignment> = fc.record({ role: nameArb, person: nameArb, assignedBy: textArb, assignedAt: instantArb });
const handoffArb = (id: string): fc.Arbitrary<Handoff> =>
  fc.record({ id: fc.constant(id), role: textArb, from: textArb, to: textArb, at: instantArb, briefing: fc.string({ maxLength: 80 }) });

export const coordinationArb: fc.Arbitrary<CoordinationState> = fc
  .record({ decisionIds: idsArb, checklistIds: idsArb, actionIds: idsArb, updateIds: idsArb, handoffIds: idsArb })
  .chain(({ decisionIds, checklistIds, actionIds, updateIds, handoffIds }) =>
    fc.record({
      decisions: fc.tuple(...decisionIds.map((id) => decisionArb(id, decisionIds.filter((other) => other !== id)))),
      checklists: fc.tuple(...checklistIds.map(checklistArb)),
      actions: fc.tuple(...actionIds.map(actionArb)),
      statusUpdates: fc.tuple(...updateIds.map(statusUpdateArb)),
      cadence: cadenceArb,
      roles: fc.array(roleArb, { maxLength: MAX_RECORDS }),
      handoffs: fc.tuple(...handoffIds.map(handoffArb)),
    }),
  )
  .map((coordination) => ({
    ...coordination,
    decisions: [...coordination.decisions].sort(byTimeThenId((d) => d.createdAt)),
    checklists: [...coordination.checklists].sort(byTimeThenId((c) => c.createdAt)),
    actions: [...coordination.actions].sort(byTimeThenId((a) => a.createdAt)),
    statusUpdates: [...coordination.statusUpdates].sort(byTimeThenId((u) => u.postedAt)),
    handoffs: [...coordination.handoffs].sort(byTimeThenId((h) => h.at)),
  }));
