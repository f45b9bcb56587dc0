// A refused command as a form shows it: the sentence, and the field to mark.
import { CommandError } from '../../shared/model/commandError';

export function commandFailure(error: unknown): { message: string; field?: string } {
  if (error instanceof CommandError) return error.field ? { message: error.message, field: error.field } : { message: error.message };
  return { message: error instanceof Error ? error.message : String(error) };
}
