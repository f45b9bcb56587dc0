import type { z } from 'zod';

export type CommandErrorCode = 'not-found' | 'invalid' | 'no-incident';

/** Why a command refused to write. `field` names the input at fault, for inline errors. */
export class CommandError extends Error {
  readonly code: CommandErrorCode;
  readonly field?: string;

  constructor(code: CommandErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'CommandError';
    this.code = code;
    if (field !== undefined) this.field = field;
  }
}

/** Validates `value` or throws CommandError('invalid') naming the first bad field. */
export function validate<S extends z.ZodType>(schema: S, value: unknown, field?: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue?.path.map(String).join('.') ?? '';
  throw new CommandError('invalid', issue?.message ?? 'Invalid input.', path || field);
}
