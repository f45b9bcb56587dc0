// Header and postmortem fields write through the model's commands only; this wraps
// the context the commands need and turns their errors into one sentence.
import { updateIncident, type CommandContext } from '../../shared/model/commands';
import type { Incident } from '../../shared/model/types';
import type { IncidentContext } from '../app/session';

export type EditableMetaField = 'title' | 'summary' | 'impact' | 'commander';

export function commandContext(context: IncidentContext): CommandContext {
  return { author: context.author };
}

/** Writes one text field if it changed; returns an error sentence or null. */
export function commitMetaField(context: IncidentContext, incident: Incident, field: EditableMetaField, value: string): string | null {
  if (incident[field] === value) return null;
  try {
    updateIncident(context.doc, commandContext(context), { [field]: value });
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}
