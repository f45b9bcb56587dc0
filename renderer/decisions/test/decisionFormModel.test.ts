import { describe, expect, it } from 'vitest';
import { CommandError } from '../../../shared/model/commandError';
import { blankOption, emptyForm, errorsFrom, optionInputs, revisitAtFrom } from '../decisionFormModel';

describe('decision form model', () => {
  it('starts prefilled with the question and two empty option rows', () => {
    const form = emptyForm('Fail over to the standby?');
    expect(form.question).toBe('Fail over to the standby?');
    expect(form.options).toHaveLength(2);
    expect(new Set(form.options.map((o) => o.key)).size).toBe(2);
  });

  it('drops blank option rows and keeps stored ids', () => {
    const rows = [{ ...blankOption(), title: 'Turtle', id: 'opt1' }, blankOption(), { ...blankOption(), title: '', pros: 'fast' }];
    const { inputs, keys } = optionInputs(rows);
    expect(inputs).toEqual([{ id: 'opt1', title: 'Turtle', pros: '', cons: '' }, { id: rows[2]!.id, title: '', pros: 'fast', cons: '' }]);
    expect(keys).toEqual([rows[0]!.key, rows[2]!.key]);
  });

  it('maps an option error back to the row it came from', () => {
    const err = new CommandError('invalid', 'Give each option a short title, or remove the empty one.', 'options.1.title');
    expect(errorsFrom(err, ['a', 'b'])).toEqual({ 'option:b': err.message });
    expect(errorsFrom(new CommandError('invalid', 'x', 'chosenOptionId'))).toEqual({ chosenOptionId: 'x' });
    expect(errorsFrom(new Error('boom'))).toEqual({ form: 'boom' });
  });

  it('turns "revisit in N minutes" into an instant, refusing nonsense', () => {
    const now = '2026-11-21T21:00:00.000Z';
    expect(revisitAtFrom('', now)).toBeNull();
    expect(revisitAtFrom('30', now)).toBe('2026-11-21T21:30:00.000Z');
    expect(() => revisitAtFrom('-5', now)).toThrow(/whole number/);
    expect(() => revisitAtFrom('soon', now)).toThrow(CommandError);
  });
});
