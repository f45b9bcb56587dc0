// zod schemas of the coordination (decisions, checklists, actions, comms, roles) inside a version 2 archive. Strict objects,
// like the rest of the archive: a typo'd or foreign field is an error, never dropped.
// Cross-record links (a chosen option, a replacing decision) are checked too, because a
// dangling link would show up later as a blank cell in the postmortem with no clue why.
import { z } from 'zod';
import {
  ACTION_PRIORITIES,
  AUDIENCES,
  CHECKLIST_ITEM_STATES,
  DECISION_STATUSES,
  OUTCOME_VERDICTS,
  REVERSIBILITIES,
} from '../model/coordinationTypes';
import type { CoordinationState } from '../model/coordinationTypes';
import { SEVERITIES } from '../model/types';
import { InstantSchema } from './instantSchema';

const Id = z.string().min(1);

const DecisionSchema = z.strictObject({
  id: Id,
  entryId: z.string(),
  question: z.string(),
  context: z.string(),
  options: z.array(z.strictObject({ id: Id, title: z.string(), pros: z.string(), cons: z.string() })),
  chosenOptionId: z.string().nullable(),
  rationale: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: InstantSchema.nullable(),
  reversibility: z.enum(REVERSIBILITIES),
  revisitAt: InstantSchema.nullable(),
  status: z.enum(DECISION_STATUSES),
  replacedBy: z.string().nullable(),
  outcome: z.strictObject({ verdict: z.enum(OUTCOME_VERDICTS), why: z.string(), by: z.string(), at: InstantSchema }).nullable(),
  createdBy: z.string(),
  createdAt: InstantSchema,
  history: z.array(z.strictObject({ by: z.string(), at: InstantSchema, change: z.string() })),
});

const ChecklistItemSchema = z.strictObject({
  id: Id,
  section: z.string(),
  text: z.string(),
  needsConfirm: z.boolean(),
  ownerRole: z.string().nullable(),
  assignee: z.string().nullable(),
  state: z.enum(CHECKLIST_ITEM_STATES),
  reason: z.string().nullable(),
  doneBy: z.string().nullable(),
  confirmedBy: z.string().nullable(),
  history: z.array(
    z.strictObject({
      by: z.string(),
      at: InstantSchema,
      action: z.enum(['state', 'assign', 'confirm']),
      state: z.enum(CHECKLIST_ITEM_STATES).optional(),
      reason: z.string().optional(),
      assignee: z.string().optional(),
    }),
  ),
});

const ChecklistSchema = z.strictObject({
  id: Id,
  title: z.string(),
  template: z.string(),
  createdBy: z.string(),
  createdAt: InstantSchema,
  items: z.array(ChecklistItemSchema),
});

const ActionItemSchema = z.strictObject({
  id: Id,
  text: z.string(),
  owner: z.string(),
  dueAt: InstantSchema.nullable(),
  priority: z.enum(ACTION_PRIORITIES),
  status: z.enum(['open', 'done', 'not-doing']),
  reason: z.string().optional(),
  entryIds: z.array(Id),
  decisionIds: z.array(Id),
  createdBy: z.string(),
  createdAt: InstantSchema,
  doneBy: z.string().nullable(),
  doneAt: InstantSchema.nullable(),
});

const StatusUpdateSchema = z.strictObject({
  id: Id,
  audience: z.enum(AUDIENCES),
  template: z.string(),
  text: z.string(),
  postedBy: z.string(),
  postedAt: InstantSchema,
  entryId: z.string(),
});

/** Minutes between updates; null means no cadence for that severity. */
const CadenceMinutes = z.number().positive().nullable();

const CadenceSchema = z.strictObject({
  minutesBySeverity: z.strictObject(Object.fromEntries(SEVERITIES.map((s) => [s, CadenceMinutes])) as Record<(typeof SEVERITIES)[number], typeof CadenceMinutes>),
  snoozes: z.array(z.strictObject({ by: z.string(), at: InstantSchema, until: InstantSchema, reason: z.string() })),
});

const RoleAssignmentSchema = z.strictObject({ role: z.string().min(1), person: z.string().min(1), assignedBy: z.string(), assignedAt: InstantSchema });

const HandoffSchema = z.strictObject({ id: Id, role: z.string(), from: z.string(), to: z.string(), at: InstantSchema, briefing: z.string() });

type IssueSink = z.core.$RefinementCtx;

/** Reports the second and later records whose id was already used in `records`. */
function uniqueIds(records: ReadonlyArray<{ id: string }>, path: PropertyKey[], what: string, ctx: IssueSink): void {
  const seen = new Set<string>();
  records.forEach((record, index) => {
    if (seen.has(record.id)) ctx.addIssue({ code: 'custom', message: `Duplicate ${what} id ${record.id}`, path: [...path, index, 'id'] });
    seen.add(record.id);
  });
}

function checkDecisionLinks(decisions: CoordinationState['decisions'], ctx: IssueSink): void {
  const ids = new Set(decisions.map((decision) => decision.id));
  decisions.forEach((decision, index) => {
    uniqueIds(decision.options, ['decisions', index, 'options'], 'option', ctx);
    if (decision.chosenOptionId !== null && !decision.options.some((option) => option.id === decision.chosenOptionId)) {
      ctx.addIssue({ code: 'custom', message: `Chosen option ${decision.chosenOptionId} is not one of this decision's options`, path: ['decisions', index, 'chosenOptionId'] });
    }
    if (decision.replacedBy !== null && !ids.has(decision.replacedBy)) {
      ctx.addIssue({ code: 'custom', message: `Replacing decision ${decision.replacedBy} is not in this archive`, path: ['decisions', index, 'replacedBy'] });
    }
  });
}

export const CoordinationSchema: z.ZodType<CoordinationState> = z
  .strictObject({
    decisions: z.array(DecisionSchema),
    checklists: z.array(ChecklistSchema),
    actions: z.array(ActionItemSchema),
    statusUpdates: z.array(StatusUpdateSchema),
    cadence: CadenceSchema,
    roles: z.array(RoleAssignmentSchema),
    handoffs: z.array(HandoffSchema),
  })
  .superRefine((coordination, ctx) => {
    uniqueIds(coordination.decisions, ['decisions'], 'decision', ctx);
    checkDecisionLinks(coordination.decisions, ctx);
    uniqueIds(coordination.checklists, ['checklists'], 'checklist', ctx);
    coordination.checklists.forEach((checklist, index) => uniqueIds(checklist.items, ['checklists', index, 'items'], 'checklist item', ctx));
    uniqueIds(coordination.actions, ['actions'], 'action item', ctx);
    uniqueIds(coordination.statusUpdates, ['statusUpdates'], 'status update', ctx);
    uniqueIds(coordination.handoffs, ['handoffs'], 'handoff', ctx);
  });
