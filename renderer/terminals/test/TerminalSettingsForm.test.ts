import { describe, expect, it } from 'vitest';
import { DEFAULT_TERMINAL_SETTINGS } from '../../../shared/protocol/settings';
import { DEFAULT_REDACTION_RULES } from '../../../shared/terminal/redactionRules';
import {
  checkRuleRows,
  draftFromSettings,
  formatArgsText,
  formatEnvText,
  parseArgsText,
  parseEnvText,
  settingsFromDraft,
  type RuleRow,
} from '../TerminalSettingsForm';

let counter = 0;
const newKey = () => `k${++counter}`;

describe('parseEnvText', () => {
  it('reads NAME=value lines, keeping = and spaces inside values', () => {
    expect(parseEnvText('KUBECONFIG=/home/ana/.kube/prod\n\n# a comment\nPS1=$ a=b \nEMPTY=')).toEqual({
      ok: true,
      value: { KUBECONFIG: '/home/ana/.kube/prod', PS1: '$ a=b ', EMPTY: '' },
    });
  });

  it('names the bad line', () => {
    expect(parseEnvText('A=1\njust words')).toEqual({ ok: false, message: 'Line 2: write NAME=value ("just words" has no "=").' });
    const badName = parseEnvText('A=1\n\n1BAD=x');
    expect(badName.ok).toBe(false);
    expect(!badName.ok && badName.message).toMatch(/^Line 3: "1BAD": Variable names are letters, digits and _/);
    expect(parseEnvText('=x').ok).toBe(false);
    expect(parseEnvText('A=1\nA=2')).toEqual({ ok: false, message: 'Line 2: A is already set on line 1.' });
  });

  it('round-trips through formatEnvText', () => {
    const env = { A: '1', B: 'x = y' };
    expect(parseEnvText(formatEnvText(env))).toEqual({ ok: true, value: env });
  });
});

describe('parseArgsText', () => {
  it('takes one literal argument per line and drops blank lines', () => {
    expect(parseArgsText('--login\n\n-o vi\r\n')).toEqual(['--login', '-o vi']);
    expect(parseArgsText(formatArgsText(['-l', '--norc']))).toEqual(['-l', '--norc']);
    expect(parseArgsText('')).toEqual([]);
  });
});

describe('checkRuleRows', () => {
  const row = (name: string, pattern: string, flags = ''): RuleRow => ({ key: newKey(), name, pattern, flags });

  it('accepts the defaults', () => {
    expect(checkRuleRows(DEFAULT_REDACTION_RULES.map((r) => row(r.name, r.pattern, r.flags))).size).toBe(0);
  });

  it('names the rule whose regex does not compile, in the engine words', () => {
    const bad = row('Vault token', 'hvs\\.([A-Za-z0-9]+');
    const problems = checkRuleRows([row('ok', 'x'), bad]);
    expect(problems.size).toBe(1);
    expect(problems.get(bad.key)).toMatch(/^Rule "Vault token": Invalid regular expression.*Unterminated group/);
  });

  it('explains empty names, empty patterns and bad flags', () => {
    const noName = row(' ', 'x');
    const noPattern = row('P', '');
    const flags = row('F', 'x', 'g');
    const problems = checkRuleRows([noName, noPattern, flags]);
    expect(problems.get(noName.key)).toBe('Rule 1: Name the rule.');
    expect(problems.get(noPattern.key)).toBe('Rule "P": The pattern is empty.');
    expect(problems.get(flags.key)).toBe('Rule "F": Flags may be i, m, s and u.');
  });
});

describe('settingsFromDraft', () => {
  it('round-trips the defaults', () => {
    expect(settingsFromDraft(draftFromSettings(DEFAULT_TERMINAL_SETTINGS, newKey))).toEqual({ ok: true, value: DEFAULT_TERMINAL_SETTINGS });
  });

  it('builds settings from the text boxes', () => {
    const draft = { ...draftFromSettings(DEFAULT_TERMINAL_SETTINGS, newKey), shell: ' /bin/zsh ', argsText: '-l', cwd: '/srv', envText: 'A=1' };
    const result = settingsFromDraft(draft);
    expect(result.ok && result.value).toMatchObject({ shell: '/bin/zsh', args: ['-l'], cwd: '/srv', env: { A: '1' } });
  });

  it('refuses to save anything while an env line or a rule is bad', () => {
    const draft = draftFromSettings(DEFAULT_TERMINAL_SETTINGS, newKey);
    draft.envText = 'oops';
    draft.rules[0]!.pattern = '[';
    const result = settingsFromDraft(draft);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.env).toMatch(/^Line 1/);
    expect(result.problems.rules.get(draft.rules[0]!.key)).toMatch(/^Rule "AWS access key id": Invalid regular expression/);
  });
});
