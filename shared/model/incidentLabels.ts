// Editing the incident's labels (services, tags); the lists themselves are read in incidentLabelRecords.ts.
import type * as Y from 'yjs';
import { validate } from './commandError';
import { requireIncident, runCommand, type CommandContext } from './commandContext';
import { LabelListSchema, normaliseLabels, readLabels, type LabelField } from './incidentLabelRecords';

export { LABEL_FIELDS, MAX_LABELS, MAX_LABEL_CHARS, labelText, normaliseLabels, parseLabelText, readLabels, type LabelField } from './incidentLabelRecords';

/** Replaces one label list; a list equal to the stored one writes nothing. */
export function setIncidentLabels(doc: Y.Doc, ctx: CommandContext, field: LabelField, values: readonly string[]): void {
  const next = normaliseLabels(validate(LabelListSchema, values, field));
  const meta = requireIncident(doc);
  const current = readLabels(meta.get(field));
  if (current.length === next.length && current.every((label, i) => label === next[i])) return;
  runCommand(doc, ctx, () => meta.set(field, next));
}
