// The names a stored record claims to be written by, read with the model's own decoders, so the
// host judges a record exactly as every replica will read it. A field that is missing or odd
// reads as '' (the decoders' empty value), which matches nobody's identity.
import { ACTION_EVENTS, ACTIONS } from '../../../shared/model/actions';
import { foldAction, isActionEvent } from '../../../shared/model/actionRecords';
import { CHECKLIST_EVENTS, CHECKLISTS, foldChecklist, readItemEvent } from '../../../shared/model/checklistRecords';
import { DECISION_EVENTS, DECISIONS, decodeDecisionEvent, decodeDecisionRecord } from '../../../shared/model/decisionRecords';
import { ENTRIES, ENTRY_EDITS } from '../../../shared/model/doc';
import { decodeEntryRecord, readRetraction } from '../../../shared/model/entryRecords';
import { storedText } from '../../../shared/model/storedFields';

const field = (value: unknown, key: string): unknown => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined);
const present = (names: ReadonlyArray<string | null>): string[] => names.filter((n): n is string => n !== null);

function entryRecordNames(value: unknown): string[] {
  return [storedText(decodeEntryRecord(value).author)];
}

/** An edit names its editor; a retraction also names who retracted. */
function entryEditNames(value: unknown): string[] {
  const by = storedText(field(value, 'by'));
  return field(value, 'field') === 'retraction' ? [by, readRetraction(field(value, 'value'))?.by ?? ''] : [by];
}

/** A new decision: its proposer, and whoever its record says decided it or reviewed it. */
function decisionRecordNames(value: unknown): string[] {
  const d = decodeDecisionRecord(value, '');
  return [d.createdBy, ...present([d.decidedBy, d.outcome?.by ?? null]), ...d.history.map((h) => h.by)];
}

function decisionEventNames(value: unknown): string[] {
  return [decodeDecisionEvent(value)?.by ?? ''];
}

function actionRecordNames(value: unknown): string[] {
  return [foldAction(value, [], '').action.createdBy];
}

function actionEventNames(value: unknown): string[] {
  return [isActionEvent(value) ? storedText(value.by) : ''];
}

/** A new checklist: its creator, and every tick or confirmation its items arrive with. */
function checklistRecordNames(value: unknown): string[] {
  const list = foldChecklist(value, [], '');
  return [list.createdBy, ...list.items.flatMap((item) => [...present([item.doneBy, item.confirmedBy]), ...item.history.map((h) => h.by)])];
}

/** An added item or an item event (tick, assignment, confirmation): who did it. */
function checklistEventNames(value: unknown): string[] {
  return [field(value, 'op') === 'add' ? storedText(field(value, 'by')) : (readItemEvent(value)?.by ?? '')];
}

/** Per authored root collection: the names a value added to it claims to be written by. */
export const AUTHORED_COLLECTIONS: ReadonlyMap<string, (value: unknown) => string[]> = new Map([
  [ENTRIES, entryRecordNames],
  [ENTRY_EDITS, entryEditNames],
  [DECISIONS, decisionRecordNames],
  [DECISION_EVENTS, decisionEventNames],
  [ACTIONS, actionRecordNames],
  [ACTION_EVENTS, actionEventNames],
  [CHECKLISTS, checklistRecordNames],
  [CHECKLIST_EVENTS, checklistEventNames],
]);
