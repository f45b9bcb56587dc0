// The decision form's values and how they become command input, kept pure so they are
// tested without a DOM. Blank option rows are dropped (an empty row is how the list grows);
// an error on `options.N.title` is mapped back to the row the person typed in.
import { CommandError } from '../../shared/model/commandError';
import { minutesAfter } from '../../shared/model/decisions';
import { newId } from '../../shared/model/ids';
import type { OptionInput } from '../../shared/model/decisionSchemas';
import type { Decision, Reversibility } from '../../shared/model/coordinationTypes';
import type { Instant } from '../../shared/model/types';

export interface OptionDraft {
  /** Stable React key for the row; also where its errors are shown. */
  key: string;
  /** The option's id: stored, or made when the row was added. */
  id?: string;
  title: string;
  pros: string;
  cons: string;
}

export interface DecisionFormValues {
  question: string;
  context: string;
  options: OptionDraft[];
  reversibility: Reversibility;
  /** Minutes from now; '' = no revisit. */
  revisitMinutes: string;
}

/** Field name → message, for inline errors. */
export type FormErrors = Record<string, string>;

const MAX_REVISIT_MINUTES = 7 * 24 * 60;

/** A new row gets its option id up front, so saving the form twice never renames an option. */
export function blankOption(): OptionDraft {
  const id = newId();
  return { key: id, id, title: '', pros: '', cons: '' };
}

export function emptyForm(question = ''): DecisionFormValues {
  return { question, context: '', options: [blankOption(), blankOption()], reversibility: 'two-way', revisitMinutes: '' };
}

export function formFromDecision(decision: Decision): DecisionFormValues {
  return {
    question: decision.question,
    context: decision.context,
    options: decision.options.map((o) => ({ key: o.id, id: o.id, title: o.title, pros: o.pros, cons: o.cons })),
    reversibility: decision.reversibility,
    revisitMinutes: '',
  };
}

function isBlank(option: OptionDraft): boolean {
  return option.title.trim() === '' && option.pros.trim() === '' && option.cons.trim() === '';
}

export interface OptionInputs {
  inputs: OptionInput[];
  /** The form row key of each input, in the same order. */
  keys: string[];
}

export function optionInputs(options: readonly OptionDraft[]): OptionInputs {
  const kept = options.filter((o) => !isBlank(o));
  return {
    inputs: kept.map((o) => ({ ...(o.id ? { id: o.id } : {}), title: o.title, pros: o.pros, cons: o.cons })),
    keys: kept.map((o) => o.key),
  };
}

/** The revisit time for "in N minutes", null for none; throws CommandError for a bad number. */
export function revisitAtFrom(minutes: string, now: Instant): Instant | null {
  const text = minutes.trim();
  if (text === '') return null;
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0 || value > MAX_REVISIT_MINUTES) {
    throw new CommandError('invalid', 'Revisit in how many minutes? Use a whole number such as 30 (at most a week), or leave it empty.', 'revisitAt');
  }
  return minutesAfter(now, value);
}

const OPTION_FIELD = /^options\.(\d+)\.(\w+)$/;

/** Where a refusal belongs in the form: a field name, `option:<row key>`, or `form`. */
export function errorsFrom(err: unknown, optionKeys: readonly string[] = []): FormErrors {
  if (!(err instanceof CommandError)) return { form: err instanceof Error ? err.message : String(err) };
  const field = err.field ?? 'form';
  const match = OPTION_FIELD.exec(field);
  if (match) {
    const key = optionKeys[Number(match[1])];
    return key ? { [`option:${key}`]: err.message } : { options: err.message };
  }
  return { [field.split('.')[0] ?? 'form']: err.message };
}
