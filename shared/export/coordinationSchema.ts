// zod schemas of the coordination (decisions, checklists, actions, comms, roles) inside a version 2 archive. Strict objects,
// like the rest of the archive: a typo'd or foreign field is an error, never dropped.
// Cross-record links (a chosen option, a replacing decision) are checked too, because a
// dangling link would show up later as a blank cell in the postmortem with no clue why.
// Each record's fields are the ones its stored reader uses (shared/model/*Records.ts), in their strict form.
import { z } from 'zod';
import { ACTION_FIELDS } from '../model/actionRecords';
import { CadenceMinutes, SNOOZE_FIELDS } from '../model/cadenceRecords';
import { CHECKLIST_FIELDS, CHECKLIST_ITEM_FIELDS } from '../model/checklistRecords';
import type { CoordinationState } from '../model/coordinationTypes';
import { DECISION_FIELDS } from '../model/decisionRecords';
import { archiveShape, InstantSchema } from '../model/recordFields';
import { HANDOFF_FIELDS, ROLE_ASSIGNMENT_FIELDS } from '../model/roleRecords';
import { STATUS_UPDATE_FIELDS } from '../model/statusUpdates';
import { SEVERITIES } from '../model/types';

const DecisionSchema = z.strictObject(archiveShape(DECISION_FIELDS));

const ChecklistSchema = z.strictObject({
  ...archiveShape(CHECKLIST_FIELDS),
  items: z.array(z.strictObject(archiveShape(CHECKLIST_ITEM_FIELDS))),
});

/** The folded view: the creation record's fields, and what the action's log decided. */
const ActionItemSchema = z.strictObject({
  ...archiveShape(ACTION_FIELDS),
  status: z.enum(['open', 'done', 'not-doing']),
  reason: z.string().optional(),
  doneBy: z.string().nullable(),
  doneAt: InstantSchema.nullable(),
});

const StatusUpdateSchema = z.strictObject(archiveShape(STATUS_UPDATE_FIELDS));

const CadenceSchema = z.strictObject({
  minutesBySeverity: z.strictObject(Object.fromEntries(SEVERITIES.map((s) => [s, CadenceMinutes])) as Record<(typeof SEVERITIES)[number], typeof CadenceMinutes>),
  snoozes: z.array(z.strictObject(archiveShape(SNOOZE_FIELDS))),
});

const RoleAssignmentSchema = z.strictObject(archiveShape(ROLE_ASSIGNMENT_FIELDS));

const HandoffSchema = z.strictObject(archiveShape(HANDOFF_FIELDS));

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
